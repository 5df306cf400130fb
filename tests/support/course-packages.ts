import { strToU8, zipSync } from 'fflate';

/**
 * Real SCORM 1.2, SCORM 2004 and cmi5 packages for the tests, zipped with fflate as authoring tools
 * export them: the manifest or course structure at the root, the launched files beside it.
 */

export type PackageFiles = Record<string, string | Uint8Array>;

/** A zip of the files given, paths as written (so a test can add an unsafe one). */
export function zipOf(files: PackageFiles): Buffer {
  const entries = Object.fromEntries(
    Object.entries(files).map(([path, data]) => [path, typeof data === 'string' ? strToU8(data) : data]),
  );
  return Buffer.from(zipSync(entries));
}

const CP12 = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
const ADLCP12 = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
const CP = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const ADLCP = 'http://www.adlnet.org/xsd/adlcp_v1p3';
const IMSSS = 'http://www.imsglobal.org/xsd/imsss';
const CMI5 = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const page = (title: string) =>
  `<!doctype html><html lang="sv"><head><title>${escapeXml(title)}</title><script src="api.js"></script></head><body>${escapeXml(title)}</body></html>`;

export interface Scorm12Options {
  title?: string;
  identifier?: string;
  masteryScore?: number;
  /** More files beside the SCO's, e.g. many small ones. */
  extraFiles?: PackageFiles;
  /** Replaces the manifest as written (for a broken one). */
  manifest?: string;
}

/** The manifest of a single-SCO SCORM 1.2 course, as Articulate Storyline writes it. */
export function scorm12Manifest(opts: Scorm12Options = {}): string {
  const { title = 'Brandsäkerhet i hemtjänsten', identifier = 'Brandsakerhet_SCO', masteryScore } = opts;
  const mastery =
    masteryScore === undefined ? '' : `<adlcp:masteryscore>${masteryScore}</adlcp:masteryscore>`;
  return `\uFEFF<?xml version="1.0" encoding="utf-8" standalone="no"?>
<manifest identifier="Brandsakerhet_SCORM12" version="1.0" xmlns="${CP12}" xmlns:adlcp="${ADLCP12}">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG">
    <organization identifier="ORG">
      <title>${escapeXml(title)}</title>
      <item identifier="${escapeXml(identifier)}" identifierref="RES" isvisible="true">
        <title>${escapeXml(title)}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES" type="webcontent" adlcp:scormtype="sco" href="index_lms.html">
      <file href="index_lms.html"/><file href="story_content/data.js"/>
    </resource>
  </resources>
</manifest>`;
}

/** A single-SCO SCORM 1.2 package. */
export function scorm12Zip(opts: Scorm12Options = {}): Buffer {
  return zipOf({
    'imsmanifest.xml': opts.manifest ?? scorm12Manifest(opts),
    'index_lms.html': page(opts.title ?? 'Brandsäkerhet'),
    'story_content/data.js': 'window.storyData = {"slides": 12};',
    'story_content/bild.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ...opts.extraFiles,
  });
}

export interface Sco {
  identifier: string;
  title: string;
  /** The 2004 primary objective's minNormalizedMeasure (satisfied by measure). */
  passingScore?: number;
}

export interface Scorm2004Options {
  title?: string;
  scos?: Sco[];
  /** The organisation's control mode. */
  controlMode?: { choice: boolean; flow: boolean; forwardOnly?: boolean };
}

export const DEFAULT_2004_SCOS: Sco[] = [
  { identifier: 'DOK_GRUNDER', title: 'Varför dokumentera?' },
  { identifier: 'DOK_PRAKTIK', title: 'Dokumentera i praktiken' },
  { identifier: 'DOK_TEST', title: 'Kunskapstest', passingScore: 0.8 },
];

