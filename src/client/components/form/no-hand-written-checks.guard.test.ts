import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A form checks its input with the shared zod contract the server checks it with (ADR 17,
 * useContractForm). A check written by hand in a screen says the same thing in other words and drifts
 * from the contract. This test fails on such a check in any `.tsx` of the client outside the form kit,
 * naming file:line.
 *
 * The patterns are narrow on purpose, so that code that looks alike but decides nothing about a field
 * passes (each pattern says what it leaves alone and why); a check a contract cannot express (a file
 * chosen for upload, say) goes through the kit's `fail` with the form's own words.
 */

const root = join(import.meta.dirname, '../../../..');
const kit = 'src/client/components/form/';

// What a line reports a field's problem with: an errors map, react-hook-form's or the old kit's
// setters, a problem state. A condition without one of these near it decides something else.
const REPORTS =
  /\b(?:errs|errors)(?:\.\w+|\[[^\]]+\])\s*=|\bset(?:Error|Problem|Missing)\(|\.fail\(|\w+Error\s*=/;

interface Pattern {
  name: string;
  re: RegExp;
  /** The line or the next one must report an error too (the same test elsewhere is no check). */
  reports?: boolean;
}

const patterns: Pattern[] = [
  {
    // `v.trim() === '' ? null : v` turns a blank field into "left out" for the contract, which then
    // says "required" itself: a conversion, not a check, so a ternary to null/undefined passes.
    name: 'blank text compared by hand',
    re: /\.trim\(\)\s*[!=]==?\s*(?:''|""|``)(?!\s*\?\s*(?:null|undefined)\b)/,
    reports: true,
  },
  { name: 'trimmed length checked by hand', re: /\.trim\(\)\.length\s*(?:[<>]=?|[!=]==?)/ },
  {
    // `!x.trim()` also fills in a default (`if (!title.trim()) setTitle(doc.title)`): only flagged
    // where it leads to an error.
    name: 'blank text refused by hand',
    re: /!\s*[\w.?]+\.trim\(\)/,
    reports: true,
  },
  {
    // A length against a number of 2 or more or a named limit is a contract's min/max; `> 0`, `< 1`
    // and lengths that only decide what to render (a button up to MAX_OPTIONS) report no error.
    name: 'length limit checked by hand',
    re: /\.length\s*[<>]=?\s*(?:[2-9]|\d{2,}|[A-Z][A-Z0-9_]{2,})\b/,
    reports: true,
  },
  {
    // A regular expression literal with an @ after a repeated part and an escaped dot after it
    // (`[^@\s]+@[^@\s]+\.`): the contract's Email does this. A pattern that only keeps @ out of a
    // class (a domain's `[^\s@]+\.`), `mailto:` links and addresses in example text pass.
    name: 'e-mail pattern written by hand',
    re: /\/\^?[^/\n]*[\]+*)]@[^/\n]*\\\.[^/\n]*\/[dgimsuy]*/,
  },
];

/** react-hook-form rules beside the resolver, over several lines: `register('x', { required: … })`. */
const REGISTER_RULES =
  /\bregister\(\s*[^,()]+,\s*\{[^}]*\b(?:required|minLength|maxLength|min|max|pattern|validate)\s*:/g;
/** react-hook-form's `setError(name, { message })`; a one-argument `setError(x)` is a state setter. */
const SET_ERROR_MESSAGE = /\bsetError\(\s*[^,()]+,\s*\{[^}]*\bmessage\s*:/g;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.tsx') ? [path] : [];
  });
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Each hand-written check as `path:line: pattern: code`. */
function handWrittenChecks(
  paths: readonly string[],
  read = (p: string) => readFileSync(join(root, p), 'utf8'),
) {
  const found: string[] = [];
  for (const path of paths) {
    if (path.startsWith(kit)) continue;
    const text = read(path);
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const code = line.trim();
      if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
      const near = `${code} ${lines[i + 1]?.trim() ?? ''}`;
      const p = patterns.find((x) => x.re.test(code) && (!x.reports || REPORTS.test(near)));
      if (p) found.push(`${path}:${i + 1}: ${p.name}: ${code}`);
    });
    for (const [name, re] of [
      ['react-hook-form rule beside the contract', REGISTER_RULES],
      ['react-hook-form error with a message of its own', SET_ERROR_MESSAGE],
    ] as const) {
      for (const m of text.matchAll(re)) {
        const at = lineOf(text, m.index);
        found.push(`${path}:${at}: ${name}: ${lines[at - 1]?.trim()}`);
      }
    }
  }
  return found;
}

describe('forms check their input with the shared contracts', () => {
  it('no screen repeats a contract in a check of its own', () => {
    const files = sources('src/client');
    expect(files.length).toBeGreaterThan(100);
    expect(handWrittenChecks(files)).toEqual([]);
  });

  it('catches the checks it is meant to catch', () => {
    const offending = [
      "if (name.trim() === '') errs.name = t('form.required');",
      'if (values.title.trim().length < 3) setMissing(true);',
      "if (!title.trim()) errors.title = t('x.titleRequired');",
      "if (!name.trim()) return setProblem(t('studyGroups.name'));",
      "if (password.length < PASSWORD_MIN_LENGTH) errs.password = t('form.passwordTooShort');",
      'const ok = /^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/.test(email);',
      "<input {...register('name', { required: 'Fyll i namnet' })} />",
      "form.setError('name', { type: 'manual', message: t('x.taken') });",
      'const keyError = !key.trim()',
    ];
    const found = handWrittenChecks(['src/client/features/x/X.tsx'], () => offending.join('\n'));
    expect(found.map((f) => Number(f.split(':')[1])).sort((a, b) => a - b)).toEqual(
      offending.map((_, i) => i + 1),
    );
  });

  it('leaves conversions, defaults, rendering and example text alone', () => {
    const fine = [
      "const emptyIsNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);",
      'if (doc && !title.trim()) setTitle(doc.title);',
      '{q.options.length < MAX_OPTIONS ? (',
      'if (options.length < 2) return null;',
      'enabled: q.length >= 2,',
      '<a className="ds-link" href="mailto:tillganglighet@valfardsnavet.se">',
      'anna.lind@falun.se;Anna Lind;Hemtjänst Norr;medarbetare;sv;kvinna',
      'setError(texts.tooShort);',
      'return /^[^\\s@]+\\.[^\\s@]+$/.test(domain) ? domain : null;',
      "// if (!name.trim()) errs.name = t('x') was the old check",
      'const { field } = useController({ control, name });',
    ];
    expect(handWrittenChecks(['src/client/features/x/X.tsx'], () => fine.join('\n'))).toEqual([]);
    expect(handWrittenChecks([`${kit}fields.tsx`], () => "if (v.trim() === '') errs.x = t('y');")).toEqual(
      [],
    );
  });
});
