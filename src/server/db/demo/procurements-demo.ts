import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { procurementPhases } from '../../../shared/contracts/procurements.ts';
import { defaultChecklist } from '../../features/procurements/procurement-checklist.ts';
import { type Db, queryRows } from '../client.ts';
import { procurementDocuments } from '../schema/index.ts';
import { pdfWith } from './demo-files.ts';
import { DEMO_DOMAIN } from './demo-people.ts';

/**
 * A joint procurement of digital locks led by Region Dalarna, in the requirements phase (issue 17):
 * Falun and Borlänge have confirmed with a signed power of attorney, three more are invited and have
 * not answered, and the specification is built from the library's requirements.
 */

const TITLE = 'Samordnad upphandling av digitala lås i Dalarna';
const confirmed = [
  { code: '2080', name: 'Falu kommun', decisionOn: '2026-10-14' },
  { code: '2081', name: 'Borlänge kommun', decisionOn: '2026-10-21' },
];
const invited = ['2082', '2085', '2062'];

/** Planned months of each phase, from the needs analysis in August 2026 to call-offs in 2027. */
const plan: Record<string, [string, string, string | null]> = {
  needs_analysis: ['2026-08-17', '2026-09-11', '2026-09-11'],
  market_dialogue: ['2026-09-14', '2026-10-30', '2026-10-30'],
  requirements: ['2026-11-02', '2027-01-15', null],
  tender_published: ['2027-01-25', '2027-03-05', null],
  evaluation: ['2027-03-08', '2027-04-02', null],
  award: ['2027-04-05', '2027-04-30', null],
  contract_signed: ['2027-05-03', '2027-05-31', null],
  call_offs: ['2027-06-01', '2027-12-31', null],
};

export async function loadProcurementsDemo(db: Db): Promise<void> {
  const [region] = await queryRows<{ id: string }>(
    db,
    sql`select id from organisations where kind = 'region' and code = '20'`,
  );
  const [lock] = await queryRows<{ id: string }>(
    db,
    sql`select id from technologies where key = 'digital-lock'`,
  );
  if (!region || !lock) return;
  const municipalities = await queryRows<{ id: string; code: string }>(
    db,
    sql`select id, code from organisations where kind = 'municipality' and parent_id = ${region.id}`,
  );
  const municipality = (code: string) => municipalities.find((m) => m.code === code)?.id;
  const people = await queryRows<{ id: string; email: string }>(
    db,
    sql`select id, email from users where email like ${`%@${DEMO_DOMAIN}`}`,
  );
  const person = (local: string) => people.find((p) => p.email === `${local}@${DEMO_DOMAIN}`)?.id ?? null;
  const lead = person('region.dalarna');
  const powers = await Promise.all(
    confirmed.map((c) =>
      pdfWith([
        `Fullmakt – ${TITLE}`,
        `${c.name} ger Region Dalarna fullmakt att för kommunens räkning genomföra upphandlingen av digitala lås och teckna ramavtal.`,
        `Beslutat av kommunstyrelsen ${c.decisionOn}.`,
        'Underskrift: (demo)',
      ]),
    ),
  );

  await db.transaction(async (tx) => {
    const [p] = await queryRows<{ id: string }>(
      tx,
      sql`insert into procurements (title, description, lead_organisation_id, technology_id, phase, created_by, created_at, updated_at)
          values (${TITLE},
                  ${'Kommunerna i Dalarna upphandlar digitala lås för hemtjänsten tillsammans, så att nycklar inte längre behöver kvitteras ut och låsen fungerar med flera larmleverantörer.'},
                  ${region.id}, ${lock.id}, 'requirements', ${lead}, now() - interval '110 days', now() - interval '3 days')
          returning id`,
    );
    const id = p!.id;
    for (const phase of procurementPhases) {
      const [start, end, done] = plan[phase]!;
      await tx.execute(sql`insert into procurement_phases (procurement_id, phase, planned_start, planned_end, completed_on)
        values (${id}, ${phase}, ${start}, ${end}, ${done})`);
      const doneBefore = procurementPhases.indexOf(phase) < procurementPhases.indexOf('requirements');
      for (const [position, label] of defaultChecklist[phase].entries()) {
        // The earlier phases are done; in the requirements phase the specification is under way.
        const ticked = doneBefore || (phase === 'requirements' && position === 0);
        await tx.execute(sql`insert into procurement_checklist_items (procurement_id, phase, position, label, done_at, done_by)
          values (${id}, ${phase}, ${position}, ${label}, ${ticked ? sql`now() - interval '20 days'` : null}, ${ticked ? lead : null})`);
      }
    }
    for (const [n, c] of confirmed.entries()) {
      const municipalityId = municipality(c.code);
      if (!municipalityId) continue;
      const content = powers[n]!;
      const [doc] = await tx
        .insert(procurementDocuments)
        .values({
          procurementId: id,
          municipalityId,
          kind: 'power_of_attorney',
          fileName: `Fullmakt ${c.name}.pdf`,
          mediaType: 'application/pdf',
          sizeBytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          uploadedBy: person(c.code === '2080' ? 'samordnare.falun' : 'samordnare.borlange'),
        })
        .returning({ id: procurementDocuments.id });
      await tx.execute(sql`insert into procurement_participants
          (procurement_id, municipality_id, status, invited_at, decision_on, power_of_attorney_document_id, responded_at, responded_by)
        values (${id}, ${municipalityId}, 'confirmed', now() - interval '60 days', ${c.decisionOn}, ${doc!.id},
                now() - interval '40 days', ${person(c.code === '2080' ? 'samordnare.falun' : 'samordnare.borlange')})`);
    }
    for (const code of invited) {
      const municipalityId = municipality(code);
      if (municipalityId)
        await tx.execute(sql`insert into procurement_participants (procurement_id, municipality_id, status, invited_at)
          values (${id}, ${municipalityId}, 'invited', now() - interval '30 days')`);
    }
    // The specification: Dalarna's draft lock specification from the requirements library's demo is the
    // one this procurement is written with (one specification, not a second copy of it).
    await tx.execute(
      sql`update requirement_specifications set procurement_id = ${id}
          where owner_organisation_id = ${region.id} and technology_id = ${lock.id} and procurement_id is null`,
    );
    const [need] = await queryRows<{ id: string }>(
      tx,
      sql`select id from needs where technology_id = ${lock.id} limit 1`,
    );
    if (need)
      await tx.execute(
        sql`insert into procurement_needs (procurement_id, need_id) values (${id}, ${need.id})`,
      );
  });
}