/** A SCORM 2004 4th edition package with one SCO per entry of `scos`, each in its own folder. */
export function scorm2004Zip(opts: Scorm2004Options = {}): Buffer {
  const { title = 'Dokumentation enligt SoL', scos = DEFAULT_2004_SCOS, controlMode } = opts;
  const items = scos
    .map((sco, i) => {
      const objective =
        sco.passingScore === undefined
          ? ''
          : `<imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="o${i}" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>${sco.passingScore}</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives></imsss:sequencing>`;
      return `<item identifier="${escapeXml(sco.identifier)}" identifierref="R${i}"><title>${escapeXml(sco.title)}</title>${objective}</item>`;
    })
    .join('\n      ');
  const mode = controlMode
    ? `<imsss:sequencing><imsss:controlMode choice="${controlMode.choice}" flow="${controlMode.flow}" forwardOnly="${controlMode.forwardOnly ?? false}"/></imsss:sequencing>`
    : '';
  const resources = scos
    .map(
      (_, i) =>
        `<resource identifier="R${i}" type="webcontent" adlcp:scormType="sco" href="sco${i}/index.html"/>`,
    )
    .join('\n    ');
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="se.valfardsnavet.dokumentation" version="1" xmlns="${CP}" xmlns:adlcp="${ADLCP}" xmlns:imsss="${IMSSS}">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="ORG">
    <organization identifier="ORG">
      <title>${escapeXml(title)}</title>
      ${items}
      ${mode}
    </organization>
  </organizations>
  <resources>
    ${resources}
  </resources>
</manifest>`;
  const files: PackageFiles = { 'imsmanifest.xml': manifest, 'shared/style.css': 'body { margin: 0 }' };
  scos.forEach((sco, i) => {
    files[`sco${i}/index.html`] = page(sco.title);
  });
  return zipOf(files);
}

export const CMI5_COURSE_ID = 'https://kurser.example.se/cmi5/hot-och-vald';

export interface Au {
  id: string;
  /** Langstrings by language tag. */
  title: Record<string, string>;
  /** A path inside the package, or an absolute URL. */
  url: string;
  masteryScore?: number;
  moveOn?: string;
}

export const DEFAULT_AUS: Au[] = [
  {
    id: `${CMI5_COURSE_ID}/au/introduktion`,
    title: { sv: 'Introduktion', en: 'Introduction' },
    url: 'au1/index.html',
    moveOn: 'Completed',
  },
  {
    id: `${CMI5_COURSE_ID}/au/test`,
    title: { sv: 'Test', en: 'Test' },
    url: 'au2/index.html?mode=test',
    masteryScore: 0.7,
    moveOn: 'Passed',
  },
];

const langstrings = (texts: Record<string, string>) =>
  Object.entries(texts)
    .map(([lang, text]) => `<langstring lang="${lang}">${escapeXml(text)}</langstring>`)
    .join('');

/** A cmi5.xml with the AUs given; `title` and descriptions in Swedish and English. */
export function cmi5Xml(aus: Au[] = DEFAULT_AUS, title = { sv: 'Hot och våld', en: 'Threats and violence' }) {
  const body = aus
    .map((au) => {
      const attrs = [
        au.moveOn ? ` moveOn="${au.moveOn}"` : '',
        au.masteryScore === undefined ? '' : ` masteryScore="${au.masteryScore}"`,
      ].join('');
      return `<au id="${escapeXml(au.id)}"${attrs}><title>${langstrings(au.title)}</title><description>${langstrings(au.title)}</description><url>${escapeXml(au.url)}</url></au>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="${CMI5}"><course id="${CMI5_COURSE_ID}"><title>${langstrings(title)}</title><description>${langstrings({ sv: 'Att förebygga och hantera hot.', en: 'Preventing and handling threats.' })}</description></course>${body}</courseStructure>`;
}

/** A cmi5 package: cmi5.xml at the root and each AU's launched file. */
export function cmi5Zip(aus: Au[] = DEFAULT_AUS): Buffer {
  const files: PackageFiles = { 'cmi5.xml': cmi5Xml(aus) };
  for (const au of aus) {
    if (!/^[a-z]+:/i.test(au.url)) files[au.url.split('?')[0]!] = page(au.title.sv ?? au.id);
  }
  return zipOf(files);
}

/** A bare cmi5.xml whose AUs are hosted by their producer (absolute URLs). */
export function bareCmi5Xml(): Buffer {
  return Buffer.from(
    cmi5Xml(DEFAULT_AUS.map((au) => ({ ...au, url: `https://innehall.example.se/${au.url}` }))),
  );
}

/** A multipart/form-data body with the package as `file` and the form fields given, for app.inject(). */
export function packageForm(
  content: Buffer,
  fields: Record<string, string> = {},
  file: { name?: string; type?: string } = {},
) {
  const boundary = `----vnpkg${Math.random().toString(16).slice(2)}`;
  const { name = 'paket.zip', type = 'application/zip' } = file;
  const parts: Uint8Array[] = Object.entries(fields).map(([field, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${value}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
