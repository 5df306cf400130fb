import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import type { CaseSearchQuery, CaseSearchResult } from '../../../shared/contracts/cases.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { HIT_END, HIT_START } from '../documents/documents.repo.ts';
import { highlightParts } from '../documents/documents.service.ts';
import { caseScopeOf, visibleSql } from './case-access.ts';
import { type CaseRow, filterSql, summaryColumns } from './cases.repo.ts';
import { toSummary } from './cases.service.ts';

const titleOptions = `StartSel=${HIT_START}, StopSel=${HIT_END}, HighlightAll=true`;
const snippetOptions = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;

/**
 * Swedish full-text search over the visible cases: `websearch_to_tsquery('swedish', …)` stems the words
 * like the generated `search_vector` (title and summary weigh most, then what was done, results and
 * lessons, then context and costs), so "nattillsynen" finds "nattillsyn". Cases are few compared with
 * documents (a few per municipality), so every match is ranked; only the top ones are highlighted.
 */
export async function searchCases(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  q: CaseSearchQuery,
): Promise<CaseSearchResult> {
  const scope = caseScopeOf(actor);
  const query = sql`websearch_to_tsquery('swedish', ${q.q})`;
  const conditions = [sql`c.search_vector @@ ${query}`, visibleSql(scope), ...filterSql(q)];
  const rows = await queryRows<CaseRow & { rank: number; title_hl: string; snippet_hl: string }>(
    db,
    sql`with top as (
          select c.id, ts_rank(c.search_vector, ${query}) as rank
          from cases c join organisations m on m.id = c.municipality_id
          where ${sql.join(conditions, sql` and `)}
          order by rank desc, c.id
          limit ${q.limit}
        )
        select ${summaryColumns(scope, lang)}, top.rank::float8 as rank,
          ts_headline('swedish', c.title, ${query}, ${titleOptions}) as title_hl,
          ts_headline('swedish', concat_ws(E'\n', c.summary, c.what_was_done, c.results, c.lessons), ${query}, ${snippetOptions}) as snippet_hl
        from top
        join cases c on c.id = top.id
        join organisations m on m.id = c.municipality_id
        order by top.rank desc, c.id`,
  );
  return {
    items: rows.map((r) => {
      const snippet = highlightParts(r.snippet_hl);
      return {
        case: toSummary(actor, r),
        rank: Number(r.rank),
        title: highlightParts(r.title_hl),
        snippet: snippet.some((p) => p.hit) ? snippet : [],
      };
    }),
  };
}
