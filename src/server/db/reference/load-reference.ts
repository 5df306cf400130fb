import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { organisations } from '../schema/index.ts';
import { modelMunicipalityNames, regionNames } from './regions.ts';

const dir = path.dirname(fileURLToPath(import.meta.url));

interface CountyRow {
  code: string;
  name: string;
}
interface MunicipalityRow {
  code: string;
  name: string;
  county_code: string;
}

function readCsv<T>(file: string): T[] {
  return parse(fs.readFileSync(path.join(dir, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as T[];
}

export function readCounties(): CountyRow[] {
  return readCsv<CountyRow>('counties.csv');
}
export function readMunicipalities(): MunicipalityRow[] {
  return readCsv<MunicipalityRow>('municipalities.csv');
}

/**
 * Loads the nation, the 21 regions and the 290 municipalities (SCB codes; sources in SOURCES.md).
 * Idempotent: runs on every start, inserts what is missing and corrects names, but leaves flags that
 * administrators may have changed alone after the first load.
 */
export async function loadReferenceData(db: Db): Promise<{ regions: number; municipalities: number }> {
  const counties = readCounties();
  const municipalities = readMunicipalities();
  return db.transaction(async (tx) => {
    await tx
      .insert(organisations)
      .values({ kind: 'nation', name: 'Sverige', code: 'SE' })
      .onConflictDoNothing({ target: [organisations.kind, organisations.code] });
    const [nation] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.kind, 'nation'), eq(organisations.code, 'SE')));
    if (!nation) throw new Error('nation row missing after insert');

    await tx
      .insert(organisations)
      .values(
        counties.map((c) => ({
          kind: 'region' as const,
          name: regionNames[c.code] ?? `Region ${c.name}`,
          code: c.code,
          countyCode: c.code,
          parentId: nation.id,
        })),
      )
      .onConflictDoUpdate({
        target: [organisations.kind, organisations.code],
        set: { name: sql`excluded.name`, parentId: sql`excluded.parent_id` },
      });
    const regions = await tx
      .select({ id: organisations.id, code: organisations.code })
      .from(organisations)
      .where(eq(organisations.kind, 'region'));
    const regionByCounty = new Map(regions.map((r) => [r.code, r.id]));

    await tx
      .insert(organisations)
      .values(
        municipalities.map((m) => {
          const parentId = regionByCounty.get(m.county_code);
          if (!parentId) throw new Error(`No region for county ${m.county_code} (${m.name})`);
          return {
            kind: 'municipality' as const,
            name: m.name,
            code: m.code,
            countyCode: m.county_code,
            parentId,
            flags: modelMunicipalityNames.includes(m.name) ? ['model_municipality'] : [],
          };
        }),
      )
      .onConflictDoUpdate({
        target: [organisations.kind, organisations.code],
        set: {
          name: sql`excluded.name`,
          parentId: sql`excluded.parent_id`,
          countyCode: sql`excluded.county_code`,
        },
      });
    return { regions: counties.length, municipalities: municipalities.length };
  });
}
