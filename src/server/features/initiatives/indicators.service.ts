import { and, eq } from 'drizzle-orm';
import { type Actor, authorize } from '../../../shared/access/index.ts';
import type { AuditAction } from '../../../shared/contracts/audit.ts';
import {
  type BenefitCalculation,
  type CreateIndicator,
  type CreateMeasurement,
  calculateBenefit,
  type Indicator,
  type IndicatorFeed,
  type UpdateIndicator,
} from '../../../shared/contracts/initiatives.ts';
import type { Db } from '../../db/client.ts';
import { benefitIndicators, benefitMeasurements } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findMunicipalitiesByCodes } from '../organisations/organisations.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import { requireVisibleProgramme } from '../programmes/programmes.service.ts';
import { type InitiativeAccess, loadEditableInitiative, loadInitiativeAccess } from './initiative-access.ts';
import * as repo from './initiatives.repo.ts';

type IndicatorRow = typeof benefitIndicators.$inferSelect;
type MeasurementRow = typeof benefitMeasurements.$inferSelect;

/** Today in Sweden: a measurement taken today may be entered just after midnight. */
export const swedishToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

function toView(i: IndicatorRow, measurements: MeasurementRow[]): Indicator {
  return {
    id: i.id,
    initiativeId: i.initiativeId,
    name: i.name,
    type: i.type as Indicator['type'],
    unit: i.unit,
    direction: i.direction as Indicator['direction'],
    baselineValue: i.baselineValue,
    baselineOn: i.baselineOn,
    baselineMethod: i.baselineMethod,
    targetValue: i.targetValue,
    targetOn: i.targetOn,
    assumptions: i.assumptions,
    uncertainty: i.uncertainty as Indicator['uncertainty'],
    calculation: (i.calculation as BenefitCalculation | null) ?? null,
    feed: (i.feed as IndicatorFeed | null) ?? null,
    measurements: measurements
      .filter((m) => m.indicatorId === i.id)
      .map((m) => ({ id: m.id, measuredOn: m.measuredOn, value: m.value, note: m.note, source: m.source })),
  };
}

/** Indicators with their measurements, oldest first (two queries whatever the count). */
export async function indicatorViews(db: Db, rows: IndicatorRow[]): Promise<Indicator[]> {
  const measurements = await repo.measurementsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toView(r, measurements));
}

async function indicatorView(db: Db, id: string): Promise<Indicator> {
  const row = await repo.findIndicator(db, id);
  if (!row) throw notFound();
  return (await indicatorViews(db, [row]))[0]!;
}

/** The indicator and its initiative's access: 404 unless the caller may read the initiative. */
async function loadIndicator(db: Db, actor: Actor, id: string, edit: boolean) {
  const row = await repo.findIndicator(db, id);
  if (!row) throw notFound();
  const access = edit
    ? await loadEditableInitiative(db, actor, row.initiativeId)
    : await loadInitiativeAccess(db, actor, row.initiativeId);
  return { row, access };
}

/** The target the calculation gives: SEK for avoided costs, hours for time saved. */
function calculatedTarget(type: string, calculation: BenefitCalculation) {
  const r = calculateBenefit(calculation);
  if (type === 'avoided_cost') return r.sekPerYear;
  if (type === 'time_saved') return r.hoursPerYear;
  return undefined;
}

interface FeedSource {
  feed: IndicatorFeed;
  /** For users_served: the ids behind the codes. */
  municipalityId?: string;
  technologyId?: string;
}

/** A feed names something that exists and that the caller may read; otherwise 400 on its field. */
async function checkFeed(db: Db, actor: Actor, feed: IndicatorFeed, path = 'body.feed'): Promise<FeedSource> {
  if (feed.kind === 'programme_completion') {
    try {
      await requireVisibleProgramme(db, actor, feed.programmeId);
    } catch (err) {
      if (err instanceof AppError && err.status === 404)
        throw new AppError(400, 'unknown_programme', [
          { path: `${path}.programmeId`, code: 'unknown_programme' },
        ]);
      throw err;
    }
    return { feed };
  }
  const [municipality] = await findMunicipalitiesByCodes(db, [feed.municipalityCode]);
  if (!municipality)
    throw new AppError(400, 'unknown_municipality', [
      { path: `${path}.municipalityCode`, code: 'unknown_municipality' },
    ]);
  const [technology] = await repo.technologiesByKeys(db, [feed.technologyKey]);
  if (!technology)
    throw new AppError(400, 'unknown_technology', [
      { path: `${path}.technologyKey`, code: 'unknown_technology' },
    ]);
  if (!authorize(actor, 'adoption.read', await requireOrgContext(db, municipality.id)))
    throw new AppError(400, 'feed_not_readable', [
      { path: `${path}.municipalityCode`, code: 'feed_not_readable' },
    ]);
  return { feed, municipalityId: municipality.id, technologyId: technology.id };
}

