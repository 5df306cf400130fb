import { readStrictXml } from '../../lib/strict-xml.ts';
import {
  attr,
  childElements,
  firstChild,
  type ManifestContext,
  NS,
  readScos,
  ScormManifestError,
  sequencingOf,
  text,
  titleOf,
  xsBoolean,
} from './scorm-manifest-items.ts';

/**
 * A SCORM package's imsmanifest.xml (SCORM 1.2, SCORM 2004 3rd and 4th edition) read into what the
 * platform imports as a course: the default organisation's launchable SCOs in document order and
 * the navigation its sequencing allows. A manifest that cannot be launched as written is refused
 * with a ScormManifestError naming the element at fault.
 */

export { ScormManifestError };

export type ScormVersion = 'scorm12' | 'scorm2004';

export interface ScormSco {
  /** <item identifier> */
  identifier: string;
  title: string;
  resourceId: string;
  /** href joined with xml:base of resources/resource and item parameters, relative to the package root, no leading './' */
  launch: string;
  masteryScore: number | null;
  /** 1.2 adlcp:masteryscore (0-100) or 2004 imsss primary objective minNormalizedMeasure with satisfiedByMeasure (scaled -1..1, keep as given) */
  scaledPassingScore: number | null;
  launchData: string | null;
  /** adlcp:datafromlms / adlcp:dataFromLMS */
  timeLimitAction: string | null;
  /** 1.2 adlcp:maxtimeallowed; 2004 imsss:limitConditions attemptAbsoluteDurationLimit. */
  maxTimeAllowed: string | null;
  completionThreshold: number | null;
  /** 2004 adlcp:completionThreshold (attribute minProgressMeasure in 4th ed., or element text in 3rd) */
  isVisible: boolean;
  /** titles of the enclosing items (clusters), outermost first */
  path: string[];
  /** The resource is an asset (scormtype/scormType "asset"): launched, but never talks to the API. */
  isAsset: boolean;
}

export interface ScormManifest {
  version: ScormVersion;
  /** 'scorm2004' editions: '2004 3rd Edition' | '2004 4th Edition' | 'CAM 1.3' etc. as written in schemaversion; empty when the manifest does not say */
  schemaVersion: string;
  identifier: string;
  title: string;
  defaultOrganization: string;
  /** SCOs of the default organisation in manifest (document) order */
  scos: ScormSco[];
  /** resources of scormtype/adlcp:scormType 'asset' launched by items are included as SCOs too with isAsset=true */
  sequencing: {
    /** true when the 2004 organisation or its items carry imsss:sequencing beyond defaults (controlMode flow/choice/forwardOnly, preconditions, rollup rules) */
    present: boolean;
    choice: boolean;
    flow: boolean;
    forwardOnly: boolean;
  };
}

export interface ScormManifestOptions {
  /** The zip's file paths (normalised, '/'); used to check every launched href exists (ignoring query/fragment). */
  packageFiles?: ReadonlySet<string>;
}

/** SCORM 1.2 has no sequencing: LMSs offer both the menu and next/previous. */
const SCORM12_NAVIGATION = { present: false, choice: true, flow: true, forwardOnly: false };

export function parseScormManifest(xml: string, opts: ScormManifestOptions): ScormManifest {
  const root = parseXml(xml);
  const cp = root.namespaceURI ?? '';
  if (root.localName !== 'manifest' || (cp !== NS.cp12 && cp !== NS.cp2004))
    throw new ScormManifestError(
      `The document element must be <manifest> in the IMS Content Packaging namespace (${NS.cp12} or ${NS.cp2004})`,
      'manifest',
    );
  // Sub-manifests aggregate other packages; no authoring tool in use writes them.
  if (root.getElementsByTagNameNS('*', 'manifest').length > 0)
    throw new ScormManifestError(
      'The manifest contains nested manifests, and nested manifests are not supported',
      'manifest',
    );
  const { version, schemaVersion } = detectVersion(root, cp);
  const identifier = attr(root, 'identifier');
  if (!identifier) throw new ScormManifestError('The manifest has no identifier', 'manifest');

  const organization = defaultOrganization(root, cp);
  const resourcesEl = firstChild(root, cp, 'resources');
  const resources = new Map<string, Element>();
  for (const r of resourcesEl ? childElements(resourcesEl, cp, 'resource') : []) {
    const id = attr(r, 'identifier');
    if (id) resources.set(id, r);
  }
  const collection = new Map<string, Element>();
  for (const c of childElements(root, NS.imsss, 'sequencingCollection')) {
    for (const seq of childElements(c, NS.imsss, 'sequencing')) {
      const id = attr(seq, 'ID');
      if (id) collection.set(id, seq);
    }
  }
  const ctx: ManifestContext = {
    version,
    cp,
    resources,
    bases: [root, resourcesEl].flatMap((el) => (el ? (attr(el, 'base', NS.xml) ?? []) : [])),
    sequencingCollection: collection,
    ...(opts.packageFiles ? { packageFiles: opts.packageFiles } : {}),
  };
  const orgId = attr(organization, 'identifier') ?? '';
  return {
    version,
    schemaVersion,
    identifier,
    title: titleOf(organization, cp, orgId),
    defaultOrganization: orgId,
    scos: readScos(organization, ctx),
    sequencing: version === 'scorm12' ? { ...SCORM12_NAVIGATION } : navigation(organization, ctx),
  };
}

function parseXml(xml: string): Element {
  const root = readStrictXml(xml);
  if (typeof root === 'string')
    throw new ScormManifestError(`imsmanifest.xml is not well-formed XML: ${root}`);
  return root;
}

