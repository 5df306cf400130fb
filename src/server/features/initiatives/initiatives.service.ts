import { eq, sql } from 'drizzle-orm';
import { type Actor, authorizeOwn, scopeFor } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type {
  CreateInitiative,
  InitiativeLink,
  InitiativeList,
  InitiativeListQuery,
  InitiativeSummary,
  InitiativeView,
  SupportNeedKey,
  UpdateInitiative,
} from '../../../shared/contracts/initiatives.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { initiativeAssessmentLinks, initiatives } from '../../db/schema/index.ts';
import { AppError, type FieldError, forbidden, notFound } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { forgetResults, municipalityResults, roundResults } from '../assessment-results/results.service.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findMunicipalitiesByCodes } from '../organisations/organisations.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import { municipalitiesUnder } from '../programmes/programmes.repo.ts';
import { indicatorViews } from './indicators.service.ts';
import { type InitiativeAccess, loadEditableInitiative, loadInitiativeAccess } from './initiative-access.ts';
import { checklistEntries, fundingView, milestoneView, riskView } from './initiative-mappers.ts';
import * as repo from './initiatives.repo.ts';

const iso = (d: string | Date) => new Date(d).toISOString();
const num = (v: number | string | null) => (v === null ? null : Number(v));

// --- Validation shared by create and update -----------------------------------------------------------

/** Municipalities by code, each within the owner's area (a municipality itself; a region's; members). */
async function resolveMunicipalities(
  db: Db,
  owner: { id: string; kind: string },
  codes: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const known = await findMunicipalitiesByCodes(db, unique);
  const unknown = unique.filter((c) => !known.some((m) => m.code === c));
  if (unknown.length)
    throw new AppError(
      400,
      'unknown_municipality',
      unknown.map((c) => ({
        path: `body.municipalityCodes.${codes.indexOf(c)}`,
        code: 'unknown_municipality',
      })),
    );
  if (owner.kind !== 'nation') {
    const inScope = new Set(
      owner.kind === 'municipality' || owner.kind === 'region' || owner.kind === 'association'
        ? (await municipalitiesUnder(db, owner as { id: string; kind: 'region' })).map((m) => m.id)
        : [],
    );
    const outside = known.filter((m) => !inScope.has(m.id));
    if (outside.length)
      throw new AppError(
        400,
        'municipality_outside_scope',
        outside.map((m) => ({
          path: `body.municipalityCodes.${codes.indexOf(m.code ?? '')}`,
          code: 'outside_owner_scope',
        })),
      );
  }
  return known.map((m) => m.id);
}

/** Catalogue technologies by key; an unknown key is refused with its position. */
export async function resolveTechnologies(
  db: Db,
  keys: readonly string[],
  path = 'body.technologyKeys',
): Promise<string[]> {
  const unique = [...new Set(keys)];
  const known = await repo.technologiesByKeys(db, unique);
  const errors: FieldError[] = unique
    .filter((k) => !known.some((t) => t.key === k))
    .map((k) => ({ path: `${path}.${keys.indexOf(k)}`, code: 'unknown_technology' }));
  if (errors.length) throw new AppError(400, 'unknown_technology', errors);
  return unique.map((k) => known.find((t) => t.key === k)!.id);
}

// --- Views --------------------------------------------------------------------------------------------

async function summaries(db: Db, rows: repo.InitiativeRow[], lang: UiLanguage): Promise<InitiativeSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // Sequential: `db` may be a transaction.
  const municipalities = await repo.municipalitiesOf(db, ids);
  const techs = await repo.technologiesOf(db, ids);
  const milestones = await repo.nextMilestones(db, ids);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status as InitiativeSummary['status'],
    phase: r.phase as InitiativeSummary['phase'],
    owner: { id: r.owner_id, name: r.owner_name },
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    budgetSek: num(r.budget_sek),
    municipalities: municipalities
      .filter((m) => m.initiative_id === r.id)
      .map((m) => ({ code: m.code, name: m.name }))
      .sort((a, b) => swedishCollator.compare(a.name, b.name)),
    technologies: techs
      .filter((t) => t.initiative_id === r.id)
      .map((t) => ({ key: t.key, name: lang === 'en' ? t.name_en : t.name_sv })),
    nextMilestone: (() => {
      const m = milestones.find((x) => x.initiative_id === r.id);
      return m ? { title: m.title, dueOn: m.due_on } : null;
    })(),
    updatedAt: iso(r.updated_at),
  }));
}

