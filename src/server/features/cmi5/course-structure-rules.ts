import type {
  Cmi5Au,
  Cmi5Block,
  Cmi5Course,
  Cmi5LaunchMethod,
  Cmi5MoveOn,
  Cmi5Objective,
  LangString,
} from './course-structure.ts';

/**
 * What the cmi5 XSD (spec section 13.2) says about the shape of cmi5.xml, checked by hand because
 * no schema validator ships with the server. The content models are written as patterns over the
 * names of an element's cmi5 children, so each one reads like the XSD sequence it stands for.
 */

export const CMI5_NS = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

/** The XSD (and, in CATAPULT, XML that does not parse at all). */
export const SCHEMA_REQ = '13.2.0.0-1';
/** Vendor extensions must keep the structure valid: foreign elements only where the XSD allows them. */
const EXTENSION_REQ = '13.1.5.0-2';

export class Cmi5Violation extends Error {
  constructor(
    readonly requirement: string,
    message: string,
  ) {
    super(message);
    this.name = 'Cmi5Violation';
  }
}

interface ContentModel {
  pattern: RegExp;
  expected: string;
  /** xs:any namespace="##other" at the end of the sequence. */
  trailingExtensions: boolean;
  attributes: readonly string[];
  required: readonly string[];
}

const model = (
  pattern: RegExp,
  expected: string,
  attributes: readonly string[] = [],
  trailingExtensions = true,
): ContentModel => ({
  pattern,
  expected,
  trailingExtensions,
  attributes,
  required: attributes.filter((a) => a === 'id' || a === 'idref'),
});

const MODELS = {
  courseStructure: model(/^course (objectives )?((au|block) )+$/, 'course, objectives?, (au | block)+'),
  course: model(/^title description $/, 'title, description', ['id']),
  objectives: model(/^(objective )+$/, 'objective+'),
  objective: model(/^(title description |description title )$/, 'title and description', ['id'], false),
  objectiveRef: model(/^$/, 'no child elements', ['idref'], false),
  block: model(
    /^title description (objectives )?((au|block) )+$/,
    'title, description, objectives?, (au | block)+',
    ['id'],
  ),
  au: model(
    /^title description (objectives )?url (launchParameters )?(entitlementKey )?$/,
    'title, description, objectives?, url, launchParameters?, entitlementKey?',
    ['id', 'launchMethod', 'moveOn', 'masteryScore', 'activityType'],
  ),
  text: model(/^(langstring )+$/, 'langstring+'),
} satisfies Record<string, ContentModel>;

const LAUNCH_METHODS: readonly Cmi5LaunchMethod[] = ['AnyWindow', 'OwnWindow'];
const MOVE_ONS: readonly Cmi5MoveOn[] = [
  'Passed',
  'Completed',
  'CompletedAndPassed',
  'CompletedOrPassed',
  'NotApplicable',
];
const XS_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const XS_LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

const schemaError = (message: string) => new Cmi5Violation(SCHEMA_REQ, message);

/** The cmi5 children of an element, after checking text, foreign elements and attributes. */
function cmi5Children(el: Element, content: ContentModel): Element[] {
  const found: Element[] = [];
  let extensionSeen = false;
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      if ((node.nodeValue ?? '').trim() !== '')
        throw schemaError(`<${el.localName}> holds text outside its child elements`);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    if (!child.namespaceURI)
      throw schemaError(`<${child.localName}> inside <${el.localName}> has no namespace`);
    if (child.namespaceURI !== CMI5_NS) {
      if (!content.trailingExtensions)
        throw new Cmi5Violation(EXTENSION_REQ, `<${el.localName}> takes no extension elements`);
      extensionSeen = true;
      continue;
    }
    if (extensionSeen)
      throw new Cmi5Violation(
        EXTENSION_REQ,
        `extension elements in <${el.localName}> must follow its cmi5 elements`,
      );
    found.push(child);
  }
  const names = found.map((c) => `${c.localName} `).join('');
  if (!content.pattern.test(names))
    throw schemaError(
      `<${el.localName}> must contain ${content.expected}; found: ${names.trim() || 'nothing'}`,
    );
  checkAttributes(el, content);
  return found;
}

function checkAttributes(el: Element, content: ContentModel): void {
  for (const attr of Array.from(el.attributes)) {
    // Namespaced attributes are vendor extensions (xs:anyAttribute ##other) or declarations.
    if (attr.namespaceURI || attr.name.startsWith('xmlns')) continue;
    if (!content.attributes.includes(attr.name))
      throw schemaError(`<${el.localName}> has no attribute "${attr.name}"`);
  }
  for (const name of content.required) {
    if (!el.hasAttribute(name) || attr(el, name) === '')
      throw schemaError(`<${el.localName}> requires the attribute "${name}"`);
  }
}

/** Attribute values are trimmed on import (13.1.0.0-1). */
function attr(el: Element, name: string): string {
  return (el.getAttribute(name) ?? '').trim();
}

function optionalAttr(el: Element, name: string): string | undefined {
  return el.hasAttribute(name) ? attr(el, name) : undefined;
}

function textOnly(el: Element): string {
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 1) throw schemaError(`<${el.localName}> takes text, not child elements`);
  }
  return (el.textContent ?? '').trim();
}

