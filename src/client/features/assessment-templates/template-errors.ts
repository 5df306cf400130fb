import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldErrors } from '../../components/Form.tsx';
import { contentField } from './template-draft.ts';

type Path = readonly PropertyKey[];
const e = (key: string) => `assessmentTemplates.editor.${key}`;
const langKey = (base: string, lang: unknown) => e(`${base}${lang === 'en' ? 'En' : 'Sv'}`);

/** Where a field is, in words: "Fråga 1.2, Frågetext (svenska)". */
export function whereOf(path: Path, t: TFunction): string {
  const [head, a, b, c, d, f, g] = path;
  if (head === 'key') return t(e('key'));
  if (head === 'ownerOrganisationId') return t(e('owner'));
  if (head === 'name' || head === 'description') return t(langKey(head, a));
  if (head !== 'sections' || typeof a !== 'number') return t(e('sections'));
  const section = t(e('section'), { n: a + 1 });
  if (b === undefined) return section;
  if (b !== 'questions' || typeof c !== 'number') {
    if (b === 'key') return `${section}, ${t(e('sectionKey'))}`;
    if (b === 'area') return `${section}, ${t(e('area'))}`;
    if (b === 'title' || b === 'intro') return `${section}, ${t(langKey(b, c))}`;
    return section;
  }
  const question = t(e('question'), { n: `${a + 1}.${c + 1}` });
  const part = (() => {
    switch (d) {
      case 'key':
        return t(e('questionKey'));
      case 'type':
        return t(e('type'));
      case 'text':
      case 'help':
        return t(langKey(d, f));
      case 'levels':
        return typeof f === 'number' ? t(langKey('level', g), { n: f + 1 }) : t(e('levels'));
      case 'options':
        if (typeof f !== 'number') return t(e('options'));
        if (g === 'key') return t(e('optionKey'), { n: f + 1 });
        return t(langKey('option', path[7]), { n: f + 1 });
      case 'min':
      case 'max':
      case 'maxLength':
      case 'scored':
        return t(e(d));
      default:
        return null;
    }
  })();
  return part ? `${question}, ${part}` : question;
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

const known = new Set(['duplicate_key', 'levels_required', 'options_required', 'not_scorable']);

/** What is wrong with a value, in words, from a zod issue. Empty fields are "required" whatever the rule. */
export function messageOf(issue: z.core.$ZodIssue, value: unknown, t: TFunction): string {
  const m = (key: string) => t(`assessmentTemplates.errors.${key}`);
  if (
    (typeof value === 'string' && value.trim() === '') ||
    (value === undefined && issue.code === 'invalid_type')
  )
    return m('required');
  switch (issue.code) {
    case 'custom':
      return known.has(issue.message) ? m(issue.message) : m('invalid');
    case 'invalid_format':
      return m('keyFormat');
    case 'too_small':
      return issue.origin === 'array'
        ? m('tooFewOptions')
        : issue.origin === 'string'
          ? m('required')
          : m('tooSmall');
    case 'too_big':
      return issue.origin === 'array' ? m('tooMany') : issue.origin === 'string' ? m('tooLong') : m('tooBig');
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? m('number') : m('invalid');
    default:
      return m('invalid');
  }
}

/** A field error with its place, so that the error summary says which of the many fields it is. */
export const placed = (path: Path, message: string, t: TFunction) =>
  t(e('errorAt'), { where: whereOf(path, t), message });

/** The first problem of each content field, keyed by field name (`content.sections.0.key`). */
export function contentErrors(
  issues: readonly z.core.$ZodIssue[],
  content: unknown,
  t: TFunction,
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const name = contentField(issue.path);
    if (!out[name]) out[name] = placed(issue.path, messageOf(issue, valueAt(content, issue.path), t), t);
  }
  return out;
}
