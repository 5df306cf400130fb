import { and, eq, inArray } from 'drizzle-orm';
import { addMonths } from '../../../shared/contracts/supplier-contracts.ts';
import type { Db } from '../client.ts';
import {
  contractExtensions,
  contractHistory,
  contracts,
  contractTechnologies,
  organisations,
  technologies,
  users,
} from '../schema/index.ts';
import { DEMO_DOMAIN } from './demo-people.ts';
import { DEMO_SUPPLIERS } from './suppliers-demo.ts';

/**
 * Region Dalarna's fifteen municipalities with their contracts for digital safety alarms, digital
 * night supervision and medication dispensers (issue 17), with the demo suppliers. The dates are
 * counted from the day the demo is loaded, so that the expiry radar always has something to show:
 * several contracts end within a year, and Falun's and Borlänge's alarm contracts end within the same
 * 18-month window (a coordination opportunity).
 */

/** Fixed, so that other features' tests can refer to them. */
export const FALUN_ALARM_CONTRACT_ID = 'c0a7ac70-0000-4000-8000-000000002080';
export const BORLANGE_ALARM_CONTRACT_ID = 'c0a7ac70-0000-4000-8000-000000002081';

const alarm = 'digital-safety-alarm';
const night = 'digital-night-supervision';
const dispenser = 'medication-dispenser';
/** The municipality's contract numbers: one kind of contract each. */
const REF_PREFIX: Record<string, string> = { [alarm]: 'LARM', [night]: 'TILLSYN', [dispenser]: 'LMA' };

const supplier = (name: string) => {
  const s = DEMO_SUPPLIERS.find((x) => x.name === name);
  if (!s) throw new Error(`No demo supplier ${name}`);
  return s.id;
};
const EXEMPEL = supplier('Exempelbolaget Trygghet AB');
const TESTLARM = supplier('Testlarm Norr AB');
const LATSAS = supplier('Låtsasteknik Välfärd AB');
const PAHITTADE = supplier('Påhittade Omsorgssystem AB');
const NATT = supplier('Demonstrationsbolaget Natt AB');
const DOS = supplier('Dosfabriken Demo AB');

interface DemoContract {
  id?: string;
  code: string;
  technology: string;
  supplierId: string;
  title: string;
  /** Months from the load day to the end of the current term (negative: started long ago). */
  endsIn: number;
  termMonths: number;
  /** Extension options in months, e.g. [12, 12] for "2 + 1 + 1". */
  options: number[];
  form: 'own' | 'joint' | 'framework_call_off' | 'direct_award';
  value: number;
}

const c = (
  code: string,
  technology: string,
  supplierId: string,
  endsIn: number,
  value: number,
  extra: Partial<DemoContract> = {},
): DemoContract => ({
  code,
  technology,
  supplierId,
  endsIn,
  value,
  termMonths: 24,
  options: [12, 12],
  form: 'framework_call_off',
  title:
    technology === alarm
      ? 'Digitala trygghetslarm'
      : technology === night
        ? 'Digital nattillsyn'
        : 'Läkemedelsautomater',
  ...extra,
});

