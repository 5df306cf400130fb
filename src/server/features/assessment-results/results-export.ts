import { answerScore } from '../../../shared/contracts/assessments.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { type ExportTable, exportFileName, tablesToCsv, tablesToXlsx } from '../../lib/table-export.ts';
import type { LoadedRoundResults } from './results.service.ts';
import { isSubmitted } from './results-access.ts';
import { allQuestions, answerText } from './results-math.ts';

const h = (lang: UiLanguage, sv: string, en: string) => ({ header: lang === 'sv' ? sv : en });

/**
 * The round's results as tables: the heat map, the distributions, the ranked support needs, the wishes
 * and every answer with its comment and evidence link — the latter only for municipalities the caller
 * may see by name and sheets it may see, so an export never says more than the page. Figures from a
 * sheet not yet submitted (only ever the round owner's) are marked preliminary.
 */
export function resultTables(loaded: LoadedRoundResults, lang: UiLanguage): ExportTable[] {
  const { result, round, participants, access, sheets } = loaded;
  const sv = lang === 'sv';
  const mark = (preliminary: boolean) => (preliminary ? (sv ? 'preliminärt' : 'preliminary') : null);
  const { submitted, preliminary } = result.completion;
  const averageOf = sv
    ? `Medelvärde (${submitted} inlämnade${preliminary ? ` + ${preliminary} preliminära` : ''})`
    : `Average (${submitted} submitted${preliminary ? ` + ${preliminary} preliminary` : ''})`;
  const areaCols = result.areas.map((a) => ({ header: a.label, kind: 'int' as const }));
  const heat: ExportTable = {
    title: sv ? 'Poäng per kommun och område' : 'Score per municipality and area',
    sheet: sv ? 'Poäng' : 'Scores',
    columns: [
      h(lang, 'Kommun', 'Municipality'),
      h(lang, 'Kod', 'Code'),
      h(lang, 'Status', 'Status'),
      h(lang, 'Preliminärt', 'Preliminary'),
      ...areaCols,
    ],
    rows: [
      ...result.municipalities.map((m) => [
        m.name,
        m.code,
        m.status,
        mark(m.preliminary),
        ...result.areas.map((a) => m.scores[a.key] ?? null),
      ]),
      [averageOf, null, null, null, ...result.areas.map((a) => result.average[a.key] ?? null)],
    ],
  };
  const dist: ExportTable = {
    title: sv ? 'Fördelning per fråga' : 'Distribution per question',
    sheet: sv ? 'Fördelning' : 'Distribution',
    columns: [
      h(lang, 'Fråga', 'Question'),
      h(lang, 'Svar', 'Answer'),
      { ...h(lang, 'Antal', 'Count'), kind: 'int' },
    ],
    rows: result.distribution.flatMap((d) => d.counts.map((c) => [d.text, c.label, c.count])),
  };
  const needs: ExportTable = {
    title: sv ? 'Stödbehov i rangordning' : 'Support needs ranked',
    sheet: sv ? 'Stödbehov' : 'Support needs',
    columns: [
      h(lang, 'Placering', 'Rank'),
      h(lang, 'Stödbehov', 'Support need'),
      { ...h(lang, 'Medelplacering', 'Mean position'), kind: 'hours' },
      { ...h(lang, 'Poäng (Borda)', 'Points (Borda)'), kind: 'int' },
      { ...h(lang, 'Medelvikt (1–5)', 'Mean importance (1–5)'), kind: 'hours' },
      { ...h(lang, 'Svar', 'Responses'), kind: 'int' },
    ],
    rows: result.supportNeeds.items.map((n, i) => [
      i + 1,
      n.label,
      n.meanRank,
      n.points,
      n.meanImportance,
      n.responses,
    ]),
  };
  const wishes: ExportTable = {
    title: sv ? 'Önskemål' : 'Wishes',
    sheet: sv ? 'Önskemål' : 'Wishes',
    columns: [
      h(lang, 'Kommun', 'Municipality'),
      h(lang, 'Önskemål', 'Wish'),
      h(lang, 'Preliminärt', 'Preliminary'),
    ],
    rows: result.wishes.map((w) => [
      w.municipality ?? (sv ? '(anonymt)' : '(anonymous)'),
      w.text,
      mark(w.preliminary),
    ]),
  };
  const questions = allQuestions(round.content);
  const answers: ExportTable = {
    title: sv ? 'Svar med kommentarer' : 'Answers with comments',
    sheet: sv ? 'Svar' : 'Answers',
    columns: [
      h(lang, 'Kommun', 'Municipality'),
      h(lang, 'Kod', 'Code'),
      h(lang, 'Fråga', 'Question'),
      h(lang, 'Svar', 'Answer'),
      { ...h(lang, 'Poängbidrag', 'Score'), kind: 'int' },
      h(lang, 'Kommentar', 'Comment'),
      h(lang, 'Underlag', 'Evidence'),
      h(lang, 'Preliminärt', 'Preliminary'),
    ],
    rows: participants
      .filter((p) => access.named.has(p.id))
      .flatMap((p) =>
        questions.flatMap(({ q }) => {
          const row = sheets.get(p.id)?.get(q.key);
          if (!row) return [];
          const score = answerScore(q, row.value);
          return [
            [
              p.name,
              p.code,
              q.text[lang],
              answerText(q, row.value, lang),
              score,
              row.comment,
              row.evidence_url,
              mark(!isSubmitted(p)),
            ],
          ];
        }),
      ),
  };
  return [heat, dist, needs, wishes, answers];
}

export async function resultsExport(loaded: LoadedRoundResults, lang: UiLanguage, format: 'csv' | 'xlsx') {
  const tables = resultTables(loaded, lang);
  const now = new Date();
  const body = format === 'csv' ? tablesToCsv(tables, lang) : await tablesToXlsx(tables, now);
  const fileName = exportFileName(loaded.round.name, 'resultat', now.toISOString().slice(0, 10), format);
  return { body, fileName };
}
