import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../../lib/passwords.ts';
import type { Db } from '../client.ts';
import { associationMembers, memberships, organisations, users } from '../schema/index.ts';
import { loadAdoptionDemo } from './adoption-demo.ts';
import { loadAssessmentsDemo } from './assessments-demo.ts';
import { loadCasesDemo } from './cases-demo.ts';
import { loadCmi5Demo } from './cmi5-demo.ts';
import { loadContractsDemo } from './contracts-demo.ts';
import { loadDefinitionsDemo } from './definitions-demo.ts';
import {
  AKADEMI_NORR,
  akademiNorrCodes,
  DEMO_PASSWORD,
  type DemoPlace,
  demoAccounts,
  demoUnits,
} from './demo-people.ts';
import { loadDocumentsDemo } from './documents-demo.ts';
import { loadExternalContactsDemo } from './external-contacts-demo.ts';
import { loadFundingCallsDemo } from './funding-calls-demo.ts';
import { loadInitiativesDemo } from './initiatives-demo.ts';
import { loadLearningDemo } from './learning-demo.ts';
import { loadNetworksDemo } from './networks-demo.ts';
import { loadProcurementsDemo } from './procurements-demo.ts';
import { loadRequirementsDemo } from './requirements-demo.ts';
import { loadScormDemo } from './scorm-demo.ts';
import { loadSteeringReportsDemo } from './steering-reports-demo.ts';
import { loadSuppliersDemo } from './suppliers-demo.ts';
import { loadSupportDemo } from './support-demo.ts';

/**
 * The demo dataset: Region Dalarna with units in Falun and Borlänge, the Akademi Norr association and
 * invented people in every role. Loaded once, into an empty embedded database.
 */
export async function loadDemoData(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const byKindCode = async (kind: 'nation' | 'region' | 'municipality', code: string) => {
      const [row] = await tx
        .select({ id: organisations.id, countyCode: organisations.countyCode })
        .from(organisations)
        .where(and(eq(organisations.kind, kind), eq(organisations.code, code)));
      if (!row) throw new Error(`Reference data missing ${kind} ${code}`);
      return row;
    };
    const nation = await byKindCode('nation', 'SE');

    const unitIds = new Map<string, string>();
    for (const u of demoUnits) {
      const municipality = await byKindCode('municipality', u.municipalityCode);
      const [row] = await tx
        .insert(organisations)
        .values({
          kind: 'unit',
          name: u.name,
          parentId: municipality.id,
          subtype: u.subtype,
          countyCode: municipality.countyCode,
        })
        .returning({ id: organisations.id });
      unitIds.set(`${u.municipalityCode}/${u.name}`, row!.id);
    }

    const [akademiNorr] = await tx
      .insert(organisations)
      .values({ kind: 'association', name: AKADEMI_NORR, parentId: nation.id, subtype: 'project' })
      .returning({ id: organisations.id });
    for (const code of akademiNorrCodes) {
      const m = await byKindCode('municipality', code);
      await tx.insert(associationMembers).values({ associationId: akademiNorr!.id, municipalityId: m.id });
    }

    const placeId = async (place: DemoPlace): Promise<string> => {
      switch (place.kind) {
        case 'nation':
          return nation.id;
        case 'region':
        case 'municipality':
          return (await byKindCode(place.kind, place.code)).id;
        case 'unit': {
          const id = unitIds.get(`${place.municipalityCode}/${place.name}`);
          if (!id) throw new Error(`Unknown demo unit ${place.name}`);
          return id;
        }
        case 'association':
          return akademiNorr!.id;
      }
    };

    for (const a of demoAccounts) {
      const [user] = await tx
        .insert(users)
        .values({
          email: a.email,
          name: a.name,
          gender: a.gender,
          preferredLanguage: a.language,
          passwordHash,
          status: 'active',
        })
        .returning({ id: users.id });
      await tx
        .insert(memberships)
        .values({ userId: user!.id, organisationId: await placeId(a.place), role: a.role });
    }
  });
  await loadLearningDemo(db);
  await loadDocumentsDemo(db);
  await loadAdoptionDemo(db);
  await loadNetworksDemo(db);
  await loadAssessmentsDemo(db);
  await loadInitiativesDemo(db);
  await loadCasesDemo(db);
  await loadSteeringReportsDemo(db);
  await loadDefinitionsDemo(db);
  await loadRequirementsDemo(db);
  await loadSupportDemo(db);
  await loadSuppliersDemo(db);
  await loadFundingCallsDemo(db);
  await loadExternalContactsDemo(db);
  await loadProcurementsDemo(db);
  await loadContractsDemo(db);
  await loadScormDemo(db);
  await loadCmi5Demo(db);
  // @features-demo (one loader per capability above this line)
}
