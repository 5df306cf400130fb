import type { ScormSco, ScormVersion } from './scorm-manifest.ts';

/**
 * The organisation tree of an imsmanifest.xml read into launchable SCOs: items and the resources
 * they reference (IMS CP 1.1.x as profiled by the SCORM 1.2 and SCORM 2004 CAM), launch URLs built
 * the way the CAM tells an LMS to, and the per-item data the runtime initialises the CMI model from.
 */

export const NS = {
  cp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  cp2004: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  adlcp2004: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

export class ScormManifestError extends Error {
  constructor(
    message: string,
    /** The manifest element (prefixed as the spec writes it) the problem was found in. */
    readonly element?: string,
  ) {
    super(message);
    this.name = 'ScormManifestError';
  }
}

/** What the item reader needs from the rest of the manifest. */
export interface ManifestContext {
  version: ScormVersion;
  /** The IMS CP namespace the document element uses. */
  cp: string;
  resources: ReadonlyMap<string, Element>;
  /** xml:base of <manifest> and <resources>, outermost first. */
  bases: readonly string[];
  packageFiles?: ReadonlySet<string>;
  /** Shared imsss:sequencing elements by ID (imsss:sequencingCollection). */
  sequencingCollection: ReadonlyMap<string, Element>;
}

export function childElements(el: Element, ns: string, localName: string): Element[] {
  return Array.from(el.childNodes).filter(
    (n): n is Element =>
      n.nodeType === 1 && (n as Element).localName === localName && (n as Element).namespaceURI === ns,
  );
}

export const firstChild = (el: Element, ns: string, localName: string): Element | undefined =>
  childElements(el, ns, localName)[0];

/** Attribute values trimmed; null when absent (xmldom answers "" for a missing attribute). */
export function attr(el: Element, name: string, ns?: string): string | null {
  if (ns) return el.hasAttributeNS(ns, name) ? (el.getAttributeNS(ns, name) ?? '').trim() : null;
  return el.hasAttribute(name) ? (el.getAttribute(name) ?? '').trim() : null;
}

export const text = (el: Element | undefined): string | null => (el ? (el.textContent ?? '').trim() : null);

/** The trimmed <title> of an organisation or item; the identifier stands in for a missing one. */
export function titleOf(el: Element, cp: string, identifier: string): string {
  return text(firstChild(el, cp, 'title')) || identifier;
}

/** xs:boolean; `fallback` when absent. */
export function xsBoolean(value: string | null, fallback: boolean, where: string): boolean {
  if (value === null) return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ScormManifestError(`"${value}" is not a boolean (${where})`, where);
}

const XS_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** An xs:decimal within [min, max]; null when absent or empty. */
export function decimal(value: string | null, min: number, max: number, where: string): number | null {
  if (value === null || value === '') return null;
  const n = Number(value);
  if (!XS_DECIMAL.test(value) || n < min || n > max)
    throw new ScormManifestError(`"${value}" is not a number from ${min} to ${max} (${where})`, where);
  return n;
}

/** The SCOs (and launched assets) under an organisation, parents before their children. */
export function readScos(organization: Element, ctx: ManifestContext): ScormSco[] {
  const scos: ScormSco[] = [];
  const seen = new Set<string>();
  const walk = (parent: Element, path: string[]) => {
    for (const item of childElements(parent, ctx.cp, 'item')) {
      const identifier = attr(item, 'identifier');
      if (!identifier) throw new ScormManifestError('An <item> has no identifier', 'item');
      if (seen.has(identifier))
        throw new ScormManifestError(`The item identifier "${identifier}" is used twice`, 'item');
      seen.add(identifier);
      const title = titleOf(item, ctx.cp, identifier);
      const children = childElements(item, ctx.cp, 'item');
      const ref = attr(item, 'identifierref');
      if (ref) scos.push(readSco(item, identifier, title, ref, path, ctx));
      else if (children.length === 0)
        throw new ScormManifestError(
          `The item "${identifier}" has neither an identifierref nor child items`,
          'item',
        );
      walk(item, [...path, title]);
    }
  };
  walk(organization, []);
  if (scos.length === 0)
    throw new ScormManifestError('The organisation launches no SCO or asset', 'organization');
  return scos;
}

function readSco(
  item: Element,
  identifier: string,
  title: string,
  resourceId: string,
  path: string[],
  ctx: ManifestContext,
): ScormSco {
  const resource = ctx.resources.get(resourceId);
  if (!resource)
    throw new ScormManifestError(
      `The item "${identifier}" references the resource "${resourceId}", which the manifest does not define`,
      'item',
    );
  const href = attr(resource, 'href');
  if (!href) throw new ScormManifestError(`The resource "${resourceId}" has no href`, 'resource');
  const base = attr(resource, 'base', NS.xml);
  const bases = base === null ? ctx.bases : [...ctx.bases, base];
  const launch = withParameters(resolve(bases, href, identifier), attr(item, 'parameters') ?? '');
  if (ctx.packageFiles && !isAbsolute(launch)) checkFile(launch, identifier, ctx.packageFiles);
  const sco: ScormSco = {
    identifier,
    title,
    resourceId,
    launch,
    isAsset: scormType(resource, ctx.version) === 'asset',
    isVisible: xsBoolean(attr(item, 'isvisible'), true, 'isvisible'),
    path,
    masteryScore: null,
    scaledPassingScore: null,
    launchData: null,
    timeLimitAction: null,
    maxTimeAllowed: null,
    completionThreshold: null,
  };
  return ctx.version === 'scorm12'
    ? { ...sco, ...scorm12Data(item) }
    : { ...sco, ...scorm2004Data(item, ctx) };
}

/**
 * 1.2 spells it adlcp:scormtype and 2004 adlcp:scormType; the other spelling, which some authoring
 * tools write, is read as a fallback rather than turning an asset into a SCO that never reports.
 */
function scormType(resource: Element, version: ScormVersion): string {
  const ns = version === 'scorm12' ? NS.adlcp12 : NS.adlcp2004;
  const [spelled, other] = version === 'scorm12' ? ['scormtype', 'scormType'] : ['scormType', 'scormtype'];
  return (attr(resource, spelled, ns) ?? attr(resource, other, ns) ?? 'sco').toLowerCase();
}

function scorm12Data(item: Element): Partial<ScormSco> {
  const adlcp = (name: string) => text(firstChild(item, NS.adlcp12, name)) || null;
  return {
    masteryScore: decimal(adlcp('masteryscore'), 0, 100, 'adlcp:masteryscore'),
    launchData: adlcp('datafromlms'),
    timeLimitAction: adlcp('timelimitaction'),
    maxTimeAllowed: adlcp('maxtimeallowed'),
  };
}

function scorm2004Data(item: Element, ctx: ManifestContext): Partial<ScormSco> {
  const adlcp = (name: string) => text(firstChild(item, NS.adlcp2004, name)) || null;
  const limits = sequencingPart(item, 'limitConditions', ctx);
  return {
    launchData: adlcp('dataFromLMS'),
    timeLimitAction: adlcp('timeLimitAction'),
    maxTimeAllowed: limits ? attr(limits, 'attemptAbsoluteDurationLimit') || null : null,
    scaledPassingScore: scaledPassingScore(item, ctx),
    completionThreshold: completionThreshold(firstChild(item, NS.adlcp2004, 'completionThreshold')),
  };
}

/**
 * The RTE initialises cmi.scaled_passing_score only when the primary objective is satisfied by
 * measure; its minNormalizedMeasure then defaults to 1.0.
 */
function scaledPassingScore(item: Element, ctx: ManifestContext): number | null {
  const objectives = sequencingPart(item, 'objectives', ctx);
  const primary = objectives && firstChild(objectives, NS.imsss, 'primaryObjective');
  if (!primary) return null;
  if (!xsBoolean(attr(primary, 'satisfiedByMeasure'), false, 'imsss:primaryObjective')) return null;
  const measure = text(firstChild(primary, NS.imsss, 'minNormalizedMeasure'));
  return decimal(measure, -1, 1, 'imsss:minNormalizedMeasure') ?? 1;
}

/** 4th edition: attributes (minProgressMeasure defaults to 1.0); 3rd edition: the element's text. */
function completionThreshold(el: Element | undefined): number | null {
  if (!el) return null;
  const where = 'adlcp:completionThreshold';
  const minProgress = decimal(attr(el, 'minProgressMeasure'), 0, 1, where);
  if (minProgress !== null) return minProgress;
  const threshold = decimal(text(el), 0, 1, where);
  if (threshold !== null) return threshold;
  return xsBoolean(attr(el, 'completedByMeasure'), false, where) ? 1 : null;
}

/** The item's own imsss:sequencing, then the shared one its IDRef names (local parts win). */
export function sequencingOf(el: Element, ctx: ManifestContext): Element[] {
  const local = firstChild(el, NS.imsss, 'sequencing');
  if (!local) return [];
  const ref = attr(local, 'IDRef');
  if (!ref) return [local];
  const shared = ctx.sequencingCollection.get(ref);
  if (!shared)
    throw new ScormManifestError(
      `imsss:sequencing refers to "${ref}", which the sequencingCollection does not define`,
      'imsss:sequencing',
    );
  return [local, shared];
}

export function sequencingPart(el: Element, localName: string, ctx: ManifestContext): Element | undefined {
  for (const seq of sequencingOf(el, ctx)) {
    const part = firstChild(seq, NS.imsss, localName);
    if (part) return part;
  }
  return undefined;
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const isAbsolute = (url: string) => SCHEME.test(url);

/**
 * Joins the xml:base chain and the href. Each xml:base names a directory, written with or without
 * its trailing slash; an absolute base or href starts the URL afresh. Relative results are
 * normalised to a path inside the package.
 */
function resolve(bases: readonly string[], href: string, item: string): string {
  let url = '';
  const parts = [...bases.filter((b) => b !== '').map((b) => (b.endsWith('/') ? b : `${b}/`)), href];
  for (const piece of parts) {
    if (isAbsolute(piece)) url = piece;
    else if (isAbsolute(url)) url = new URL(piece, url).href;
    else url = piece.startsWith('/') ? piece : url + piece;
  }
  if (!isAbsolute(url)) return packageUrl(url, item);
  // javascript:, file: and data: URLs would run or read outside the player's sandbox.
  if (!/^https?:/i.test(url))
    throw new ScormManifestError(
      `The launch URL "${url}" of item "${item}" is neither inside the package nor http(s)`,
      'resource',
    );
  return url;
}

function packageUrl(url: string, item: string): string {
  const cut = url.search(/[?#]|$/);
  const segments: string[] = [];
  for (const segment of url.slice(0, cut).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.pop() === undefined)
      throw new ScormManifestError(
        `The launch URL "${url}" of item "${item}" leads out of the package`,
        'resource',
      );
  }
  if (segments.length === 0)
    throw new ScormManifestError(`The launch URL "${url}" of item "${item}" names no file`, 'resource');
  return segments.join('/') + url.slice(cut);
}

function checkFile(launch: string, item: string, files: ReadonlySet<string>): void {
  const file = launch.slice(0, launch.search(/[?#]|$/));
  let decoded = file;
  try {
    decoded = decodeURIComponent(file);
  } catch {
    // A stray "%" is a literal character of the file name.
  }
  if (!files.has(file) && !files.has(decoded))
    throw new ScormManifestError(
      `The item "${item}" launches "${file}", which is not in the package`,
      'resource',
    );
}

/**
 * Appends <item parameters> as the CAM prescribes: leading "?" and "&" are dropped; a "#fragment"
 * is added only when the URL has none; otherwise the parameters join the query with "?" or "&".
 */
export function withParameters(url: string, parameters: string): string {
  const params = parameters.trim().replace(/^[?&]+/, '');
  if (params === '') return url;
  const hash = url.indexOf('#');
  if (params.startsWith('#')) return hash === -1 ? url + params : url;
  const [beforeHash, fragment] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  return `${beforeHash}${beforeHash.includes('?') ? '&' : '?'}${params}${fragment}`;
}