const VERSION_NAMESPACES: Record<string, ScormVersion> = {
  [NS.adlcp12]: 'scorm12',
  [NS.adlcp2004]: 'scorm2004',
  [NS.adlseq]: 'scorm2004',
  [NS.adlnav]: 'scorm2004',
  [NS.imsss]: 'scorm2004',
};

/** <metadata><schemaversion> decides; without a recognised one, the ADL namespaces in use do. */
function detectVersion(root: Element, cp: string): { version: ScormVersion; schemaVersion: string } {
  const metadata = firstChild(root, cp, 'metadata');
  const schemaVersion = (metadata && text(firstChild(metadata, cp, 'schemaversion'))) || '';
  if (schemaVersion === '1.2') return { version: 'scorm12', schemaVersion };
  if (/2004|^CAM 1\.3$/i.test(schemaVersion)) return { version: 'scorm2004', schemaVersion };

  const found = new Set<ScormVersion>();
  const visit = (el: Element) => {
    for (const a of Array.from(el.attributes)) {
      const ns = a.name === 'xmlns' || a.prefix === 'xmlns' ? a.value : a.namespaceURI;
      const v = ns ? VERSION_NAMESPACES[ns.trim()] : undefined;
      if (v) found.add(v);
    }
    const v = el.namespaceURI ? VERSION_NAMESPACES[el.namespaceURI] : undefined;
    if (v) found.add(v);
    for (const child of Array.from(el.childNodes)) if (child.nodeType === 1) visit(child as Element);
  };
  visit(root);
  const [version, ...others] = [...found];
  const stated = schemaVersion ? `schemaversion "${schemaVersion}"` : 'no schemaversion';
  if (!version)
    throw new ScormManifestError(
      `Not a SCORM manifest: ${stated}, and no SCORM 1.2 or 2004 (ADL) namespace is used`,
      'schemaversion',
    );
  if (others.length > 0)
    throw new ScormManifestError(
      `Not a SCORM manifest of one version: ${stated}, and both SCORM 1.2 and 2004 namespaces are used`,
      'schemaversion',
    );
  return { version, schemaVersion };
}

function defaultOrganization(root: Element, cp: string): Element {
  const organizations = firstChild(root, cp, 'organizations');
  const all = organizations ? childElements(organizations, cp, 'organization') : [];
  const first = all[0];
  if (!organizations || !first)
    throw new ScormManifestError('The manifest has no organisation', 'organizations');
  const wanted = attr(organizations, 'default');
  if (!wanted) return first;
  const chosen = all.find((o) => attr(o, 'identifier') === wanted);
  if (!chosen)
    throw new ScormManifestError(
      `The default organisation "${wanted}" is not among the manifest's organisations`,
      'organizations',
    );
  return chosen;
}

/** Attribute defaults of the sequencing elements (IMS SS 1.0 as bound by SCORM 2004). */
const SEQUENCING_DEFAULTS: Record<string, Record<string, string>> = {
  controlMode: {
    choice: 'true',
    choiceExit: 'true',
    flow: 'false',
    forwardOnly: 'false',
    useCurrentAttemptObjectiveInfo: 'true',
    useCurrentAttemptProgressInfo: 'true',
  },
  deliveryControls: { tracked: 'true', completionSetByContent: 'false', objectiveSetByContent: 'false' },
  rollupRules: {
    rollupObjectiveSatisfied: 'true',
    rollupProgressCompletion: 'true',
    objectiveMeasureWeight: '1',
  },
  limitConditions: {},
  randomizationControls: { randomizationTiming: 'never', selectionTiming: 'never', reorderChildren: 'false' },
};
/** Elements whose children are rules: any rule changes what the learner may do. */
const RULE_CONTAINERS = ['sequencingRules', 'rollupRules'];

function departsFromDefault(el: Element): boolean {
  const defaults = SEQUENCING_DEFAULTS[el.localName];
  if (RULE_CONTAINERS.includes(el.localName) && Array.from(el.childNodes).some((n) => n.nodeType === 1))
    return true;
  // Global objectives (mapInfo) tie activities together across SCOs.
  if (el.localName === 'objectives') return el.getElementsByTagNameNS(NS.imsss, 'mapInfo').length > 0;
  if (el.namespaceURI === NS.adlseq) return el.attributes.length > 0;
  if (!defaults) return false;
  return Array.from(el.attributes).some((a) => {
    if (a.namespaceURI || a.name.startsWith('xmlns')) return false;
    const fallback = defaults[a.name];
    if (fallback === undefined) return true;
    const value = a.value.trim();
    if (fallback === 'true' || fallback === 'false')
      return xsBoolean(value, fallback === 'true', `imsss:${el.localName}`) !== (fallback === 'true');
    return Number.isNaN(Number(fallback)) ? value !== fallback : Number(value) !== Number(fallback);
  });
}

function hasSequencing(el: Element, ctx: ManifestContext): boolean {
  const own = sequencingOf(el, ctx).some((seq) =>
    Array.from(seq.childNodes).some((n) => n.nodeType === 1 && departsFromDefault(n as Element)),
  );
  return own || childElements(el, ctx.cp, 'item').some((item) => hasSequencing(item, ctx));
}

function navigation(organization: Element, ctx: ManifestContext): ScormManifest['sequencing'] {
  const controlMode = sequencingOf(organization, ctx)
    .map((seq) => firstChild(seq, NS.imsss, 'controlMode'))
    .find((c) => c !== undefined);
  const flag = (name: string, fallback: boolean) =>
    controlMode ? xsBoolean(attr(controlMode, name), fallback, 'imsss:controlMode') : fallback;
  return {
    present: hasSequencing(organization, ctx),
    choice: flag('choice', true),
    flow: flag('flow', false),
    forwardOnly: flag('forwardOnly', false),
  };
}
