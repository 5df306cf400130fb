import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import {
  CaseFields,
  type CaseListQuery,
  type CaseSummary,
  type CaseView,
  type CreateCase,
} from '../../../shared/contracts/cases.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { caseScopeOf, EDITABLE_STATUSES, isAuthor } from './case-access.ts';
import * as writes from './case-writes.repo.ts';
import * as repo from './cases.repo.ts';

export function toSummary(actor: Actor, r: repo.CaseRow): CaseSummary {
  const author = isAuthor(actor, r.municipality_id);
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    municipality: {
      id: r.municipality_id,
      code: r.municipality_code,
      name: r.municipality_name,
      countyCode: r.county_code,
      isModel: r.is_model,
    },
    technologies: r.technologies,
    phaseReached: r.phase_reached as CaseSummary['phaseReached'],
    sizeBand: r.size_band as CaseSummary['sizeBand'],
    serviceArea: r.service_area as CaseSummary['serviceArea'],
    status: r.status as CaseSummary['status'],
    isDemo: r.is_demo,
    hasContact: r.has_contact,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
    canEdit: author && EDITABLE_STATUSES.has(r.status),
    canReview: r.reviewable && r.status === 'submitted',
  };
}

const encodeCursor = (r: repo.CaseRow) =>
  Buffer.from(JSON.stringify([r.model_rank, r.sort_key, r.id])).toString('base64url');

function decodeCursor(cursor: string | undefined): repo.Cursor | null {
  if (!cursor) return null;
  try {
    const [modelRank, sortKey, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      (modelRank === 0 || modelRank === 1) &&
      typeof sortKey === 'string' &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(sortKey) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    )
      return { modelRank, sortKey, id };
  } catch {
    // Fall through to the problem below.
  }
  throw new AppError(400, 'validation_failed', [{ path: 'querystring.cursor', code: 'invalid_format' }]);
}

export async function listCases(db: Db, actor: Actor, lang: UiLanguage, q: CaseListQuery) {
  const rows = await repo.listCases(db, caseScopeOf(actor), lang, q, decodeCursor(q.cursor));
  const pageRows = rows.slice(0, q.limit);
  return {
    items: pageRows.map((r) => toSummary(actor, r)),
    nextCursor: rows.length > q.limit ? encodeCursor(pageRows.at(-1)!) : null,
  };
}

/** The case if the actor may read it; 404 otherwise (an unpublished case does not exist for others). */
export async function loadVisible(db: Db, actor: Actor, lang: UiLanguage, id: string) {
  const row = await repo.findVisibleCase(db, caseScopeOf(actor), lang, id);
  if (!row) throw notFound();
  return row;
}

export async function getCase(db: Db, actor: Actor, lang: UiLanguage, id: string): Promise<CaseView> {
  const row = await loadVisible(db, actor, lang, id);
  const [d, indicators, attachments] = await Promise.all([
    repo.caseDetails(db, id),
    repo.caseIndicators(db, id),
    repo.caseAttachmentList(db, id),
  ]);
  const summary = toSummary(actor, row);
  const author = isAuthor(actor, row.municipality_id);
  const editorView = author || row.reviewable;
  const consented = d.contact_consent && d.contact_name && d.contact_email;
  return {
    ...summary,
    context: d.context,
    whatWasDone: d.what_was_done,
    results: d.results,
    lessons: d.lessons,
    costs: d.costs,
    costSek: d.cost_sek,
    initiative: d.initiative_id ? { id: d.initiative_id, title: d.initiative_title ?? '' } : null,
    indicators: indicators.map((i) => ({
      id: i.id,
      name: i.name,
      type: i.type as CaseView['indicators'][number]['type'],
      unit: i.unit,
      direction: i.direction as 'increase' | 'decrease',
      baselineValue: i.baseline_value,
      baselineOn: i.baseline_on,
      targetValue: i.target_value,
      targetOn: i.target_on,
      latest:
        i.latest_value !== null && i.latest_on ? { value: i.latest_value, measuredOn: i.latest_on } : null,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mediaType: a.media_type,
      sizeBytes: a.size_bytes,
      uploadedAt: a.uploaded_at,
    })),
    contact: consented
      ? { name: d.contact_name!, title: d.contact_title, email: d.contact_email!, phone: d.contact_phone }
      : null,
    editor: editorView
      ? {
          contactName: d.contact_name,
          contactTitle: d.contact_title,
          contactEmail: d.contact_email,
          contactPhone: d.contact_phone,
          contactConsent: d.contact_consent,
          reviewNote: d.review_note,
          indicatorIds: indicators.map((i) => i.id),
          initiativeId: d.initiative_id,
        }
      : null,
    canSubmit: summary.canEdit,
    canWithdraw: row.status === 'published' && editorView,
    canContact: row.status === 'published' && Boolean(consented),
  };
}

async function municipalityByCode(db: Db, code: string) {
  const [m] = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from organisations where kind = 'municipality' and code = ${code}`,
  );
  if (!m)
    throw new AppError(400, 'validation_failed', [
      { path: 'body.municipalityCode', code: 'unknown_municipality' },
    ]);
  return m;
}

/** A new draft, written by a coordinator of the municipality it tells about. */
export async function createCase(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  input: CreateCase,
): Promise<CaseView> {
  const municipality = await municipalityByCode(db, input.municipalityCode);
  if (!isAuthor(actor, municipality.id)) throw forbidden();
  const fields = CaseFields.parse(input);
  const techIds = await writes.technologyIds(db, fields.technologyKeys);
  const indicatorIds = await writes.checkLinks(
    db,
    municipality.id,
    fields.initiativeId ?? null,
    fields.indicatorIds,
  );
  const values = writes.columnsOf(fields);
  const id = await db.transaction(async (tx) => {
    const newId = await writes.insertCase(tx, {
      ...values,
      municipalityId: municipality.id,
      createdBy: actor.userId,
    });
    await writes.setLinks(tx, newId, techIds, indicatorIds);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'case.created',
      entityType: 'case',
      entityId: newId,
      organisationId: municipality.id,
      after: { ...values, technologyKeys: fields.technologyKeys, indicatorIds },
    });
    return newId;
  });
  return getCase(db, actor, lang, id);
}

/** Loads a case for an author's change: 404 unless visible, 403 unless an author, 409 unless editable. */
export async function lockForAuthor(tx: Db, actor: Actor, lang: UiLanguage, id: string) {
  await loadVisible(tx, actor, lang, id);
  const locked = (await repo.lockCase(tx, id))!;
  if (!isAuthor(actor, locked.municipality_id)) throw forbidden();
  if (!EDITABLE_STATUSES.has(locked.status)) throw new AppError(409, 'case_not_editable');
  return locked;
}

export async function updateCase(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  input: CaseFields,
): Promise<CaseView> {
  const fields = CaseFields.parse(input);
  await db.transaction(async (tx) => {
    const locked = await lockForAuthor(tx, actor, lang, id);
    const techIds = await writes.technologyIds(tx, fields.technologyKeys);
    const indicatorIds = await writes.checkLinks(
      tx,
      locked.municipality_id,
      fields.initiativeId ?? null,
      fields.indicatorIds,
    );
    const before = await writes.storedColumns(tx, id);
    const values = writes.columnsOf(fields);
    await writes.updateCaseColumns(tx, id, { ...values, updatedBy: actor.userId });
    await writes.setLinks(tx, id, techIds, indicatorIds);
    const after = await writes.storedColumns(tx, id);
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'case.updated',
      entityType: 'case',
      entityId: id,
      organisationId: locked.municipality_id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
  });
  return getCase(db, actor, lang, id);
}
