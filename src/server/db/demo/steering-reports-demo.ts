import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import { swedishToday } from '../../features/action-plans/plan-history.ts';
import { areaOf } from '../../features/steering-reports/report-area.ts';
import { computeFigures } from '../../features/steering-reports/report-sections.ts';
import { insertReport, markIssued } from '../../features/steering-reports/steering-reports.repo.ts';
import { type Db, queryRows } from '../client.ts';
import { DEMO_DOMAIN } from './demo-people.ts';
import { DALARNA_STEERING_GROUP } from './networks-demo.ts';

/** A Swedish date `months` months before today (clamped to the month's length by Date). */
function monthsAgo(months: number, extraDays = 0): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  d.setUTCDate(d.getUTCDate() + extraDays);
  return swedishToday(d);
}

/** Narrative adapted from the Dalarna steering group's report to the county's chief executives (seed 000). */
const narrative = {
  background:
    'Länschefsnätverket fattade beslut om styrgruppens bildande i juni 2021. Efter ett nomineringsförfarande fastslogs en bred representation av ledamöter med kompetenser och professioner från länets kommuner, Region Dalarna, Högskolan Dalarna och Dalarna Science Park.\n\nStyrgruppen har under perioden haft regelbundna möten och följer arbetet med välfärdsteknik och digitalisering i länets femton kommuner.',
  mission:
    'Ett av styrgruppens första uppdrag var att ta fram en uppdragsbeskrivning med styrgruppens mål, syfte och uppdrag. Uppdragsbeskrivningen föredrogs på Länschefsnätverket och godkändes.\n\nStyrgruppens vision med arbetet är ”Ett Dalarna där alla medborgare har tillgång till den välfärdsteknik och digitalisering de behöver (för att leva ett fullgott liv)”.',
  mapping:
    'Styrgruppen har fortsatt kartläggningen för att skapa en nulägesbild och identifiera utvecklings- och samverkansbehov. Tabellerna visar hur långt kommunerna har kommit med införandet och vilka styrdokument som gäller i länet.',
  referenceGroup:
    'Styrgruppen har bjudit in en till två representanter från varje kommun, Region Dalarna, Högskolan Dalarna och näringslivet till referensgruppen. Referensgruppen är viktig för att etablera kontaktvägar mellan det regionala utvecklingsarbetet och det lokala arbetet i verksamheterna.',
  programmes:
    'Styrgruppen har bjudit in kommunerna till kompetensutvecklingsinsatser för ledare och medarbetare inom vård och omsorg. Deltagandet per kommun framgår nedan.',
  nextSteps:
    'Under nästa period prioriterar styrgruppen att alla kommuner får en representant i referensgruppen, att den rullande handlingsplanen följs upp vid varje möte och att nyttan av införda lösningar mäts och redovisas.',
};

/**
 * Region Dalarna's steering group reports on the last half-year (a draft, with its narrative) and
 * on the half-year before it (issued, with its figures frozen as computed now).
 */
export async function loadSteeringReportsDemo(db: Db): Promise<void> {
  const [ctx] = await queryRows<{
    region_id: string;
    region_name: string;
    network_id: string;
    user_id: string;
  }>(
    db,
    sql`select r.id as region_id, r.name as region_name, n.id as network_id, u.id as user_id
        from organisations r
        join networks n on n.owner_organisation_id = r.id and n.name = ${DALARNA_STEERING_GROUP}
        join users u on u.email = ${`region.dalarna@${DEMO_DOMAIN}`}
        where r.kind = 'region' and r.code = '20'`,
  );
  if (!ctx) throw new Error('Demo data missing Region Dalarna, its steering group or its coordinator');
  const actor: Actor = {
    userId: ctx.user_id,
    memberships: [
      { organisationId: ctx.region_id, organisationKind: 'region', role: 'regional_coordinator' },
    ],
  };
  const base = {
    ownerId: ctx.region_id,
    networkId: ctx.network_id,
    title: 'Rapport från Styrgrupp för välfärdsteknik och digitalisering',
    by: ctx.user_id,
  };
  const earlier = { from: monthsAgo(12, 1), to: monthsAgo(6) };
  const area = await areaOf(db, { id: ctx.region_id, name: ctx.region_name, kind: 'region', code: '20' });
  const figures = await computeFigures(db, actor, area, earlier, ctx.network_id);
  await db.transaction(async (tx) => {
    const issuedNarrative = {
      background: narrative.background,
      mission: narrative.mission,
      nextSteps: 'Styrgruppen fortsätter kartläggningen och bjuder in till referensgruppen.',
    };
    const issued = await insertReport(tx, {
      ...base,
      diaryNumber: 'RD2025-0412',
      ...earlier,
      narrative: issuedNarrative,
    });
    await markIssued(
      tx,
      issued,
      { figures, narrative: issuedNarrative, figuresAt: new Date().toISOString() },
      ctx.user_id,
    );
    await insertReport(tx, {
      ...base,
      diaryNumber: 'RD2026-0871',
      from: monthsAgo(6, 1),
      to: swedishToday(),
      narrative,
    });
  });
}
