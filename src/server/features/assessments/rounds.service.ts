import { type Actor, authorizeOwn, isNationalAdmin, scopeFor } from '../../../shared/access/index.ts';
import {
  type CreateRound,
  type RoundSummary,
  type RoundView,
  sheetProgress,
  type TemplateContent,
} from '../../../shared/contracts/assessments.ts';
import type { Db } from '../../db/client.ts';
import { AppError, type FieldError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { listAssociationMembers } from '../organisations/organisations.repo.ts';
import { listMunicipalities, requireOrgContext } from '../organisations/organisations.service.ts';
import { isClosed, type LoadedRound, runsRound } from './round-access.ts';
import * as repo from './rounds.repo.ts';
import * as templates from './templates.repo.ts';

const ownerKinds = new Set(['nation', 'region', 'association']);
/** Municipalities the actor answers for: municipal roles are held at the municipality itself. */
const answeringFor = (actor: Actor) => scopeFor(actor, 'assessment.answer').organisationIds;

function summary(actor: Actor, r: LoadedRound, sheets: { status: string }[]): RoundSummary {
  const content = r.content as TemplateContent;
  return {
    id: r.round.id,
    name: r.round.name,
    owner: { id: r.round.ownerOrganisationId, name: r.ownerName },
    template: {
      id: r.templateId,
      key: r.templateKey,
      name: content.name,
      versionId: r.round.templateVersionId,
      version: r.version,
    },
    opensOn: r.round.opensOn,
    closesOn: r.round.closesOn,
    closed: isClosed(r.round),
    shareResults: r.round.shareResults,
    canRun: runsRound(actor, r),
    municipalityCount: sheets.length,
    submittedCount: sheets.filter((s) => s.status === 'submitted').length,
  };
}

/** Rounds the actor runs or answers in; a participant's counts cover only its own sheets. */
export async function listRounds(db: Db, actor: Actor): Promise<RoundSummary[]> {
  const own = answeringFor(actor);
  const rows = await repo.listRounds(db, scopeFor(actor, 'assessment.run').restrictTo, own);
  const sheets = await repo.sheetsOf(
    db,
    rows.map((r) => r.round.id),
  );
  return rows.map((r) => {
    const mine = sheets.filter((s) => s.sheet.roundId === r.round.id);
    const visible = runsRound(actor, r) ? mine : mine.filter((s) => own.includes(s.sheet.municipalityId));
    return summary(
      actor,
      r,
      visible.map((s) => s.sheet),
    );
  });
}

/**
 * The round with completion per municipality: all of them for those who run it, only its own row for a
 * participating municipality, 404 for everyone else.
 */
export async function roundView(db: Db, actor: Actor, id: string): Promise<RoundView> {
  const round = await repo.findRound(db, id);
  if (!round) throw notFound();
  const runs = runsRound(actor, round);
  const own = answeringFor(actor);
  const sheets = (await repo.sheetsOf(db, [id])).filter(
    (s) => runs || own.includes(s.sheet.municipalityId) || isNationalAdmin(actor),
  );
  if (!sheets.length && !runs) throw notFound();
  const answered = await repo.answeredKeys(
    db,
    id,
    sheets.map((s) => s.sheet.municipalityId),
  );
  const content = round.content as TemplateContent;
  return {
    ...summary(
      actor,
      round,
      sheets.map((s) => s.sheet),
    ),
    sheets: sheets.map((s) => ({
      code: s.code ?? '',
      name: s.name,
      status: s.sheet.status as RoundView['sheets'][number]['status'],
      ...sheetProgress(content, answered.get(s.sheet.municipalityId) ?? new Set()),
      submittedAt: s.sheet.submittedAt?.toISOString() ?? null,
      remindedAt: s.sheet.remindedAt?.toISOString() ?? null,
    })),
  };
}

/** The municipalities a round owner may include: a region's own, an association's members, or all. */
async function municipalitiesInScope(db: Db, owner: { id: string; kind: string }) {
  const all = await listMunicipalities(db);
  if (owner.kind === 'nation') return all;
  if (owner.kind === 'region') return all.filter((m) => m.regionId === owner.id);
  const members = new Set((await listAssociationMembers(db, owner.id)).map((m) => m.id));
  return all.filter((m) => members.has(m.id));
}

/** Opens a round: one sheet per municipality, all within the owner's scope, on a version it may use. */
export async function createRound(db: Db, actor: Actor, body: CreateRound): Promise<RoundView> {
  const owner = await requireOrgContext(db, body.ownerOrganisationId);
  if (!authorizeOwn(actor, 'assessment.run', owner)) throw forbidden();
  if (!ownerKinds.has(owner.kind)) throw new AppError(400, 'invalid_round_owner');
  const version = await templates.findVersion(db, body.templateVersionId);
  const problems: FieldError[] = [];
  if (!version) problems.push({ path: 'body.templateVersionId', code: 'not_found' });
  else {
    const templateOwner = await requireOrgContext(db, version.template.ownerOrganisationId);
    if (templateOwner.kind !== 'nation' && templateOwner.id !== owner.id)
      problems.push({ path: 'body.templateVersionId', code: 'not_found' });
  }
  const inScope = new Map((await municipalitiesInScope(db, owner)).map((m) => [m.code, m]));
  const codes = [...new Set(body.municipalityCodes)];
  codes.forEach((code, i) => {
    if (!inScope.has(code))
      problems.push({ path: `body.municipalityCodes.${i}`, code: 'municipality_outside_scope' });
  });
  if (problems.length) throw new AppError(400, 'validation_failed', problems);
  const id = await db.transaction(async (tx) => {
    const round = await repo.insertRound(tx, {
      name: body.name,
      templateVersionId: body.templateVersionId,
      ownerOrganisationId: owner.id,
      opensOn: body.opensOn,
      closesOn: body.closesOn,
      shareResults: body.shareResults ?? false,
      createdBy: actor.userId,
    });
    await repo.insertSheets(
      tx,
      round.id,
      codes.map((c) => inScope.get(c)!.id),
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'assessment_round.created',
      entityType: 'assessment_round',
      entityId: round.id,
      organisationId: owner.id,
      after: { name: body.name, municipalities: codes, opensOn: body.opensOn, closesOn: body.closesOn },
    });
    return round.id;
  });
  return roundView(db, actor, id);
}
