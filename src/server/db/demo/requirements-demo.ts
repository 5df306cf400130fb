import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client.ts';
import { DEMO_DOMAIN } from './demo-people.ts';
import { type DemoRequirement, demoRequirements } from './requirements-demo-texts.ts';

/**
 * The requirements library's demo (issue 17): forty requirements by Region Dalarna, Falun, Borlänge and
 * the nation; one requirement with an earlier version, Region Dalarna's draft specification for the
 * joint procurement of digital locks, and lessons from Falun's and Borlänge's contracts.
 */
export async function loadRequirementsDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const orgs = await queryRows<{ id: string; kind: string; code: string | null }>(
      tx,
      sql`select id, kind, code from organisations
          where kind = 'nation' or (kind = 'region' and code = '20') or (kind = 'municipality' and code in ('2080', '2081'))`,
    );
    const org = (kind: string, code: string | null) =>
      orgs.find((o) => o.kind === kind && (code === null || o.code === code))?.id;
    const owners: Record<DemoRequirement['owner'], string | undefined> = {
      nation: org('nation', null),
      region: org('region', '20'),
      falun: org('municipality', '2080'),
      borlange: org('municipality', '2081'),
    };
    if (!owners.region || !owners.falun || !owners.borlange || !owners.nation) return;
    const people = await queryRows<{ id: string; email: string }>(
      tx,
      sql`select id, email from users where email in (${sql.join(
        ['region.dalarna', 'samordnare.falun', 'samordnare.borlange', 'admin'].map(
          (l) => sql`${`${l}@${DEMO_DOMAIN}`}`,
        ),
        sql`, `,
      )})`,
    );
    const person = (local: string) => people.find((p) => p.email === `${local}@${DEMO_DOMAIN}`)?.id ?? null;
    const authors: Record<DemoRequirement['owner'], string | null> = {
      nation: person('admin'),
      region: person('region.dalarna'),
      falun: person('samordnare.falun'),
      borlange: person('samordnare.borlange'),
    };
    const techs = await queryRows<{ id: string; key: string }>(tx, sql`select id, key from technologies`);
    const techId = new Map(techs.map((t) => [t.key, t.id]));

    const ids: string[] = [];
    for (const [n, r] of demoRequirements.entries()) {
      // Spread over the last two years, oldest first, so the newest-first list has a believable order.
      const createdAt = sql`now() - make_interval(days => ${(demoRequirements.length - n) * 15})`;
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into requirements (owner_organisation_id, current_version, created_by, created_at, updated_at)
            values (${owners[r.owner]}, 1, ${authors[r.owner]}, ${createdAt}, ${createdAt}) returning id`,
      );
      const id = row!.id;
      ids.push(id);
      await tx.execute(
        sql`insert into requirement_versions (requirement_id, version, text_sv, text_en, level, category, source, created_by, created_at)
            values (${id}, 1, ${r.sv}, ${r.en ?? null}, ${r.level}, ${r.category}, ${r.source}, ${authors[r.owner]}, ${createdAt})`,
      );
      for (const key of r.techs) {
        const tid = techId.get(key);
        if (tid) await tx.execute(sql`insert into requirement_technologies values (${id}, ${tid})`);
      }
    }

    // The backup-power requirement was sharpened after a storm: version 1 asked for 24 hours.
    const backup = ids[1]!;
    await tx.execute(sql`update requirement_versions set version = 2 where requirement_id = ${backup}`);
    await tx.execute(
      sql`insert into requirement_versions (requirement_id, version, text_sv, level, category, source, created_by, created_at)
          select requirement_id, 1, 'Larmet ska ha reservström som räcker i minst 24 timmar vid strömavbrott.', level, category, source, created_by, created_at - interval '200 days'
          from requirement_versions where requirement_id = ${backup}`,
    );
    await tx.execute(sql`update requirements set current_version = 2 where id = ${backup}`);

    const lockRows = demoRequirements.flatMap((r, n) =>
      r.techs[0] === 'digital-lock' && r.owner === 'region' ? [n] : [],
    );
    const [spec] = await queryRows<{ id: string }>(
      tx,
      sql`insert into requirement_specifications (owner_organisation_id, technology_id, title, introduction, created_by, updated_by)
          values (${owners.region}, ${techId.get('digital-lock')!}, 'Digitala lås i hemtjänsten – gemensam upphandling',
                  ${'Region Dalarna upphandlar digitala lås för hemtjänsten tillsammans med länets kommuner. Låsen ersätter nyckelhanteringen och ska fungera med trygghetslarmen.'},
                  ${authors.region}, ${authors.region})
          returning id`,
    );
    for (const [position, n] of lockRows.entries()) {
      const r = demoRequirements[n]!;
      await tx.execute(
        sql`insert into requirement_specification_items (specification_id, position, requirement_id, version, level)
            values (${spec!.id}, ${position + 1}, ${ids[n]!}, 1, ${r.level})`,
      );
    }

    // After the draft took it, the emergency-opening requirement got sharper: the builder offers version 2.
    const opening = ids[lockRows[1]!]!;
    await tx.execute(
      sql`insert into requirement_versions (requirement_id, version, text_sv, level, category, source, created_by)
          select requirement_id, 2, text_sv || ' Det ska gå även för den som har nedsatt kraft i händerna.', level, category, source, created_by
          from requirement_versions where requirement_id = ${opening} and version = 1`,
    );
    await tx.execute(sql`update requirements set current_version = 2 where id = ${opening}`);

    const lessons: { n: number; org: string; by: string | null; rating: string; body: string }[] = [
      {
        n: 6,
        org: owners.falun,
        by: authors.falun,
        rating: 'worked',
        body: 'Leverantören bytte trasiga larm inom två dagar under hela avtalet. Kravet var lätt att följa upp.',
      },
      {
        n: 2,
        org: owners.borlange,
        by: authors.borlange,
        rating: 'partly',
        body: 'Larmen bytte nät, men först efter flera minuter. Skriv in hur snabbt bytet ska ske.',
      },
      {
        n: 27,
        org: owners.borlange,
        by: authors.borlange,
        rating: 'did_not_work',
        body: 'Filen kom, men utan brukarnas id. Ange vilka kolumner exportfilen ska ha.',
      },
    ];
    for (const l of lessons)
      await tx.execute(
        sql`insert into requirement_lessons (requirement_id, version, organisation_id, rating, body, created_by)
            values (${ids[l.n]!}, 1, ${l.org}, ${l.rating}, ${l.body}, ${l.by})`,
      );
  });
}