/**
 * The whole initiative. Governing documents are public records on the platform (every signed-in user
 * reads them, see documents.service.ts), so linked documents are shown with their id and title.
 */
export async function initiativeView(
  db: Db,
  actor: Actor,
  id: string,
  lang: UiLanguage = 'sv',
  known?: InitiativeAccess,
): Promise<InitiativeView> {
  const access = known ?? (await loadInitiativeAccess(db, actor, id));
  const row = await repo.findInitiative(db, id);
  if (!row) throw notFound();
  const [summary] = await summaries(db, [row], lang);
  const supportNeeds = await repo.supportNeedsOf(db, id);
  const links = await repo.assessmentLinksOf(db, id);
  const need = await repo.needOf(db, id);
  const plans = await repo.plansOf(db, id);
  const checklist = await repo.checklistOf(db, id);
  const milestones = await repo.milestonesOf(db, id);
  const risks = await repo.risksOf(db, id);
  const documents = await repo.documentLinksOf(db, id);
  const funding = await repo.fundingOf(db, id);
  const indicators = await indicatorViews(db, await repo.indicatorsOf(db, id));
  return {
    ...summary!,
    purpose: row.purpose,
    responsible: { userId: row.responsible_user_id, name: row.responsible_name },
    supportNeeds: supportNeeds as SupportNeedKey[],
    createdAt: iso(row.created_at),
    links: links.map((l) => ({
      roundId: l.round_id,
      roundName: l.round_name,
      municipalityCode: l.municipality_code,
      municipalityName: l.municipality_name,
      areaKey: l.area_key,
      questionKey: l.question_key,
    })),
    need,
    plans: plans.map((p) => ({ id: p.id, title: p.title, priority: Number(p.priority) })),
    checklist: checklistEntries(checklist),
    milestones: milestones.map(milestoneView),
    risks: risks.map(riskView),
    documents: documents.map(
      (d): InitiativeLink => ({
        id: d.id,
        title: d.title,
        url: d.url,
        document: d.document_id ? { id: d.document_id, title: d.document_title ?? d.title } : null,
      }),
    ),
    funding: funding.map(fundingView),
    indicators,
    canEdit: access.canEdit,
  };
}

// --- List ---------------------------------------------------------------------------------------------

const encodeCursor = (r: repo.InitiativeRow) =>
  Buffer.from(JSON.stringify([r.updated_key, r.id])).toString('base64url');

function decodeCursor(cursor: string | undefined): { updatedKey: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [updatedKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof updatedKey === 'string' &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(updatedKey) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    )
      return { updatedKey, id };
  } catch {
    // Fall through to the problem below.
  }
  throw new AppError(400, 'validation_failed', [{ path: 'querystring.cursor', code: 'invalid_format' }]);
}

/**
 * The initiatives the caller may read, filtered and paged in SQL (national scale: thousands). Sorted by
 * the latest change; names cannot be sorted with Swedish collation in SQL on PGlite.
 */
