import { sql } from 'drizzle-orm';
import { type Actor, providesSupportAt } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { SupportReport } from '../../../shared/contracts/support.ts';
import { en } from '../../../shared/i18n/en.ts';
import { sv } from '../../../shared/i18n/sv.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { type ExportTable, exportFileName, tablesToCsv, tablesToXlsx } from '../../lib/table-export.ts';
import type * as repo from './support.repo.ts';

const DAY = 86_400_000;

/**
 * Working days (Monday–Friday) from the day a request came in to the day of its first answer: an answer
 * the same day is 0, the next working day 1. Public holidays are not counted out (a known simplification).
 */
export function workingDaysBetween(from: Date, to: Date): number {
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  let days = 0;
  for (let t = start + DAY; t <= end; t += DAY) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) days++;
  }
  return days;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The region (by county code) or association whose requests the report covers; its coordinators only. */
async function resolveProvider(
  db: Db,
  actor: Actor,
  q: { region?: string | undefined; association?: string | undefined },
) {
  if (q.region && q.association)
    throw new AppError(400, 'validation_failed', [
      { path: 'querystring.association', code: 'one_scope_only' },
    ]);
  if (!q.region && !q.association)
    throw new AppError(400, 'validation_failed', [{ path: 'querystring.region', code: 'scope_required' }]);
  const [row] = await queryRows<repo.ProviderRow>(
    db,
    q.region
      ? sql`select id, name, kind from organisations where kind = 'region' and code = ${q.region}`
      : sql`select id, name, kind from organisations where kind = 'association' and id = ${q.association}`,
  );
  if (!row) throw notFound();
  if (!providesSupportAt(actor, row)) throw forbidden();
  return row;
}

export async function supportReport(
  db: Db,
  actor: Actor,
  q: { region?: string | undefined; association?: string | undefined },
): Promise<SupportReport> {
  const provider = await resolveProvider(db, actor, q);
  const [rows, timings] = await Promise.all([
    queryRows<{ code: string; name: string; need: string; month: string; requests: number }>(
      db,
      sql`select m.code, m.name, r.need, to_char(r.created_at at time zone 'UTC', 'YYYY-MM') as month,
                 count(*)::int as requests
          from support_requests r join organisations m on m.id = r.municipality_id
          where r.provider_organisation_id = ${provider.id}
          group by m.code, m.name, r.need, month
          order by month, m.name, r.need`,
    ),
    queryRows<{
      offer_id: string | null;
      title: string | null;
      response_days: number | null;
      created_at: Date | string;
      first_answer_at: Date | string | null;
    }>(
      db,
      sql`select r.offer_id, o.title, o.response_days, r.created_at, r.first_answer_at
          from support_requests r left join support_offers o on o.id = r.offer_id
          where r.provider_organisation_id = ${provider.id}`,
    ),
  ]);
  const byOffer = new Map<
    string,
    { offer: SupportReport['offers'][number]['offer']; days: number[]; n: number }
  >();
  for (const t of timings) {
    const key = t.offer_id ?? '';
    const entry = byOffer.get(key) ?? {
      offer: t.offer_id ? { id: t.offer_id, title: t.title ?? '', responseDays: t.response_days ?? 0 } : null,
      days: [],
      n: 0,
    };
    entry.n++;
    if (t.first_answer_at)
      entry.days.push(workingDaysBetween(new Date(t.created_at), new Date(t.first_answer_at)));
    byOffer.set(key, entry);
  }
  return {
    provider,
    rows: rows.map((r) => ({
      municipality: { code: r.code, name: r.name },
      need: r.need as SupportReport['rows'][number]['need'],
      month: r.month,
      requests: r.requests,
    })),
    offers: [...byOffer.values()]
      .sort((a, b) => (a.offer?.title ?? '\uffff').localeCompare(b.offer?.title ?? '\uffff', 'sv'))
      .map((e) => ({
        offer: e.offer,
        requests: e.n,
        answered: e.days.length,
        medianDays: median(e.days),
        withinTarget: e.offer ? e.days.filter((d) => d <= e.offer!.responseDays).length : 0,
      })),
  };
}

const headings = {
  sv: {
    title: 'Stödförfrågningar',
    perMonth: 'Per kommun och månad',
    perOffer: 'Svarstid per erbjudande',
    municipality: 'Kommun',
    code: 'Kommunkod',
    need: 'Stödbehov',
    month: 'Månad',
    requests: 'Förfrågningar',
    offer: 'Erbjudande',
    noOffer: 'Utan erbjudande',
    target: 'Mål (arbetsdagar)',
    answered: 'Besvarade',
    median: 'Median till första svar (arbetsdagar)',
    within: 'Besvarade inom målet',
  },
  en: {
    title: 'Support requests',
    perMonth: 'By municipality and month',
    perOffer: 'Response time by offer',
    municipality: 'Municipality',
    code: 'Municipality code',
    need: 'Support need',
    month: 'Month',
    requests: 'Requests',
    offer: 'Offer',
    noOffer: 'Without an offer',
    target: 'Target (working days)',
    answered: 'Answered',
    median: 'Median to first answer (working days)',
    within: 'Answered within target',
  },
} as const;

export async function supportReportExport(
  report: SupportReport,
  lang: UiLanguage,
  format: 'csv' | 'xlsx',
): Promise<{ body: Buffer; fileName: string }> {
  const h = headings[lang];
  const needs = (lang === 'en' ? en : sv).initiatives.supportNeed;
  const tables: ExportTable[] = [
    {
      title: `${h.title}: ${report.provider.name} – ${h.perMonth}`,
      sheet: h.perMonth,
      columns: [
        { header: h.municipality },
        { header: h.code },
        { header: h.need },
        { header: h.month },
        { header: h.requests, kind: 'int' },
      ],
      rows: report.rows.map((r) => [
        r.municipality.name,
        r.municipality.code,
        needs[r.need],
        r.month,
        r.requests,
      ]),
    },
    {
      title: `${h.title}: ${report.provider.name} – ${h.perOffer}`,
      sheet: h.perOffer,
      columns: [
        { header: h.offer },
        { header: h.target, kind: 'int' },
        { header: h.requests, kind: 'int' },
        { header: h.answered, kind: 'int' },
        { header: h.median },
        { header: h.within, kind: 'int' },
      ],
      rows: report.offers.map((o) => [
        o.offer?.title ?? h.noOffer,
        o.offer?.responseDays ?? null,
        o.requests,
        o.answered,
        o.medianDays,
        o.offer ? o.withinTarget : null,
      ]),
    },
  ];
  const now = new Date();
  return {
    body: format === 'csv' ? tablesToCsv(tables, lang) : await tablesToXlsx(tables, now),
    fileName: exportFileName(
      `${h.title} ${report.provider.name}`,
      'support',
      now.toISOString().slice(0, 10),
      format,
    ),
  };
}
