import { readStrictXml } from '../../lib/strict-xml.ts';
import { Cmi5Violation, type Identified, readCourseStructure, SCHEMA_REQ } from './course-structure-rules.ts';

/**
 * A cmi5 course structure (cmi5.xml, spec sections 13 and 14) read and checked for import. A
 * non-conformant one is refused naming the requirement it breaks, numbered as in ADL's requirement
 * list; where the spec leaves the choice open, the number is the one ADL's CATAPULT test suite
 * expects when it posts that package.
 */

export interface LangString {
  /** xs:language; empty when the langstring has no lang attribute (the XSD makes it optional). */
  lang: string;
  text: string;
}

export type Cmi5LaunchMethod = 'AnyWindow' | 'OwnWindow';
export type Cmi5MoveOn =
  | 'Passed'
  | 'Completed'
  | 'CompletedAndPassed'
  | 'CompletedOrPassed'
  | 'NotApplicable';

export interface Cmi5Objective {
  id: string;
  title: LangString[];
  description: LangString[];
}

export interface Cmi5Block {
  id: string;
  title: LangString[];
  description: LangString[];
  /** Ids of the course objectives the block references. */
  objectives: string[];
  /** Enclosing blocks, outermost first; empty at the top level. */
  parentBlockIds: string[];
}

export interface Cmi5Au {
  /** Position among all AUs in document order, from 0. */
  index: number;
  id: string;
  title: LangString[];
  description: LangString[];
  /** An absolute URL as written, or a path inside the package (normalised, no leading slash). */
  url: string;
  launchMethod: Cmi5LaunchMethod;
  moveOn: Cmi5MoveOn;
  /** 0 to 1. */
  masteryScore?: number;
  launchParameters?: string;
  entitlementKey?: string;
  activityType?: string;
  objectives: string[];
  parentBlockIds: string[];
}

export interface Cmi5Course {
  id: string;
  title: LangString[];
  description: LangString[];
  objectives: Cmi5Objective[];
  /** In document order. */
  blocks: Cmi5Block[];
  /** In document order, across all blocks. */
  aus: Cmi5Au[];
}

export type CourseStructureResult =
  | { ok: true; course: Cmi5Course }
  | { ok: false; violatedRequirement: string; message: string };

export interface CourseStructureOptions {
  /**
   * Paths of the files in the zip ("/"-separated, no leading slash) when the course came as a
   * package; absent for a bare cmi5.xml, whose AU URLs must then all be absolute.
   */
  packageFiles?: ReadonlySet<string>;
}

const IRI_REQ = '3.0.0.0-1';
const DUPLICATE_REQ: Record<Identified['kind'], string> = {
  course: '13.1.4.0-1',
  objective: '13.1.3.0-1',
  block: '13.1.2.0-1',
  au: '13.1.4.0-1',
};
/** Course structure data must not use a feature in a non-conforming manner (an unknown objective). */
const CONFORMING_REQ = '4.4.0.0-2';
const URL_REQ = '13.1.4.0-2';
const QUERY_COLLISION_REQ = '8.1.0.0-6';
const PACKAGED_URL_REQ = '14.1.0.0-4';
const BARE_XML_URL_REQ = '14.2.0.0-1';