export async function listInitiatives(
  db: Db,
  actor: Actor,
  query: InitiativeListQuery,
  lang: UiLanguage,
): Promise<InitiativeList> {
  const readers = scopeFor(actor, 'initiative.read');
  if (readers.organisationIds.length === 0) throw forbidden();
  const after = decodeCursor(query.cursor);
  const rows = await repo.listInitiatives(db, {
    readOrgIds: readers.restrictTo,
    plan: query.plan,
    owner: query.owner,
    status: query.status,
    phase: query.phase,
    municipality: query.municipality,
    technology: query.technology,
    q: query.q,
    after,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: await summaries(db, page, lang),
    nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null,
  };
}

// --- Create -------------------------------------------------------------------------------------------

/**
 * Creates an initiative owned by an organisation where the caller holds `initiative.manage` itself.
 * With `source`, it is a draft from an assessment gap (issue 6): linked to the round and to the
 * municipality, area or question it answers; the caller must be allowed to see that gap — the results
 * calls throw 404/403 otherwise.
 */
export async function createInitiative(
  db: Db,
  actor: Actor,
  input: CreateInitiative,
  lang: UiLanguage = 'sv',
): Promise<InitiativeView> {
  const ownerCtx = await requireOrgContext(db, input.ownerOrganisationId);
  if (!authorizeOwn(actor, 'initiative.manage', ownerCtx)) throw forbidden();
  const { source } = input;
  let gapMunicipalityId: string | null = null;
  if (source) {
    if (source.municipalityCode) {
      await municipalityResults(db, actor, source.roundId, source.municipalityCode, [], 'sv');
      gapMunicipalityId = (
        await queryRows<{ id: string }>(
          db,
          sql`select id from organisations where kind = 'municipality' and code = ${source.municipalityCode}`,
        )
      )[0]!.id;
    }
    const { result } = await roundResults(db, actor, source.roundId, 'sv');
    if (source.areaKey && !result.areas.some((a) => a.key === source.areaKey))
      throw new AppError(400, 'validation_failed', [{ path: 'body.source.areaKey', code: 'unknown_area' }]);
    if (source.questionKey && !result.distribution.some((d) => d.key === source.questionKey))
      throw new AppError(400, 'validation_failed', [
        { path: 'body.source.questionKey', code: 'unknown_question' },
      ]);
  }
  const codes = input.municipalityCodes ?? [];
  const keys = input.technologyKeys ?? [];
  const municipalityIds = await resolveMunicipalities(db, ownerCtx, codes);
  const technologyIds = await resolveTechnologies(db, keys);
  const supportNeeds = [...new Set(input.supportNeeds ?? [])];
  const status = input.status ?? 'idea';
  const phase = input.phase ?? 'prepare';

  const id = await db.transaction(async (tx) => {
    const newId = await repo.insertInitiative(tx, {
      title: input.title,
      purpose: input.purpose ?? null,
      ownerOrganisationId: input.ownerOrganisationId,
      status,
      phase,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      budgetSek: input.budgetSek ?? null,
      createdBy: actor.userId,
      municipalityIds,
      technologyIds,
      supportNeeds,
    });
    if (source)
      await tx.insert(initiativeAssessmentLinks).values({
        initiativeId: newId,
        roundId: source.roundId,
        municipalityId: gapMunicipalityId,
        areaKey: source.areaKey ?? null,
        questionKey: source.questionKey ?? null,
      });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'initiative.created',
      entityType: 'initiative',
      entityId: newId,
      organisationId: input.ownerOrganisationId,
      after: {
        title: input.title,
        status,
        phase,
        municipalityCodes: [...new Set(codes)],
        technologyKeys: [...new Set(keys)],
        supportNeeds,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        budgetSek: input.budgetSek ?? null,
        source: source ?? null,
      },
    });
    return newId;
  });
  if (source) forgetResults(db);
  return initiativeView(db, actor, id, lang);
}

// --- Update -------------------------------------------------------------------------------------------

/**
 * Changes an initiative: only the owner organisation's people (403 for those who only read it). The
 * phase may move back. Title, status or phase changes start a new history row (plans read it back).
 */