function audit(
  tx: Db,
  actor: Actor,
  access: InitiativeAccess,
  action: AuditAction,
  id: string,
  after: unknown,
  before?: unknown,
) {
  return recordAudit(tx, {
    actorId: actor.userId,
    action,
    entityType: 'benefit_indicator',
    entityId: id,
    organisationId: access.ownerOrganisationId,
    before: before ?? null,
    after: { initiativeId: access.id, ...(after as object | null) },
  });
}

const auditable = (i: IndicatorRow) => {
  const { createdAt: _c, updatedAt: _u, createdBy: _b, ...rest } = i;
  return rest;
};

export async function getIndicator(db: Db, actor: Actor, id: string): Promise<Indicator> {
  await loadIndicator(db, actor, id, false);
  return indicatorView(db, id);
}

/**
 * A benefit indicator on an initiative. With the calculation helper and no target, the target is what
 * the calculation gives (SEK a year for avoided costs, hours a year for time saved).
 */
export async function createIndicator(
  db: Db,
  actor: Actor,
  initiativeId: string,
  input: CreateIndicator,
): Promise<Indicator> {
  const access = await loadEditableInitiative(db, actor, initiativeId);
  if (input.feed) await checkFeed(db, actor, input.feed);
  const calculation = input.calculation ? { oneOffHours: 0, ...input.calculation } : null;
  const targetValue =
    input.targetValue ?? (calculation ? (calculatedTarget(input.type, calculation) ?? null) : null);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(benefitIndicators)
      .values({
        initiativeId,
        name: input.name,
        type: input.type,
        unit: input.unit,
        direction: input.direction,
        baselineValue: input.baselineValue,
        baselineOn: input.baselineOn,
        baselineMethod: input.baselineMethod || null,
        targetValue,
        targetOn: input.targetOn ?? null,
        assumptions: input.assumptions || null,
        uncertainty: input.uncertainty ?? null,
        calculation,
        feed: input.feed ?? null,
        createdBy: actor.userId,
      })
      .returning();
    await repo.touchInitiative(tx, initiativeId);
    await audit(tx, actor, access, 'benefit_indicator.created', row!.id, auditable(row!));
    return row!.id;
  });
  return indicatorView(db, id);
}

/** Changes an indicator; the baseline may not move after a measurement already taken. */
export async function updateIndicator(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateIndicator,
): Promise<Indicator> {
  const { access } = await loadIndicator(db, actor, id, true);
  if (input.feed) await checkFeed(db, actor, input.feed);
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(benefitIndicators).where(eq(benefitIndicators.id, id)).for('update');
    if (!row) throw notFound();
    const baselineOn = input.baselineOn ?? row.baselineOn;
    const targetOn = input.targetOn === undefined ? row.targetOn : input.targetOn;
    if (targetOn && targetOn < baselineOn)
      throw new AppError(400, 'validation_failed', [
        { path: 'body.targetOn', code: 'target_before_baseline' },
      ]);
    if (input.baselineOn) {
      const earliest = (await repo.measurementsOf(tx, [id]))[0];
      if (earliest && earliest.measuredOn < input.baselineOn)
        throw new AppError(400, 'baseline_after_measurement', [
          { path: 'body.baselineOn', code: 'baseline_after_measurement' },
        ]);
    }
    const type = input.type ?? row.type;
    const calculation =
      input.calculation === undefined ? undefined : input.calculation && { ...input.calculation };
    let targetValue = input.targetValue;
    if (targetValue === undefined && calculation) targetValue = calculatedTarget(type, calculation);
    const [updated] = await tx
      .update(benefitIndicators)
      .set({
        name: input.name,
        type: input.type,
        unit: input.unit,
        direction: input.direction,
        baselineValue: input.baselineValue,
        baselineOn: input.baselineOn,
        baselineMethod: input.baselineMethod === undefined ? undefined : input.baselineMethod || null,
        targetValue,
        targetOn: input.targetOn,
        assumptions: input.assumptions === undefined ? undefined : input.assumptions || null,
        uncertainty: input.uncertainty,
        calculation,
        feed: input.feed,
        updatedAt: new Date(),
      })
      .where(eq(benefitIndicators.id, id))
      .returning();
    await repo.touchInitiative(tx, access.id);
    await audit(tx, actor, access, 'benefit_indicator.updated', id, auditable(updated!), auditable(row));
  });
  return indicatorView(db, id);
}

