import { createHash } from 'node:crypto';
import type { Localised } from '../../../shared/contracts/course-content.ts';
import type { CourseTrack } from '../../../shared/contracts/course-import.ts';
import type {
  ImportedCourseContent,
  PackagedModuleContent,
  PackageFormat,
} from '../../../shared/contracts/imported-course.ts';
import type { Cmi5Course, LangString } from '../cmi5/course-structure.ts';
import type { ScormManifest } from '../scorm/scorm-manifest.ts';

/**
 * An imported package's structure as course content (ADR 21): one module per SCO or AU, keyed by its
 * identifier so that a new version of the same package keeps each module's key, and with it the
 * learners' progress and attempts.
 */

export type ReadPackage =
  | { kind: 'scorm12' | 'scorm2004'; manifest: ScormManifest }
  | { kind: 'cmi5'; course: Cmi5Course };

const SLUG_MAX = 60;

/** Lower-case ASCII words joined by '-', at most 60 characters; empty when nothing is left. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}

/**
 * The module key of a SCO or AU: a readable slug and 6 hex digits of the identifier's SHA-1, so two
 * identifiers that slug alike still differ, and the same identifier gets the same key in every version.
 */
export function moduleKey(identifier: string): string {
  const hash = createHash('sha1').update(identifier).digest('hex').slice(0, 6);
  const slug = slugify(identifier);
  return slug ? `${slug}-${hash}` : `modul-${hash}`;
}

/** The course key a title suggests; `-2`, `-3` … are added by the caller when it is taken. */
export const courseKeyBase = (title: string) => slugify(title) || 'kurs';

/** The smallest free key of `base`, `base-2`, `base-3` … among the keys taken. */
export function freeKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const key = `${base}-${n}`;
    if (!taken.has(key)) return key;
  }
}

const FORMAT_NAMES: Record<PackageFormat, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004',
  cmi5: 'cmi5',
};

/** A language tag as the learner views compare it: the primary subtag in lower case. */
function languageTag(lang: string): string {
  const [primary = '', ...rest] = lang.trim().split('-');
  return [primary.toLowerCase(), ...rest].join('-');
}

/**
 * cmi5 langstrings as a localised text: Swedish (or the first text when there is none) as `sv`, and
 * every language given under its own tag. Null when every text is empty.
 */
export function fromLangStrings(strings: readonly LangString[]): Localised | null {
  const given = strings
    .map((s) => ({ lang: languageTag(s.lang), text: s.text.trim() }))
    .filter((s) => s.text !== '');
  const swedish =
    given.find((s) => s.lang === 'sv') ?? given.find((s) => s.lang.startsWith('sv-')) ?? given[0];
  if (!swedish) return null;
  const out: Localised = { sv: swedish.text };
  for (const s of given) {
    // A regional Swedish tag (sv-SE) chosen as the Swedish text is that text, not a language of its own.
    if (s === swedish && s.lang.startsWith('sv')) continue;
    if (s.lang && !(s.lang in out)) out[s.lang] = s.text;
  }
  return out;
}

const plain = (text: string, fallback: string): Localised => ({ sv: text.trim() || fallback });

function scormModules(manifest: ScormManifest): PackagedModuleContent[] {
  return manifest.scos.map((sco) => {
    const title = plain(sco.title, sco.identifier);
    const passingScore =
      manifest.version === 'scorm12'
        ? sco.masteryScore === null
          ? null
          : sco.masteryScore / 100
        : sco.scaledPassingScore;
    return {
      key: moduleKey(sco.identifier),
      title,
      summary: title,
      identifier: sco.identifier,
      kind: sco.isAsset ? 'asset' : 'sco',
      launch: sco.launch,
      passingScore,
      launchData: sco.launchData,
      path: sco.path,
    };
  });
}

function cmi5Modules(course: Cmi5Course): PackagedModuleContent[] {
  const blockTitles = new Map(course.blocks.map((b) => [b.id, fromLangStrings(b.title)?.sv ?? b.id]));
  return course.aus.map((au) => {
    const title = fromLangStrings(au.title) ?? { sv: au.id };
    return {
      key: moduleKey(au.id),
      title,
      summary: fromLangStrings(au.description) ?? title,
      identifier: au.id,
      kind: 'au',
      launch: au.url,
      passingScore: au.masteryScore ?? null,
      launchData: au.launchParameters ?? null,
      path: au.parentBlockIds.map((id) => blockTitles.get(id) ?? id),
      moveOn: au.moveOn,
      launchMethod: au.launchMethod,
    };
  });
}

/** The package's own title, before any course key is chosen from it. */
export function packageTitle(read: ReadPackage): string {
  if (read.kind === 'cmi5') return fromLangStrings(read.course.title)?.sv ?? read.course.id;
  return read.manifest.title.trim() || read.manifest.identifier;
}

const OPEN_NAVIGATION = { choice: true, flow: true, forwardOnly: false };

/**
 * The content of the version a package becomes. Not yet checked against `ImportedCourseContent`: the
 * caller does, so a package whose texts break its limits is refused as invalid.
 */
export function toImportedContent(
  read: ReadPackage,
  target: { packageId: string; key: string; track: CourseTrack },
): ImportedCourseContent {
  const modules = read.kind === 'cmi5' ? cmi5Modules(read.course) : scormModules(read.manifest);
  const fallbackSummary = `Kurs importerad från ett ${FORMAT_NAMES[read.kind]}-paket.`;
  let title: Localised;
  let summary: Localised;
  let languages = ['sv'];
  let navigation = OPEN_NAVIGATION;
  if (read.kind === 'cmi5') {
    title = fromLangStrings(read.course.title) ?? { sv: read.course.id };
    summary = fromLangStrings(read.course.description) ?? { sv: fallbackSummary };
    languages = [...new Set(['sv', ...Object.keys(title)])];
  } else {
    title = plain(read.manifest.title, read.manifest.identifier);
    summary = { sv: fallbackSummary };
    if (read.kind === 'scorm2004') {
      const { choice, flow, forwardOnly } = read.manifest.sequencing;
      navigation = { choice, flow, forwardOnly };
    }
  }
  return {
    format: read.kind,
    packageId: target.packageId,
    key: target.key,
    track: target.track,
    title,
    summary,
    languages,
    estimatedMinutes: Math.max(5, 10 * modules.length),
    navigation,
    modules,
  };
}

const MEDIA_TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  js: 'text/javascript',
  mjs: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  xml: 'application/xml',
  xsd: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  webm: 'video/webm',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  pdf: 'application/pdf',
  txt: 'text/plain',
  vtt: 'text/vtt',
  // Flash is never run; served as bytes it cannot become a plug-in document.
  swf: 'application/octet-stream',
};

/** The media type a package file is served with, from its extension; unknown ones as plain bytes. */
export function mediaTypeOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'application/octet-stream';
  return MEDIA_TYPES[name.slice(dot + 1).toLowerCase()] ?? 'application/octet-stream';
}