export const DEMO_CONTRACTS: DemoContract[] = [
  c('2080', alarm, EXEMPEL, 9, 1_850_000, { id: FALUN_ALARM_CONTRACT_ID, form: 'own' }),
  c('2081', alarm, TESTLARM, 15, 2_100_000, { id: BORLANGE_ALARM_CONTRACT_ID, form: 'own' }),
  c('2021', alarm, LATSAS, 5, 240_000, { options: [12], form: 'direct_award' }),
  c('2023', alarm, TESTLARM, 11, 310_000),
  c('2026', alarm, EXEMPEL, 26, 360_000),
  c('2029', alarm, EXEMPEL, 20, 520_000),
  c('2031', alarm, LATSAS, 32, 430_000),
  c('2034', alarm, TESTLARM, 7, 270_000, { options: [] }),
  c('2039', alarm, LATSAS, 38, 260_000),
  c('2061', alarm, EXEMPEL, 14, 380_000, { form: 'joint' }),
  c('2062', alarm, TESTLARM, 28, 690_000),
  c('2082', alarm, EXEMPEL, 17, 410_000, { form: 'joint' }),
  c('2083', alarm, LATSAS, 40, 560_000),
  c('2084', alarm, EXEMPEL, 22, 820_000),
  c('2085', alarm, TESTLARM, 10, 880_000),
  c('2080', night, NATT, 19, 640_000, { options: [12] }),
  c('2081', night, PAHITTADE, 30, 720_000),
  c('2062', night, NATT, 8, 240_000, { options: [12] }),
  c('2085', night, PAHITTADE, 13, 300_000, { form: 'own' }),
  c('2029', night, NATT, 35, 180_000),
  c('2084', night, PAHITTADE, 6, 260_000, { options: [] }),
  c('2080', dispenser, DOS, 12, 960_000, { termMonths: 36, options: [12, 12] }),
  c('2081', dispenser, DOS, 25, 1_040_000, { termMonths: 36 }),
  c('2083', dispenser, DOS, 4, 210_000, { options: [6], form: 'direct_award' }),
  c('2062', dispenser, DOS, 21, 330_000),
  c('2034', dispenser, DOS, 16, 120_000, { options: [] }),
];

export async function loadContractsDemo(db: Db, today = new Date().toISOString().slice(0, 10)) {
  const codes = [...new Set(DEMO_CONTRACTS.map((x) => x.code))];
  const [municipalities, techs, [falunCoordinator]] = await Promise.all([
    db
      .select({ id: organisations.id, code: organisations.code })
      .from(organisations)
      .where(and(eq(organisations.kind, 'municipality'), inArray(organisations.code, codes))),
    db
      .select({ id: technologies.id, key: technologies.key })
      .from(technologies)
      .where(inArray(technologies.key, [alarm, night, dispenser])),
    db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, `samordnare.falun@${DEMO_DOMAIN}`)),
  ]);
  const municipalityId = new Map(municipalities.map((m) => [m.code, m.id]));
  const technologyId = new Map(techs.map((x) => [x.key, x.id]));
  // The first day of this month: the dates stay the same whichever day of the month the demo loads.
  const base = `${today.slice(0, 7)}-01`;
  await db.transaction(async (tx) => {
    for (const d of DEMO_CONTRACTS) {
      const endsOn = addMonths(base, d.endsIn);
      const startsOn = addMonths(endsOn, -d.termMonths);
      const [row] = await tx
        .insert(contracts)
        .values({
          ...(d.id ? { id: d.id } : {}),
          municipalityId: municipalityId.get(d.code)!,
          supplierId: d.supplierId,
          title: d.title,
          externalRef: `${d.code}-${REF_PREFIX[d.technology]}-1`,
          procurementForm: d.form,
          frameworkName: d.form === 'framework_call_off' ? 'Adda Välfärdsteknik (påhittat ramavtal)' : null,
          startsOn,
          endsOn,
          noticeMonths: 6,
          annualValueSek: d.value,
          responsibleUserId: d.code === '2080' ? (falunCoordinator?.id ?? null) : null,
          notes: null,
          createdBy: d.code === '2080' ? (falunCoordinator?.id ?? null) : null,
        })
        .returning({ id: contracts.id });
      const id = row!.id;
      await tx
        .insert(contractTechnologies)
        .values({ contractId: id, technologyId: technologyId.get(d.technology)! });
      let end = endsOn;
      for (const [i, months] of d.options.entries()) {
        // Decided six months before the end it extends.
        await tx
          .insert(contractExtensions)
          .values({ contractId: id, position: i + 1, months, decideBy: addMonths(end, -6), status: 'open' });
        end = addMonths(end, months);
      }
      await tx.insert(contractHistory).values({
        contractId: id,
        action: 'imported',
        changes: { title: { from: null, to: d.title }, endsOn: { from: null, to: endsOn } },
        changedBy: d.code === '2080' ? (falunCoordinator?.id ?? null) : null,
      });
    }
  });
}
