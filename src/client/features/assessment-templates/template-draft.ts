import type {
  AssessmentArea,
  Localised,
  Question,
  QuestionType,
  Section,
  TemplateContent,
} from '../../../shared/contracts/assessments.ts';

/**
 * The editor's state: template content with every field as the text the person typed (numbers too),
 * so that a half-written form never loses input. `toContent` turns it into what `TemplateContent`
 * parses; `fromContent` goes the other way. `uid` keeps React keys stable while rows move.
 */
export interface Pair {
  sv: string;
  en: string;
}
export interface DraftOption {
  uid: string;
  key: string;
  label: Pair;
}
export interface DraftQuestion {
  uid: string;
  key: string;
  type: QuestionType;
  text: Pair;
  help: Pair;
  levels: Pair[];
  options: DraftOption[];
  min: string;
  max: string;
  maxLength: string;
  scored: boolean;
}
export interface DraftSection {
  uid: string;
  key: string;
  area: AssessmentArea;
  title: Pair;
  intro: Pair;
  questions: DraftQuestion[];
}
export interface DraftContent {
  name: Pair;
  description: Pair;
  sections: DraftSection[];
}

let counter = 0;
const uid = () => `u${++counter}`;
const pair = (p?: Localised | Pair): Pair => ({ sv: p?.sv ?? '', en: p?.en ?? '' });
const emptyLevels = () => Array.from({ length: 5 }, () => pair());

export const choiceTypes: readonly QuestionType[] = ['single', 'multiple', 'ranking'];
export const scorableTypes: readonly QuestionType[] = ['level', 'status'];

export const emptyOption = (): DraftOption => ({ uid: uid(), key: '', label: pair() });

export function emptyQuestion(): DraftQuestion {
  return {
    uid: uid(),
    key: '',
    type: 'level',
    text: pair(),
    help: pair(),
    levels: emptyLevels(),
    options: [emptyOption(), emptyOption()],
    min: '',
    max: '',
    maxLength: '',
    scored: true,
  };
}

export function emptySection(): DraftSection {
  return {
    uid: uid(),
    key: '',
    area: 'governance',
    title: pair(),
    intro: pair(),
    questions: [emptyQuestion()],
  };
}

export function emptyDraft(): DraftContent {
  return { name: pair(), description: pair(), sections: [emptySection()] };
}

const numberText = (n: number | undefined) => (n === undefined ? '' : String(n));

function fromQuestion(q: Question): DraftQuestion {
  return {
    uid: uid(),
    key: q.key,
    type: q.type,
    text: pair(q.text),
    help: pair(q.help),
    levels: q.levels ? q.levels.map(pair) : emptyLevels(),
    options: q.options
      ? q.options.map((o) => ({ uid: uid(), key: o.key, label: pair(o.label) }))
      : [emptyOption(), emptyOption()],
    min: numberText(q.min),
    max: numberText(q.max),
    maxLength: numberText(q.maxLength),
    scored: q.scored,
  };
}

export function fromContent(c: TemplateContent): DraftContent {
  return {
    name: pair(c.name),
    description: pair(c.description),
    sections: c.sections.map((s: Section) => ({
      uid: uid(),
      key: s.key,
      area: s.area,
      title: pair(s.title),
      intro: pair(s.intro),
      questions: s.questions.map(fromQuestion),
    })),
  };
}

const filled = (p: Pair) => p.sv.trim() !== '' || p.en.trim() !== '';
/** An optional text pair: left out when both languages are empty. */
const optionalPair = (p: Pair) => (filled(p) ? p : undefined);
/** A typed number, or the text itself when it is no number (so that validation reports it). */
const toNumber = (s: string): number | string | undefined =>
  s.trim() === '' ? undefined : Number.isFinite(Number(s)) ? Number(s) : s;

/** The content to validate with `TemplateContent` and send: only the fields the question type uses. */
export function toContent(d: DraftContent): unknown {
  return {
    name: d.name,
    description: d.description,
    sections: d.sections.map((s) => ({
      key: s.key.trim(),
      area: s.area,
      title: s.title,
      intro: optionalPair(s.intro),
      questions: s.questions.map((q) => ({
        key: q.key.trim(),
        type: q.type,
        text: q.text,
        help: optionalPair(q.help),
        levels: q.type === 'level' ? q.levels : undefined,
        options: choiceTypes.includes(q.type)
          ? q.options.map((o) => ({ key: o.key.trim(), label: o.label }))
          : undefined,
        min: q.type === 'number' ? toNumber(q.min) : undefined,
        max: q.type === 'number' ? toNumber(q.max) : undefined,
        maxLength: q.type === 'text' ? toNumber(q.maxLength) : undefined,
        scored: scorableTypes.includes(q.type) ? q.scored : false,
      })),
    })),
  };
}

/** The list with item `i` moved `delta` places, or unchanged when that would leave the list. */
export function move<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
}

export const replaceAt = <T>(list: readonly T[], i: number, item: T): T[] =>
  list.map((x, k) => (k === i ? item : x));
export const removeAt = <T>(list: readonly T[], i: number): T[] => list.filter((_, k) => k !== i);

/** The form field name of a content path, as the server names it too (`body.content.…` → `content.…`). */
export const contentField = (path: readonly PropertyKey[]) => ['content', ...path.map(String)].join('.');

/** Every question key of a template's content, in order. */
export const questionsOf = (c: TemplateContent) => c.sections.flatMap((s) => s.questions);

/**
 * The carry-over a publication suggests: each question of the draft follows the previous version's
 * question with the same key, or is new ('').
 */
export function defaultCarryOver(draft: TemplateContent, previous: TemplateContent | null) {
  const old = new Set(previous ? questionsOf(previous).map((q) => q.key) : []);
  return Object.fromEntries(questionsOf(draft).map((q) => [q.key, old.has(q.key) ? q.key : '']));
}

/** The `carriesOver` body: only the questions that follow an old one. */
export const carriesOverBody = (choice: Record<string, string>) =>
  Object.fromEntries(Object.entries(choice).filter(([, old]) => old !== ''));