function langStrings(el: Element): LangString[] {
  return cmi5Children(el, MODELS.text).map((ls) => {
    checkAttributes(ls, model(/^$/, '', ['lang']));
    const lang = attr(ls, 'lang');
    if (ls.hasAttribute('lang') && !XS_LANGUAGE.test(lang))
      throw schemaError(`"${lang}" is not a language tag (langstring lang)`);
    return { lang, text: textOnly(ls) };
  });
}

function titleAndDescription(children: Element[]): { title: LangString[]; description: LangString[] } {
  const pick = (name: string) => children.find((c) => c.localName === name) as Element;
  return { title: langStrings(pick('title')), description: langStrings(pick('description')) };
}

function objectiveRefs(children: Element[]): string[] {
  const refs = children.find((c) => c.localName === 'objectives');
  if (!refs) return [];
  return cmi5Children(refs, MODELS.objectives).map((o) => {
    cmi5Children(o, MODELS.objectiveRef);
    return attr(o, 'idref');
  });
}

function enumerated<T extends string>(el: Element, name: string, allowed: readonly T[], fallback: T): T {
  const value = optionalAttr(el, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw schemaError(`${name} "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

function masteryScore(el: Element): number | undefined {
  const value = optionalAttr(el, 'masteryScore');
  if (value === undefined) return undefined;
  const score = Number(value);
  if (!XS_DECIMAL.test(value) || score < 0 || score > 1)
    throw schemaError(`masteryScore "${value}" is not a decimal from 0 to 1`);
  return score;
}

function optionalText(children: Element[], name: string): string | undefined {
  const el = children.find((c) => c.localName === name);
  return el ? (el.textContent ?? '').trim() : undefined;
}

/** An identifier met in document order, for the uniqueness and IRI checks that follow. */
export interface Identified {
  kind: 'course' | 'objective' | 'block' | 'au';
  id: string;
}

export interface ReadStructure {
  course: Cmi5Course;
  /** Course, objectives, then blocks and AUs as they appear. */
  identifiers: Identified[];
}

/** Reads the document element as the XSD describes it; throws a Cmi5Violation where it departs. */
export function readCourseStructure(root: Element): ReadStructure {
  if (root.localName !== 'courseStructure' || root.namespaceURI !== CMI5_NS)
    throw schemaError(`the document element must be <courseStructure xmlns="${CMI5_NS}">`);
  const top = cmi5Children(root, MODELS.courseStructure);
  const courseEl = top[0] as Element;
  const courseChildren = cmi5Children(courseEl, MODELS.course);
  const identifiers: Identified[] = [{ kind: 'course', id: attr(courseEl, 'id') }];

  const objectives: Cmi5Objective[] = [];
  const objectivesEl = top.find((c) => c.localName === 'objectives');
  for (const o of objectivesEl ? cmi5Children(objectivesEl, MODELS.objectives) : []) {
    const id = attr(o, 'id');
    objectives.push({ id, ...titleAndDescription(cmi5Children(o, MODELS.objective)) });
    identifiers.push({ kind: 'objective', id });
  }

  const blocks: Cmi5Block[] = [];
  const aus: Cmi5Au[] = [];
  const walk = (members: Element[], parentBlockIds: string[]) => {
    for (const el of members) {
      const id = attr(el, 'id');
      if (el.localName === 'block') {
        const children = cmi5Children(el, MODELS.block);
        blocks.push({
          id,
          ...titleAndDescription(children),
          objectives: objectiveRefs(children),
          parentBlockIds,
        });
        identifiers.push({ kind: 'block', id });
        walk(children.filter(isMember), [...parentBlockIds, id]);
      } else if (el.localName === 'au') {
        aus.push(readAu(el, aus.length, parentBlockIds));
        identifiers.push({ kind: 'au', id });
      }
    }
  };
  walk(top.filter(isMember), []);

  return {
    course: { id: attr(courseEl, 'id'), ...titleAndDescription(courseChildren), objectives, blocks, aus },
    identifiers,
  };
}

const isMember = (el: Element) => el.localName === 'au' || el.localName === 'block';

function readAu(el: Element, index: number, parentBlockIds: string[]): Cmi5Au {
  const children = cmi5Children(el, MODELS.au);
  const url = textOnly(children.find((c) => c.localName === 'url') as Element);
  if (url === '') throw schemaError(`the AU ${attr(el, 'id')} has an empty <url>`);
  const au: Cmi5Au = {
    index,
    id: attr(el, 'id'),
    ...titleAndDescription(children),
    url,
    launchMethod: enumerated(el, 'launchMethod', LAUNCH_METHODS, 'AnyWindow'),
    moveOn: enumerated(el, 'moveOn', MOVE_ONS, 'NotApplicable'),
    objectives: objectiveRefs(children),
    parentBlockIds,
  };
  const optional = {
    masteryScore: masteryScore(el),
    launchParameters: optionalText(children, 'launchParameters'),
    entitlementKey: optionalText(children, 'entitlementKey'),
    activityType: optionalAttr(el, 'activityType'),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(au, { [key]: value });
  }
  return au;
}
