import type { Random } from '../lib/random.ts';
import type { RawQuery } from '../lib/raw.ts';
import type { ScaleName } from '../lib/target.ts';

/** How much to generate. Parts read what concerns them; later capabilities add their own fields. */
export interface ScaleSpec {
  name: ScaleName;
  /** County codes whose municipalities get people; null = the whole country. */
  countyCodes: string[] | null;
  /** Keep only the first N municipalities (by SCB code) of those counties. */
  municipalityLimit: number | null;
  /** Care staff across all municipalities in scope. */
  staff: number;
  /** Average staff per unit, which sets the number of units. */
  staffPerUnit: number;
  /** Fewest staff a municipality gets. */
  minStaffPerMunicipality: number;
  regionalCoordinatorsPerRegion: number;
}

export const scaleSpecs: Record<ScaleName, ScaleSpec> = {
  national: {
    name: 'national',
    countyCodes: null,
    municipalityLimit: null,
    staff: 230_000,
    staffPerUnit: 92,
    minStaffPerMunicipality: 60,
    regionalCoordinatorsPerRegion: 8,
  },
  // Region Dalarna: 15 municipalities.
  region: {
    name: 'region',
    countyCodes: ['20'],
    municipalityLimit: null,
    staff: 12_000,
    staffPerUnit: 92,
    minStaffPerMunicipality: 60,
    regionalCoordinatorsPerRegion: 8,
  },
  small: {
    name: 'small',
    countyCodes: ['20'],
    municipalityLimit: 3,
    staff: 300,
    staffPerUnit: 40,
    minStaffPerMunicipality: 40,
    regionalCoordinatorsPerRegion: 2,
  },
};

export interface ReferenceOrg {
  id: string;
  code: string;
  name: string;
  countyCode: string;
  parentId: string | null;
}

export interface GeneratedUnit {
  id: string;
  name: string;
  municipalityId: string;
}

/**
 * What parts hand to later parts. A capability that needs more adds fields by declaration merging:
 * `declare module '../parts/registry.ts' { interface GeneratedState { courses?: … } }`.
 */
export interface GeneratedState {
  /** Staff each in-scope municipality gets (by municipality id). */
  staffByMunicipality?: Map<string, number>;
  /** Units of each in-scope municipality (by municipality id), in creation order. */
  unitsByMunicipality?: Map<string, GeneratedUnit[]>;
}

export interface GeneratorContext {
  scale: ScaleSpec;
  query: RawQuery;
  /** A deterministic random stream for this part and label. */
  random(label: string): Random;
  /** argon2id hash of BENCH_PASSWORD, computed once and reused for every account. */
  passwordHash: string;
  /** A fixed "now" so timestamps are deterministic too. */
  epoch: Date;
  reference: {
    nation: ReferenceOrg;
    /** Regions that contain in-scope municipalities. */
    regions: ReferenceOrg[];
    /** In-scope municipalities, ordered by SCB code. */
    municipalities: ReferenceOrg[];
  };
  state: GeneratedState;
  /** Bulk insert that also counts the rows for the rows/s report. */
  insert(
    table: string,
    columns: readonly { name: string; type: string }[],
    rows: unknown[][],
  ): Promise<number>;
  log(message: string): void;
}

export interface GeneratorPart {
  name: string;
  description: string;
  /** Names of parts that must run first. */
  after?: string[];
  run(ctx: GeneratorContext): Promise<void>;
}

const parts = new Map<string, GeneratorPart>();

/** The plug-in point: each capability registers the part that generates its data. */
export function registerGeneratorPart(part: GeneratorPart): void {
  if (parts.has(part.name)) throw new Error(`Generator part ${part.name} registered twice`);
  parts.set(part.name, part);
}

/** Registered parts in dependency order (stable: registration order where free). */
export function orderedGeneratorParts(): GeneratorPart[] {
  const done = new Set<string>();
  const out: GeneratorPart[] = [];
  const visit = (part: GeneratorPart, path: string[]) => {
    if (done.has(part.name)) return;
    if (path.includes(part.name))
      throw new Error(`Generator parts form a cycle: ${[...path, part.name].join(' → ')}`);
    for (const dep of part.after ?? []) {
      const p = parts.get(dep);
      if (!p) throw new Error(`Generator part ${part.name} needs unknown part ${dep}`);
      visit(p, [...path, part.name]);
    }
    done.add(part.name);
    out.push(part);
  };
  for (const part of parts.values()) visit(part, []);
  return out;
}
