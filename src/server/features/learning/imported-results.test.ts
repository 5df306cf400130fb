import { describe, expect, it } from 'vitest';
import type { ModuleResultRow } from './imported-results.repo.ts';
import type { ImportedCourseRow } from './imported-results.ts';
import { learnerResult, moduleSummaries, wrongInteractionsOf } from './imported-results.ts';

const course = (format: 'scorm2004' | 'cmi5') =>
  ({
    id: 'c1',
    content: {
      format,
      modules: [
        { key: 'intro', identifier: 'au-intro', title: { sv: 'Intro', en: 'Introduction' } },
        { key: 'test', identifier: 'au-test', title: { sv: 'Prov' } },
      ],
    },
  }) as unknown as ImportedCourseRow;

const row = (over: Partial<ModuleResultRow>): ModuleResultRow => ({
  enrolment_id: 'e1',
  course_id: 'c1',
  kind: 'scorm',
  module_ref: 'test',
  completion: 'completed',
  success: 'passed',
  score_scaled: 0.800000011920929,
  score_raw: '8',
  score_max: ' ',
  attempts: 2,
  seconds: 90,
  waived: null,
  sessions: null,
  ...over,
});

const who = { userId: 'u1', name: 'Ida', municipality: 'Kramfors', unit: null };

describe('imported course results', () => {
  it('places a SCORM result by module key and a cmi5 result by AU id, rounding a stored real', () => {
    expect(learnerResult(course('scorm2004'), row({}), who, 'sv')).toMatchObject({
      moduleKey: 'test',
      moduleTitle: 'Prov',
      scoreScaled: 0.8,
      scoreRaw: 8,
      scoreMax: null,
      attempts: 2,
      secondsTotal: 90,
      waived: null,
    });
    const au = row({ kind: 'cmi5', module_ref: 'au-intro', waived: true, sessions: 3, attempts: null });
    expect(learnerResult(course('cmi5'), au, who, 'en')).toMatchObject({
      moduleKey: 'intro',
      moduleTitle: 'Introduction',
      waived: true,
      sessions: 3,
      attempts: null,
      secondsTotal: null,
    });
  });

  it('leaves out a result of a module the published version no longer has', () => {
    expect(learnerResult(course('scorm2004'), row({ module_ref: 'gone' }), who, 'sv')).toBeNull();
    expect(learnerResult(course('cmi5'), row({ kind: 'cmi5', module_ref: 'test' }), who, 'sv')).toBeNull();
  });

  it('gives every module a summary, zeros where nobody started it', () => {
    const summaries = moduleSummaries(
      course('scorm2004'),
      [
        {
          course_id: 'c1',
          kind: 'scorm',
          module_ref: 'test',
          started: 3,
          completed: 2,
          passed: 1,
          failed: 1,
          waived: 0,
          scored: 2,
          average_score: 0.65,
          median_score: 0.65,
        },
      ],
      'sv',
    );
    expect(summaries.map((s) => [s.key, s.started, s.averageScore])).toEqual([
      ['intro', 0, null],
      ['test', 3, 0.65],
    ]);
  });

  it('lists the interactions most often wrong first, at most ten, of the module asked for', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({
      module_key: 'test',
      id: `q${i}`,
      description: null,
      answers: 20,
      wrong: i + 1,
    }));
    const list = wrongInteractionsOf([...rows, { ...rows[0]!, module_key: 'intro', wrong: 99 }], 'test');
    expect(list).toHaveLength(10);
    expect(list[0]).toEqual({ id: 'q11', description: null, answers: 20, wrong: 12 });
    expect(list.map((q) => q.id)).not.toContain('q0');
  });
});
