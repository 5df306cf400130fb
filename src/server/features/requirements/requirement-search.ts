import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type {
  RequirementSearchQuery,
  RequirementSearchResult,
} from '../../../shared/contracts/requirements.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { HIT_END, HIT_START } from '../documents/documents.repo.ts';
import { highlightParts } from '../documents/documents.service.ts';
import { currentJoin, filterSql, type RequirementRow, summaryColumns } from './requirements.repo.ts';
import { requireLibraryUser, toSummary } from './requirements.service.ts';

const textOptions = `StartSel=${HIT_START}, StopSel=${HIT_END}, HighlightAll=true`;

/**
 * Swedish full-text search over the current versions, as the knowledge bank searches its cases:
 * `websearch_to_tsquery('swedish', …)` stems the words like the generated `search_vector` (the text
 * weighs most, the source less), so "larmet" finds "larm". Older versions are not searched: they live
 * on only in the specifications that took them. Requirements are short, so the whole text is marked.
 */
export async function searchRequirements(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  q: RequirementSearchQuery,
): Promise<RequirementSearchResult> {
  requireLibraryUser(actor);
  const query = sql`websearch_to_tsquery('swedish', ${q.q})`;
  const conditions = [sql`v.search_vector @@ ${query}`, ...filterSql(q)];
  const rows = await queryRows<RequirementRow & { rank: number; text_hl: string }>(
    db,
    sql`with top as (
          select r.id, ts_rank(v.search_vector, ${query}) as rank
          from requirements r
          join requirement_versions v on v.requirement_id = r.id and v.version = r.current_version
          where ${sql.join(conditions, sql` and `)}
          order by rank desc, r.id
          limit ${q.limit}
        )
        select ${summaryColumns(lang)}, top.rank::float8 as rank,
          ts_headline('swedish', v.text_sv, ${query}, ${textOptions}) as text_hl
        from top
        join requirements r on r.id = top.id
        ${currentJoin}
        order by top.rank desc, r.id`,
  );
  return {
    items: rows.map((r) => ({
      requirement: toSummary(actor, r),
      rank: Number(r.rank),
      text: highlightParts(r.text_hl),
    })),
  };
}
