import {
  type Actor,
  type OrgContext,
  readsContractsOf,
  seesContractValuesOf,
  writesContractsOf,
} from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import {
  type ContractHistory,
  type ContractInput,
  type ContractListQuery,
  type ContractPage,
  type ContractView,
  finalEnd,
  type UpdateContract,
} from '../../../shared/contracts/supplier-contracts.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getMunicipality, requireOrgContext } from '../organisations/organisations.service.ts';
import { technologyIds } from '../suppliers/suppliers.repo.ts';
import * as read from './contract-read.repo.ts';
import { createContract, updateContract } from './contract-write.ts';
import * as repo from './supplier-contracts.repo.ts';

/** The municipality of a path's code with its place in the tree, or 404; then the read rule, or 403. */
async function readableMunicipality(db: Db, actor: Actor, code: string) {
  const municipality = await getMunicipality(db, code);
  const ctx = await requireOrgContext(db, municipality.id);
  if (!readsContractsOf(actor, ctx)) throw forbidden();
  return { municipality, ctx };
}

/** A contract the actor may read (403 for another municipality's, staff and managers), with its rules. */
export async function readableContract(db: Db, actor: Actor, id: string) {
  const contract = await repo.findContract(db, id);
  if (!contract) throw notFound();
  const ctx = await requireOrgContext(db, contract.municipalityId);
  if (!readsContractsOf(actor, ctx)) throw forbidden();
  return { contract, ctx, seesValues: seesContractValuesOf(actor, ctx) };
}

/** The same, for a change: only the municipality's own coordinators. */
async function writableContract(db: Db, actor: Actor, id: string) {
  const found = await readableContract(db, actor, id);
  if (!writesContractsOf(actor, found.ctx)) throw forbidden();
  return found;
}

const encodeCursor = (r: read.ContractListRow) =>
  Buffer.from(JSON.stringify([r.ends_on, r.id])).toString('base64url');

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return null;
  try {
    const [endsOn, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof endsOn === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(endsOn) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    )
      return { endsOn, id };
  } catch {
    // Answered below as a 400.
  }
  throw new AppError(400, 'validation_failed', [{ path: 'querystring.cursor', code: 'invalid_format' }]);
}

const visibleValue = (v: string | number | null, visible: boolean) =>
  visible && v !== null ? Number(v) : null;

