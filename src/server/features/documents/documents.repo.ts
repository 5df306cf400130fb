import { and, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DocumentLevel, DocumentListQuery } from '../../../shared/contracts/documents.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { documentFiles, governingDocuments, organisations } from '../../db/schema/index.ts';

export type DocumentInsert = typeof governingDocuments.$inferInsert;
export type FileInsert = typeof documentFiles.$inferInsert;

export interface DocumentFilters {
  level?: DocumentLevel | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  owner?: string | undefined;
  county?: string | undefined;
}

/** A document with its owner and file metadata; never the file's bytes or the extracted text. */
const viewColumns = {
  id: governingDocuments.id,
  title: governingDocuments.title,
  kind: governingDocuments.kind,
  level: governingDocuments.level,
  status: governingDocuments.status,
  adoptedOn: governingDocuments.adoptedOn,
  validUntil: governingDocuments.validUntil,
  reviewOn: governingDocuments.reviewOn,
  reviewDue: sql<boolean>`coalesce(${governingDocuments.reviewOn} < current_date, false)`,
  focusAreas: governingDocuments.focusAreas,
  summary: governingDocuments.summary,
  url: governingDocuments.url,
  /** created_at to the microsecond, for the page cursor (a JS Date would round it to milliseconds). */
  createdKey: sql<string>`to_char(${governingDocuments.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  updatedAt: governingDocuments.updatedAt,
  ownerId: organisations.id,
  ownerName: organisations.name,
  ownerKind: organisations.kind,
  ownerCode: organisations.code,
  fileName: documentFiles.fileName,
  mediaType: documentFiles.mediaType,
  sizeBytes: documentFiles.sizeBytes,
  uploadedAt: documentFiles.uploadedAt,
};

function selectViews(db: Db) {
  return db
    .select(viewColumns)
    .from(governingDocuments)
    .innerJoin(organisations, eq(organisations.id, governingDocuments.ownerOrganisationId))
    .leftJoin(documentFiles, eq(documentFiles.documentId, governingDocuments.id));
}
export type DocumentViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['execute']>>[number];

function filterConditions(f: DocumentFilters): (SQL | undefined)[] {
  return [
    f.level ? eq(governingDocuments.level, f.level) : undefined,
    f.kind ? eq(governingDocuments.kind, f.kind) : undefined,
    f.status ? eq(governingDocuments.status, f.status) : undefined,
    f.owner ? eq(governingDocuments.ownerOrganisationId, f.owner) : undefined,
    f.county ? eq(organisations.countyCode, f.county) : undefined,
  ];
}

/** Newest first, keyset-paginated on (created_at, id) so that deep pages stay cheap. */
export function listDocuments(
  db: Db,
  query: Pick<DocumentListQuery, 'limit'> & DocumentFilters,
  after: { createdKey: string; id: string } | null,
) {
  return selectViews(db)
    .where(
      and(
        ...filterConditions(query),
        after
          ? or(
              sql`${governingDocuments.createdAt} < ${after.createdKey}::timestamptz`,
              and(
                sql`${governingDocuments.createdAt} = ${after.createdKey}::timestamptz`,
                lt(governingDocuments.id, after.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(governingDocuments.createdAt), desc(governingDocuments.id))
    .limit(query.limit + 1);
}

export async function findDocumentView(db: Db, id: string): Promise<DocumentViewRow | null> {
  const [row] = await selectViews(db).where(eq(governingDocuments.id, id));
  return row ?? null;
}

export function findDocumentViews(db: Db, ids: string[]): Promise<DocumentViewRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return selectViews(db).where(inArray(governingDocuments.id, ids));
}

/** Documents owned by these organisations whose review date has passed, the longest overdue first. */
export function overdueDocuments(db: Db, ownerIds: string[], limit: number) {
  if (ownerIds.length === 0) return Promise.resolve([]);
  return selectViews(db)
    .where(
      and(
        sql`${governingDocuments.reviewOn} < current_date`,
        inArray(governingDocuments.ownerOrganisationId, ownerIds),
      ),
    )
    .orderBy(governingDocuments.reviewOn, governingDocuments.id)
    .limit(limit);
}

export async function findDocumentForUpdate(db: Db, id: string) {
  const [row] = await db.select().from(governingDocuments).where(eq(governingDocuments.id, id)).for('update');
  return row ?? null;
}

export async function insertDocument(db: Db, values: DocumentInsert): Promise<string> {
  const [row] = await db.insert(governingDocuments).values(values).returning({ id: governingDocuments.id });
  return row!.id;
}

export async function updateDocument(db: Db, id: string, values: Partial<DocumentInsert>) {
  await db.update(governingDocuments).set(values).where(eq(governingDocuments.id, id));
}

/** One file per document: a new upload replaces the old one. */
export async function saveFile(db: Db, file: FileInsert) {
  const { documentId, ...rest } = file;
  await db
    .insert(documentFiles)
    .values(file)
    .onConflictDoUpdate({ target: documentFiles.documentId, set: rest });
}

export async function findFileMeta(db: Db, documentId: string) {
  const [row] = await db
    .select({
      fileName: documentFiles.fileName,
      mediaType: documentFiles.mediaType,
      sizeBytes: documentFiles.sizeBytes,
      sha256: documentFiles.sha256,
    })
    .from(documentFiles)
    .where(eq(documentFiles.documentId, documentId));
  return row ?? null;
}

export async function findFile(db: Db, documentId: string) {
  const [row] = await db
    .select({
      fileName: documentFiles.fileName,
      mediaType: documentFiles.mediaType,
      sha256: documentFiles.sha256,
      content: documentFiles.content,
    })
    .from(documentFiles)
    .where(eq(documentFiles.documentId, documentId));
  return row ?? null;
}

/**
 * Markers for ts_headline: control characters, which cleaned document text never contains, so that the
 * service can split highlights into plain parts instead of trusting HTML from the database.
 */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';
const titleOptions = `StartSel=${HIT_START}, StopSel=${HIT_END}, HighlightAll=true`;
const snippetOptions = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;
/**
 * Highlighting parses the text again, so it is done only on the ranked top results and on the start of
 * each: 200,000 characters took 33 ms per document, 20,000 take about 2 ms. A hit further in still
 * finds the document; its snippet is then left out.
 */
const HEADLINE_CHARS = 20_000;

export interface SearchRow {
  id: string;
  rank: number;
  title_hl: string;
  snippet_hl: string;
}

/**
 * How many of the newest matches of each kind are ranked. A word like "välfärdsteknik" is in most
 * governing documents, and ranking every match costs time in proportion to the corpus; the newest
 * title/summary matches plus the newest text matches are what people look for, and for most searches
 * (a few hundred matches or fewer) this is every match, ranked exactly.
 */
export const SEARCH_CANDIDATES = 100;

/**
 * Swedish full-text search: `websearch_to_tsquery` takes what people type ("strategi OR handlingsplan",
 * "-utkast", quoted phrases) and stems it like the indexed text, so "strategier" finds "strategi".
 * Candidates are the newest documents whose title or summary match (the small `head_vector`) and the
 * newest whose text matches, at most SEARCH_CANDIDATES of each; these are ranked by `ts_rank`, where title
 * hits weigh more than summary hits, which weigh more than hits in the file (see the schema).
 */
export function searchDocuments(db: Db, q: string, filters: DocumentFilters, limit: number) {
  const conditions = filterConditions(filters).filter((c): c is SQL => c !== undefined);
  const where = conditions.length ? sql` and ${sql.join(conditions, sql` and `)}` : sql``;
  // Written out in each place rather than in a CTE: the planner then sees how common the words are and
  // walks the adopted-date index for common words, the text index for rare ones.
  const query = sql`websearch_to_tsquery('swedish', ${q})`;
  const owner = filters.county
    ? sql`join ${organisations} on ${organisations.id} = ${governingDocuments.ownerOrganisationId}`
    : sql``;
  const newestMatching = (vector: SQL) => sql`(
    select ${governingDocuments.id} as id
    from ${governingDocuments} ${owner}
    where ${vector} @@ ${query}${where}
    order by ${governingDocuments.adoptedOn} desc nulls last, ${governingDocuments.id}
    limit ${SEARCH_CANDIDATES})`;
  return queryRows<SearchRow>(
    db,
    sql`with candidates as (
          ${newestMatching(sql`${governingDocuments.headVector}`)}
          union
          ${newestMatching(sql`${governingDocuments.searchVector}`)}
        ),
        top as (
          select d.id, ts_rank(d.search_vector, ${query}) as rank
          from candidates c
          join governing_documents d on d.id = c.id
          order by rank desc, d.id
          limit ${limit}
        )
        select top.id, top.rank::float8 as rank,
          ts_headline('swedish', d.title, ${query}, ${titleOptions}) as title_hl,
          ts_headline('swedish', left(concat_ws(E'\n', d.summary, d.body_text), ${HEADLINE_CHARS}), ${query}, ${snippetOptions}) as snippet_hl
        from top
        join governing_documents d on d.id = top.id
        order by top.rank desc, top.id`,
  );
}