export async function updateInitiative(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateInitiative,
  lang: UiLanguage,
): Promise<InitiativeView> {
  const access = await loadEditableInitiative(db, actor, id);
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(initiatives).where(eq(initiatives.id, id)).for('update');
    if (!row) throw notFound();
    const startsOn = input.startsOn === undefined ? row.startsOn : input.startsOn;
    const endsOn = input.endsOn === undefined ? row.endsOn : input.endsOn;
    if (startsOn && endsOn && endsOn < startsOn)
      throw new AppError(400, 'validation_failed', [{ path: 'body.endsOn', code: 'ends_before_starts' }]);
    if (input.responsibleUserId && !(await repo.userExists(tx, input.responsibleUserId)))
      throw new AppError(400, 'validation_failed', [
        { path: 'body.responsibleUserId', code: 'unknown_user' },
      ]);
    const ownerCtx = await requireOrgContext(tx, row.ownerOrganisationId);
    const municipalityIds =
      input.municipalityCodes && (await resolveMunicipalities(tx, ownerCtx, input.municipalityCodes));
    const technologyIds = input.technologyKeys && (await resolveTechnologies(tx, input.technologyKeys));

    const columns = {
      title: input.title,
      purpose: input.purpose,
      status: input.status,
      phase: input.phase,
      responsibleName: input.responsibleName,
      responsibleUserId: input.responsibleUserId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      budgetSek: input.budgetSek,
    };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(columns)) {
      if (v === undefined) continue;
      const old = (row as Record<string, unknown>)[k] ?? null;
      if (old === v) continue;
      before[k] = old;
      after[k] = v;
    }
    const lists = await listChanges(tx, id, input);
    Object.assign(before, lists.before);
    Object.assign(after, lists.after);
    if (Object.keys(after).length === 0) return;

    await tx
      .update(initiatives)
      .set({
        ...Object.fromEntries(Object.entries(columns).filter(([k]) => k in after)),
        updatedAt: new Date(),
      })
      .where(eq(initiatives.id, id));
    if (municipalityIds && 'municipalityCodes' in after)
      await repo.replaceMunicipalities(tx, id, municipalityIds);
    if (technologyIds && 'technologyKeys' in after) await repo.replaceTechnologies(tx, id, technologyIds);
    if (input.supportNeeds && 'supportNeeds' in after)
      await repo.replaceSupportNeeds(tx, id, [...new Set(input.supportNeeds)]);
    await repo.recordInitiativeHistory(
      tx,
      id,
      {
        title: input.title ?? row.title,
        status: input.status ?? row.status,
        phase: input.phase ?? row.phase,
      },
      actor.userId,
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'initiative.updated',
      entityType: 'initiative',
      entityId: id,
      organisationId: row.ownerOrganisationId,
      before,
      after,
    });
  });
  return initiativeView(db, actor, id, lang, access);
}

async function listChanges(tx: Db, id: string, input: UpdateInitiative) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const same = (a: readonly string[], b: readonly string[]) =>
    JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());
  if (input.municipalityCodes) {
    const now = (await repo.municipalitiesOf(tx, [id])).map((m) => m.code);
    if (!same(now, input.municipalityCodes)) {
      before.municipalityCodes = now.sort();
      after.municipalityCodes = [...new Set(input.municipalityCodes)].sort();
    }
  }
  if (input.technologyKeys) {
    const now = (await repo.technologiesOf(tx, [id])).map((t) => t.key);
    if (!same(now, input.technologyKeys)) {
      before.technologyKeys = now.sort();
      after.technologyKeys = [...new Set(input.technologyKeys)].sort();
    }
  }
  if (input.supportNeeds) {
    const now = await repo.supportNeedsOf(tx, id);
    if (!same(now, input.supportNeeds)) {
      before.supportNeeds = now.sort();
      after.supportNeeds = [...new Set(input.supportNeeds)].sort();
    }
  }
  return { before, after };
}

// --- Checklist ----------------------------------------------------------------------------------------