export async function listContracts(
  db: Db,
  actor: Actor,
  code: string,
  query: ContractListQuery,
  lang: UiLanguage,
): Promise<ContractPage> {
  const { municipality, ctx } = await readableMunicipality(db, actor, code);
  let technologyId: string | undefined;
  if (query.technology) {
    technologyId = (await technologyIds(db, [query.technology])).get(query.technology);
    if (!technologyId)
      throw new AppError(400, 'validation_failed', [
        { path: 'querystring.technology', code: 'unknown_technology' },
      ]);
  }
  const rows = await read.listContracts(db, {
    municipalityId: municipality.id,
    technologyId,
    supplierId: query.supplier,
    endingBefore: query.endingBefore,
    after: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const pageRows = rows.slice(0, query.limit);
  const techs = await read.technologiesOf(
    db,
    pageRows.map((r) => r.id),
    lang,
  );
  const seesValues = seesContractValuesOf(actor, ctx);
  return {
    municipality: { id: municipality.id, code: municipality.code, name: municipality.name },
    canCreate: writesContractsOf(actor, ctx),
    canSeeValues: seesValues,
    items: pageRows.map((r) => summaryOf(r, techs.get(r.id) ?? [], seesValues)),
    nextCursor: rows.length > query.limit ? encodeCursor(pageRows.at(-1)!) : null,
  };
}

function summaryOf(
  r: read.ContractListRow,
  technologies: { key: string; name: string }[],
  seesValues: boolean,
) {
  return {
    id: r.id,
    title: r.title,
    externalRef: r.external_ref,
    supplier: { id: r.supplier_id, name: r.supplier_name },
    procurementForm: r.procurement_form as ContractView['procurementForm'],
    technologies,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    nextDecisionOn: r.next_decision_on,
    annualValueSek: visibleValue(r.annual_value_sek, seesValues),
  };
}

export async function getContract(db: Db, actor: Actor, id: string, lang: UiLanguage): Promise<ContractView> {
  const { contract, ctx, seesValues } = await readableContract(db, actor, id);
  return viewOf(db, actor, contract, ctx, seesValues, lang);
}

async function viewOf(
  db: Db,
  actor: Actor,
  contract: repo.ContractRow,
  ctx: OrgContext,
  seesValues: boolean,
  lang: UiLanguage,
): Promise<ContractView> {
  const [row, techs, parts, products, municipality, responsible, documents] = await Promise.all([
    read.listRowById(db, contract.id),
    read.technologiesOf(db, [contract.id], lang),
    repo.contractParts(db, contract.id),
    read.productsNamed(db, contract.id),
    read.municipalityOf(db, contract.municipalityId),
    read.userName(db, contract.responsibleUserId),
    seesValues ? repo.documentsOf(db, contract.id) : Promise.resolve(null),
  ]);
  const extensions = parts.extensions.map((e) => ({
    position: e.position,
    months: e.months,
    decideBy: e.decideBy,
    status: e.status as 'open' | 'exercised' | 'declined',
  }));
  return {
    ...summaryOf(row!, techs.get(contract.id) ?? [], seesValues),
    municipality,
    frameworkName: contract.frameworkName,
    procurementId: contract.procurementId,
    noticeMonths: contract.noticeMonths,
    finalEndOn: finalEnd(contract.endsOn, extensions),
    products,
    extensions,
    responsible:
      contract.responsibleUserId && responsible
        ? { id: contract.responsibleUserId, name: responsible }
        : null,
    notes: contract.notes,
    version: contract.version,
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
    documents:
      documents?.map((d) => ({
        id: d.id,
        kind: d.kind,
        fileName: d.file_name,
        mediaType: d.media_type,
        sizeBytes: d.size_bytes,
        uploadedAt: new Date(d.uploaded_at).toISOString(),
        uploadedBy: d.uploaded_by,
      })) ?? null,
    canEdit: writesContractsOf(actor, ctx),
    canSeeValue: seesValues,
  };
}

/** The people the form offers as responsible: for the municipality's own coordinators, who write. */
export async function ownerCandidates(db: Db, actor: Actor, code: string) {
  const { municipality, ctx } = await readableMunicipality(db, actor, code);
  if (!writesContractsOf(actor, ctx)) throw forbidden();
  return { items: await read.responsibleCandidates(db, municipality.id) };
}

export async function createFromForm(
  db: Db,
  actor: Actor,
  code: string,
  input: ContractInput,
  lang: UiLanguage,
): Promise<ContractView> {
  const { municipality, ctx } = await readableMunicipality(db, actor, code);
  if (!writesContractsOf(actor, ctx)) throw forbidden();
  const { id } = await db.transaction((tx) => createContract(tx, actor, municipality.id, input, 'form'));
  return getContract(db, actor, id, lang);
}

export async function updateFromForm(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateContract,
  lang: UiLanguage,
): Promise<ContractView> {
  await writableContract(db, actor, id);
  const { version, ...input } = body;
  await db.transaction((tx) => updateContract(tx, actor, id, input, version, 'form'));
  return getContract(db, actor, id, lang);
}

export async function removeContract(db: Db, actor: Actor, id: string) {
  const { contract } = await writableContract(db, actor, id);
  await db.transaction(async (tx) => {
    await repo.deleteContract(tx, id);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contract.deleted',
      entityType: 'contract',
      entityId: id,
      organisationId: contract.municipalityId,
      before: {
        title: contract.title,
        supplierId: contract.supplierId,
        externalRef: contract.externalRef,
        startsOn: contract.startsOn,
        endsOn: contract.endsOn,
      },
    });
  });
  return { ok: true as const };
}

/** What only the municipality, its region and its associations see: the value and the documents' names. */
const HIDDEN_FIELDS = new Set(['annualValueSek', 'document']);

/** Every change, newest first; the annual value's from → to is hidden from those who may not see it. */
export async function contractHistory(db: Db, actor: Actor, id: string): Promise<ContractHistory> {
  const { seesValues } = await readableContract(db, actor, id);
  const items = await repo.historyOf(db, id);
  if (seesValues) return { items };
  const hide = (changes: ContractHistory['items'][number]['changes']) =>
    Object.fromEntries(
      Object.entries(changes).map(([k, v]) => [k, HIDDEN_FIELDS.has(k) ? { from: null, to: null } : v]),
    );
  return { items: items.map((h) => ({ ...h, changes: hide(h.changes) })) };
}
