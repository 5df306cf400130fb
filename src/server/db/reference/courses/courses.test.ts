import { describe, expect, it } from 'vitest';
import {
  ContentLanguage,
  CourseContent,
  PLAIN_SWEDISH,
} from '../../../../shared/contracts/course-content.ts';
import { ledaInforandet } from './leda-inforandet/index.ts';
import { valfardsteknikIVardagen } from './valfardsteknik-i-vardagen/index.ts';

// The inputs are imported from the course folders, and `./index.ts` (which parses at import) only inside a
// test, so that a schema problem shows up as a failing test for the course concerned, not a failed file.
const starterCourseInputs = [valfardsteknikIVardagen, ledaInforandet];

type Path = string;

/** Every object with a string `sv` is a Localised text; yields it with its path in the course. */
function* localisedTexts(value: unknown, path: Path): Generator<[Path, Record<string, unknown>]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* localisedTexts(item, `${path}[${i}]`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (typeof record.sv === 'string') {
    yield [path, record];
    return;
  }
  for (const [k, v] of Object.entries(record)) yield* localisedTexts(v, `${path}.${k}`);
}

function duplicates(keys: string[]): string[] {
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

describe('starter courses', () => {
  it('accepts plain Swedish (sv-x-plain) as a content language', () => {
    expect(ContentLanguage.safeParse(PLAIN_SWEDISH).success).toBe(true);
  });

  it('exports the staff and the managers course, validated', async () => {
    const { starterCourses } = await import('./index.ts');
    expect(starterCourses.map((c) => c.key)).toEqual(['valfardsteknik-i-vardagen', 'leda-inforandet']);
    expect(starterCourses.map((c) => c.track)).toEqual(['staff', 'managers']);
    expect(duplicates(starterCourses.map((c) => c.key))).toEqual([]);
  });

  for (const input of starterCourseInputs) {
    describe(input.key, () => {
      const parsed = CourseContent.safeParse(input);
      const parse = () => CourseContent.parse(input);

      it('parses with the CourseContent schema', () => {
        expect(parsed.error?.issues ?? []).toEqual([]);
        expect(parse().languages[0]).toBe('sv');
      });

      it('has every declared language, and only those, in every text', () => {
        const course = parse();
        const problems: string[] = [];
        let count = 0;
        for (const [path, text] of localisedTexts(course, course.key)) {
          count++;
          for (const lang of course.languages) {
            const t = text[lang];
            if (typeof t !== 'string' || t.trim() === '') problems.push(`${path}: missing ${lang}`);
          }
          for (const lang of Object.keys(text)) {
            if (!course.languages.includes(lang)) problems.push(`${path}: undeclared ${lang}`);
          }
          if (course.languages.includes('en') && text.en === text.sv && String(text.sv).length > 25) {
            problems.push(`${path}: en is a copy of sv`);
          }
        }
        expect(problems).toEqual([]);
        expect(count).toBeGreaterThan(50);
      });

      it('has keys that are unique within their parent', () => {
        const course = parse();
        const problems: string[] = [];
        const check = (where: string, keys: string[]) => {
          for (const d of duplicates(keys)) problems.push(`${where}: duplicate key ${d}`);
        };
        check(
          course.key,
          course.modules.map((m) => m.key),
        );
        for (const m of course.modules) {
          check(
            `${m.key}.lessons`,
            m.lessons.map((l) => l.key),
          );
          check(
            `${m.key}.quiz`,
            m.quiz.questions.map((q) => q.key),
          );
          for (const q of m.quiz.questions)
            check(
              `${m.key}.${q.key}`,
              q.options.map((o) => o.key),
            );
        }
        expect(problems).toEqual([]);
      });

      it('has passable quizzes with a mix of question kinds', () => {
        const course = parse();
        for (const m of course.modules) {
          const { passMark, questions } = m.quiz;
          expect(questions.length, m.key).toBeGreaterThanOrEqual(4);
          expect(questions.length, m.key).toBeLessThanOrEqual(6);
          expect(passMark, m.key).toBeGreaterThan(0);
          // Answering every question correctly reaches the pass mark, and one mistake is forgiven.
          expect(Math.ceil(passMark * questions.length), m.key).toBeLessThanOrEqual(questions.length - 1);
          for (const q of questions) {
            expect(
              q.options.some((o) => o.correct),
              `${m.key}.${q.key}`,
            ).toBe(true);
            expect(
              q.options.some((o) => !o.correct),
              `${m.key}.${q.key}`,
            ).toBe(true);
            if (q.kind !== 'multiple') expect(q.options.filter((o) => o.correct)).toHaveLength(1);
            if (q.kind === 'true_false') expect(q.options).toHaveLength(2);
          }
          const kinds = new Set(questions.map((q) => q.kind));
          expect(kinds.size, m.key).toBeGreaterThanOrEqual(2);
        }
      });

      it('has lessons, reflection questions and short lessons for the track', () => {
        const course = parse();
        expect(course.modules.length).toBeGreaterThanOrEqual(course.track === 'staff' ? 5 : 4);
        for (const m of course.modules) {
          expect(m.lessons.length, m.key).toBeGreaterThanOrEqual(2);
          expect(m.lessons.length, m.key).toBeLessThanOrEqual(4);
          expect(m.reflectionQuestions.length, m.key).toBeGreaterThanOrEqual(2);
          expect(m.reflectionQuestions.length, m.key).toBeLessThanOrEqual(4);
          for (const l of m.lessons) {
            if (course.track === 'staff') {
              expect(l.estimatedMinutes, l.key).toBeGreaterThanOrEqual(3);
              expect(l.estimatedMinutes, l.key).toBeLessThanOrEqual(7);
            }
          }
        }
        const lessonMinutes = course.modules
          .flatMap((m) => m.lessons)
          .reduce((s, l) => s + l.estimatedMinutes, 0);
        expect(course.estimatedMinutes).toBeGreaterThanOrEqual(lessonMinutes);
      });

      it('links only to allowed places', () => {
        const course = parse();
        const problems: string[] = [];
        for (const m of course.modules) {
          for (const l of m.lessons) {
            for (const r of l.resources) {
              if (r.kind !== 'link' || !/^https:\/\/www\.[a-z0-9-]+\.se\/?$/.test(r.url)) {
                problems.push(`${l.key}: resource ${r.url}`);
              }
            }
            for (const [lang, body] of Object.entries(l.body)) {
              for (const match of body.matchAll(/!\[[^\]]*\]\(([^)]*)\)/g)) {
                if (!match[1]?.startsWith('/course-assets/'))
                  problems.push(`${l.key}.${lang}: image ${match[1]}`);
              }
              if (/\]\((?!\/course-assets\/)/.test(body.replace(/!\[[^\]]*\]\([^)]*\)/g, ''))) {
                problems.push(`${l.key}.${lang}: inline link in body`);
              }
            }
          }
        }
        expect(problems).toEqual([]);
      });
    });
  }
});