/** The names the LMS adds to the launch URL (spec 8.1); the AU's own query string may not use them. */
const LAUNCH_PARAMETERS = ['endpoint', 'fetch', 'actor', 'activityId', 'registration'];

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** Characters RFC 1738 and RFC 3987 both require escaped: whitespace, controls and the "unsafe" set. */
const UNSAFE = /[\s\p{Cc}<>"{}|\\^`]/u;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const PARSE_BASE = 'https://package.invalid/';

export function parseCourseStructure(xml: string, opts: CourseStructureOptions): CourseStructureResult {
  try {
    const { course, identifiers } = readCourseStructure(parseXml(xml));
    checkIdentifiers(course, identifiers);
    for (const au of course.aus) au.url = checkedUrl(au.url, au.id, opts.packageFiles);
    return { ok: true, course };
  } catch (error) {
    if (error instanceof Cmi5Violation)
      return { ok: false, violatedRequirement: error.requirement, message: error.message };
    throw error;
  }
}

function parseXml(xml: string): Element {
  const root = readStrictXml(xml);
  if (typeof root === 'string')
    throw new Cmi5Violation(SCHEMA_REQ, `cmi5.xml is not well-formed XML: ${root}`);
  return root;
}

/** A fully qualified IRI, not an IRI reference (definition of IRI in spec section 3). */
function isFullIri(value: string): boolean {
  if (!SCHEME.test(value) || UNSAFE.test(value) || BAD_ESCAPE.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function checkIdentifiers(course: Cmi5Course, identifiers: Identified[]): void {
  const seen = new Map<string, Identified['kind']>();
  for (const item of identifiers) {
    if (!isFullIri(item.id))
      throw new Cmi5Violation(IRI_REQ, `the ${item.kind} id "${item.id}" is not a fully qualified IRI`);
    const earlier = seen.get(item.id);
    if (earlier)
      throw new Cmi5Violation(
        DUPLICATE_REQ[item.kind],
        `the ${item.kind} id "${item.id}" is already used by a ${earlier}`,
      );
    seen.set(item.id, item.kind);
  }
  const objectiveIds = new Set(course.objectives.map((o) => o.id));
  for (const owner of [...course.blocks, ...course.aus]) {
    const unknown = owner.objectives.find((ref) => !objectiveIds.has(ref));
    if (unknown !== undefined)
      throw new Cmi5Violation(
        CONFORMING_REQ,
        `"${owner.id}" references the objective "${unknown}", which the course does not define`,
      );
  }
  for (const au of course.aus) {
    if (au.activityType !== undefined && !isFullIri(au.activityType))
      throw new Cmi5Violation(
        IRI_REQ,
        `the activityType "${au.activityType}" of ${au.id} is not a fully qualified IRI`,
      );
  }
}

/** Checks an AU's launch URL in the order CATAPULT does and returns it as the launcher will use it. */
function checkedUrl(url: string, auId: string, packageFiles: ReadonlySet<string> | undefined): string {
  let parsed: URL;
  try {
    if (UNSAFE.test(url) || BAD_ESCAPE.test(url))
      throw new Error('characters RFC 1738 requires to be escaped');
    parsed = new URL(url, PARSE_BASE);
  } catch (error) {
    throw new Cmi5Violation(
      URL_REQ,
      `the URL "${url}" of ${auId} is not a valid URL (${(error as Error).message})`,
    );
  }
  const collision = LAUNCH_PARAMETERS.find((name) => parsed.searchParams.has(name));
  if (collision)
    throw new Cmi5Violation(
      QUERY_COLLISION_REQ,
      `the URL of ${auId} already has "${collision}" in its query string`,
    );
  if (SCHEME.test(url)) return url;

  if (!packageFiles)
    throw new Cmi5Violation(
      BARE_XML_URL_REQ,
      `the URL "${url}" of ${auId} is relative, but a bare cmi5.xml needs absolute URLs`,
    );
  const path = url.startsWith('//') ? null : packagePath(url);
  if (path === null || !packageFiles.has(path))
    throw new Cmi5Violation(
      PACKAGED_URL_REQ,
      `the URL "${url}" of ${auId} is relative, but the package has no such file`,
    );
  return path + url.slice(url.search(/[?#]|$/));
}

/** The file a relative URL names inside the package, or null when it climbs out of it. */
function packagePath(url: string): string | null {
  const segments: string[] = [];
  for (const segment of url.split(/[?#]/)[0]?.split('/') ?? []) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.pop() === undefined) return null;
      continue;
    }
    segments.push(decodeURIComponent(segment));
  }
  return segments.join('/');
}
