import { sql } from 'drizzle-orm';
import {
  type Actor,
  isNationalAdmin,
  providesSupportAt,
  requestsSupportFor,
} from '../../../shared/access/index.ts';
import { supportNeedKeys } from '../../../shared/contracts/initiatives.ts';
import type { SupportNeedLinks } from '../../../shared/contracts/support.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import * as repo from './support.repo.ts';

/** The ranking question of the default template (the four support needs, most important first). */
const RANKING_QUESTION = 'rangordning-stod';

/**
 * The municipality's ranked support needs, each with the active offers of the providers it may ask and
 * its own requests for that need: the maturity results link a need to the help that meets it. Only a
 * submitted sheet's ranking counts (a draft is the municipality's own until it submits). For the
 * municipality's coordinators and those of its region and associations.
 */
export async function supportNeedLinks(
  db: Db,
  actor: Actor,
  q: { municipality: string; round?: string | undefined },
): Promise<SupportNeedLinks> {
  const municipality = await repo.findMunicipality(db, q.municipality);
  if (!municipality) throw notFound();
  const providers = await repo.providersOf(db, municipality.id);
  const mine = providers.filter((p) => providesSupportAt(actor, p));
  const own = requestsSupportFor(actor, municipality);
  if (!own && !mine.length && !isNationalAdmin(actor)) throw forbidden();
  const [ranking] = await queryRows<{ value: { order?: string[] } | null }>(
    db,
    sql`select a.value from assessment_answers a
        join assessment_sheets s on s.round_id = a.round_id and s.municipality_id = a.municipality_id
        join assessment_rounds r on r.id = a.round_id
        where a.municipality_id = ${municipality.id} and a.question_key = ${RANKING_QUESTION}
          and s.status = 'submitted' ${q.round ? sql`and a.round_id = ${q.round}` : sql``}
        order by r.opens_on desc, s.submitted_at desc
        limit 1`,
  );
  const order = ranking?.value?.order ?? [];
  const [offers, requests] = await Promise.all([
    repo.selectOffers(db, { providerIds: providers.map((p) => p.id), status: 'active' }),
    // A provider sees the requests made to it; the municipality and national administrators all of its own.
    repo.selectRequests(db, {
      municipalityIds: null,
      providerIds: null,
      municipalityCode: municipality.code,
      limit: 500,
    }),
  ]);
  const seen = new Set(mine.map((p) => p.id));
  const visible = own || isNationalAdmin(actor) ? requests : requests.filter((r) => seen.has(r.provider_id));
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) + 1 : null);
  return {
    items: [...supportNeedKeys]
      .sort((a, b) => (rank(a) ?? 99) - (rank(b) ?? 99))
      .map((need) => ({
        need,
        rank: rank(need),
        offers: offers
          .filter((o) => o.need === need)
          .map((o) => ({ id: o.id, title: o.title, provider: o.provider_name })),
        requests: visible
          .filter((r) => r.need === need)
          .map((r) => ({ id: r.id, subject: r.subject, status: r.status as 'new' })),
      })),
  };
}
