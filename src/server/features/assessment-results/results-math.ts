import type {
  AreaScores,
  QuestionDistribution,
  SupportNeed,
} from '../../../shared/contracts/assessment-results.ts';
import {
  type AnswerValue,
  answerScore,
  areaScores,
  type Question,
  type TemplateContent,
} from '../../../shared/contracts/assessments.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';

/** The scored areas of a content, in template order (support needs are not scored). */
export function scoredAreas(content: TemplateContent): string[] {
  const out: string[] = [];
  for (const s of content.sections)
    if (s.questions.some((q) => q.scored) && !out.includes(s.area)) out.push(s.area);
  return out;
}

export const allQuestions = (content: TemplateContent) =>
  content.sections.flatMap((s) => s.questions.map((q) => ({ q, area: s.area })));

/** Area scores of one municipality; area scores are comparable across versions since areas are fixed. */
export function scoresOf(
  content: TemplateContent,
  answers: ReadonlyMap<string, AnswerValue | null>,
): AreaScores {
  const out: AreaScores = {};
  for (const [area, score] of Object.entries(areaScores(content, answers))) out[area] = score ?? null;
  return out;
}

/** The mean per area over municipalities with a score there, rounded; null when none has. */
export function averageScores(all: AreaScores[], areas: string[]): AreaScores {
  const out: AreaScores = {};
  for (const area of areas) {
    const xs = all.map((s) => s[area]).filter((n): n is number => typeof n === 'number');
    out[area] = xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null;
  }
  return out;
}

const statusLabels: Record<string, { sv: string; en: string }> = {
  achieved: { sv: 'Uppnått', en: 'Achieved' },
  nearly: { sv: 'Nästan där', en: 'Nearly there' },
  started: { sv: 'Påbörjat', en: 'Started' },
  planned: { sv: 'Planerat', en: 'Planned' },
  not_planned: { sv: 'Inte planerat', en: 'Not planned' },
  not_relevant: { sv: 'Inte aktuellt', en: 'Not relevant' },
};

/** An answer as readable text, for tables, exports and the PDF. */
export function answerText(q: Question, v: AnswerValue | null | undefined, lang: UiLanguage): string | null {
  if (!v) return null;
  const option = (k: string) => q.options?.find((o) => o.key === k)?.label[lang] ?? k;
  if ('level' in v) return `${v.level}${q.levels?.[v.level - 1] ? ` – ${q.levels[v.level - 1]![lang]}` : ''}`;
  if ('status' in v) return statusLabels[v.status]?.[lang] ?? v.status;
  if ('option' in v) return option(v.option);
  if ('options' in v) return v.options.map(option).join(', ');
  if ('number' in v) return String(v.number);
  if ('text' in v) return v.text;
  return v.order.map((k, i) => `${i + 1}. ${option(k)}`).join(', ');
}

/** Counts per level, status or option, for every question whose answers can be counted. */
export function distribution(
  content: TemplateContent,
  sheets: ReadonlyMap<string, AnswerValue | null>[],
  lang: UiLanguage,
): QuestionDistribution[] {
  const out: QuestionDistribution[] = [];
  for (const { q, area } of allQuestions(content)) {
    if (q.type === 'text' || q.type === 'ranking' || q.type === 'number') continue;
    const values = sheets.map((s) => s.get(q.key)).filter((v): v is AnswerValue => !!v);
    const keys: { value: string; label: string; hit: (v: AnswerValue) => boolean }[] =
      q.type === 'level'
        ? [1, 2, 3, 4, 5].map((n) => ({
            value: String(n),
            label: q.levels?.[n - 1]?.[lang] ?? String(n),
            hit: (v) => 'level' in v && v.level === n,
          }))
        : q.type === 'status'
          ? Object.entries(statusLabels).map(([k, l]) => ({
              value: k,
              label: l[lang],
              hit: (v) => 'status' in v && v.status === k,
            }))
          : (q.options ?? []).map((o) => ({
              value: o.key,
              label: o.label[lang],
              hit: (v) =>
                ('option' in v && v.option === o.key) || ('options' in v && v.options.includes(o.key)),
            }));
    const scores = values.map((v) => answerScore(q, v)).filter((n): n is number => n !== null);
    out.push({
      key: q.key,
      area,
      type: q.type,
      text: q.text[lang],
      answered: values.length,
      meanScore: scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
      counts: keys.map((k) => ({ value: k.value, label: k.label, count: values.filter(k.hit).length })),
    });
  }
  return out;
}

/**
 * Support needs ranked across municipalities: each ranking gives an option n − position points (Borda
 * count, n options) and a position; needs are ordered by mean position (1 = most needed), then by the
 * mean of their importance question. The importance question of option `k` is the support-area level
 * question whose key is `behov-k` (the default template's convention) or ends with `-k`.
 */
export function rankSupportNeeds(
  content: TemplateContent,
  sheets: ReadonlyMap<string, AnswerValue | null>[],
  lang: UiLanguage,
): SupportNeed[] {
  const support = content.sections.filter((s) => s.area === 'support').flatMap((s) => s.questions);
  const ranking = support.find((q) => q.type === 'ranking');
  if (!ranking?.options) return [];
  const n = ranking.options.length;
  const items = ranking.options.map((o) => {
    const importanceQ = support.find(
      (q) => q.type === 'level' && (q.key === `behov-${o.key}` || q.key.endsWith(`-${o.key}`)),
    );
    let points = 0;
    const positions: number[] = [];
    const importance: number[] = [];
    for (const s of sheets) {
      const v = s.get(ranking.key);
      if (v && 'order' in v) {
        const pos = v.order.indexOf(o.key);
        if (pos >= 0) {
          positions.push(pos + 1);
          points += n - pos - 1;
        }
      }
      const iv = importanceQ ? s.get(importanceQ.key) : null;
      if (iv && 'level' in iv) importance.push(iv.level);
    }
    const mean = (xs: number[]) =>
      xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null;
    return {
      key: o.key,
      label: o.label[lang],
      meanRank: mean(positions),
      points,
      meanImportance: mean(importance),
      responses: positions.length,
    };
  });
  return items.sort(
    (a, b) =>
      (a.meanRank ?? Number.POSITIVE_INFINITY) - (b.meanRank ?? Number.POSITIVE_INFINITY) ||
      (b.meanImportance ?? 0) - (a.meanImportance ?? 0) ||
      a.label.localeCompare(b.label, 'sv'),
  );
}

/**
 * Maps a question key of a newer version to the same question in an older one: each version's
 * carries_over (new key → old key) is followed back, newest first; a key not listed keeps its name.
 */
export function keyInOlder(key: string, chain: readonly Record<string, string>[]): string {
  let k = key;
  for (const map of chain) k = map[k] ?? k;
  return k;
}