export async function deleteIndicator(db: Db, actor: Actor, id: string): Promise<void> {
  const { row, access } = await loadIndicator(db, actor, id, true);
  await db.transaction(async (tx) => {
    await tx.delete(benefitIndicators).where(eq(benefitIndicators.id, id));
    await repo.touchInitiative(tx, access.id);
    await audit(tx, actor, access, 'benefit_indicator.deleted', id, null, auditable(row));
  });
}

/** A measurement between the baseline date and today. */
export async function addMeasurement(
  db: Db,
  actor: Actor,
  id: string,
  input: CreateMeasurement,
): Promise<Indicator> {
  const { row, access } = await loadIndicator(db, actor, id, true);
  if (input.measuredOn < row.baselineOn)
    throw new AppError(400, 'measurement_before_baseline', [
      { path: 'body.measuredOn', code: 'measurement_before_baseline' },
    ]);
  if (input.measuredOn > swedishToday())
    throw new AppError(400, 'measurement_in_future', [
      { path: 'body.measuredOn', code: 'measurement_in_future' },
    ]);
  await db.transaction(async (tx) => {
    const [m] = await tx
      .insert(benefitMeasurements)
      .values({
        indicatorId: id,
        measuredOn: input.measuredOn,
        value: input.value,
        note: input.note || null,
        source: 'manual',
        createdBy: actor.userId,
      })
      .returning();
    await repo.touchInitiative(tx, access.id);
    await audit(tx, actor, access, 'benefit_measurement.created', id, {
      measurementId: m!.id,
      measuredOn: m!.measuredOn,
      value: m!.value,
      note: m!.note,
    });
  });
  return indicatorView(db, id);
}

export async function deleteMeasurement(
  db: Db,
  actor: Actor,
  id: string,
  measurementId: string,
): Promise<void> {
  const { access } = await loadIndicator(db, actor, id, true);
  await db.transaction(async (tx) => {
    const [m] = await tx
      .delete(benefitMeasurements)
      .where(and(eq(benefitMeasurements.id, measurementId), eq(benefitMeasurements.indicatorId, id)))
      .returning();
    if (!m) throw notFound();
    await repo.touchInitiative(tx, access.id);
    await audit(tx, actor, access, 'benefit_measurement.deleted', id, null, {
      measurementId,
      measuredOn: m.measuredOn,
      value: m.value,
      source: m.source,
    });
  });
}

/**
 * Measures a fed indicator now: the completion share of a programme (as its report counts it: people
 * enrolled, and of them those who have completed) or the users served in the mapping. One measurement a
 * day per feed: a second refresh the same day replaces the first.
 */
export async function refreshIndicator(db: Db, actor: Actor, id: string): Promise<Indicator> {
  const { row, access } = await loadIndicator(db, actor, id, true);
  const feed = row.feed as IndicatorFeed | null;
  if (!feed) throw new AppError(400, 'indicator_not_fed');
  const source = await checkFeed(db, actor, feed, 'feed');
  let value: number | null = null;
  if (feed.kind === 'programme_completion') {
    const c = await repo.programmeCompletion(db, feed.programmeId);
    value = c.enrolled === 0 ? null : Math.round((c.completed / c.enrolled) * 1000) / 10;
  } else {
    value = (await repo.usersServed(db, source.municipalityId!, source.technologyId!))?.usersServed ?? null;
  }
  if (value === null) throw new AppError(409, 'feed_value_missing');
  const today = swedishToday();
  if (today < row.baselineOn) throw new AppError(400, 'measurement_before_baseline');
  await db.transaction(async (tx) => {
    await tx
      .delete(benefitMeasurements)
      .where(
        and(
          eq(benefitMeasurements.indicatorId, id),
          eq(benefitMeasurements.measuredOn, today),
          eq(benefitMeasurements.source, feed.kind),
        ),
      );
    await tx.insert(benefitMeasurements).values({
      indicatorId: id,
      measuredOn: today,
      value,
      source: feed.kind,
      createdBy: actor.userId,
    });
    await repo.touchInitiative(tx, access.id);
    await audit(tx, actor, access, 'benefit_measurement.fed', id, {
      measuredOn: today,
      value,
      source: feed.kind,
    });
  });
  return indicatorView(db, id);
}
