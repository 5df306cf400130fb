import { supportNeedKeys } from '../../src/shared/contracts/initiatives.ts';
import { supportUrgencies } from '../../src/shared/contracts/support.ts';
import { registerGeneratorPart } from './registry.ts';

/**
 * Issue 17 at national scale: each region's four support offers (one per need) and 10,000 support
 * requests from municipalities (scaled by the share of municipalities in scope), most answered, with
 * their threads: an assignment, the region's answer and, for some, the municipality's reply.
 */
const NATIONAL_REQUESTS = 10_000;
const MUNICIPALITIES = 290;
const BATCH = 5_000;

const col = (name: string, type: string) => ({ name, type });
const offerColumns = [
  col('id', 'uuid'),
  col('provider_organisation_id', 'uuid'),
  col('title', 'text'),
  col('description', 'text'),
  col('kind', 'text'),
  col('need', 'text'),
  col('response_days', 'int4'),
] as const;
const requestColumns = [
  col('id', 'uuid'),
  col('municipality_id', 'uuid'),
  col('provider_organisation_id', 'uuid'),
  col('offer_id', 'uuid'),
  col('need', 'text'),
  col('subject', 'text'),
  col('body', 'text'),
  col('urgency', 'text'),
  col('status', 'text'),
  col('created_at', 'timestamptz'),
  col('updated_at', 'timestamptz'),
  col('first_answer_at', 'timestamptz'),
  col('last_answer_at', 'timestamptz'),
  col('municipality_read_at', 'timestamptz'),
  col('closed_at', 'timestamptz'),
] as const;
const eventColumns = [
  col('request_id', 'uuid'),
  col('kind', 'text'),
  col('side', 'text'),
  col('body', 'text'),
  col('status', 'text'),
  col('created_at', 'timestamptz'),
] as const;

const OFFERS = {
  'befintligt-stod': ['advice', 'Rådgivning i införande av välfärdsteknik'],
  'externa-aktorer': ['advice', 'Kontakter med leverantörer och Inera'],
  upphandlingsstod: ['procurement_help', 'Stöd i upphandling och samordnad upphandling'],
  stimulansmedel: ['stimulus_application', 'Hjälp att söka stimulansmedel'],
} as const;
const SUBJECTS = [
  'Upphandling av trygghetslarm',
  'Avtal för läkemedelsautomater löper ut',
  'Kravspecifikation för digitala lås',
  'Rekvisition av stimulansmedel',
  'Kontakt med leverantör om dataexport',
  'Utvärdering av digital nattillsyn',
] as const;

const HOUR = 3_600_000;

registerGeneratorPart({
  name: 'support',
  description: `Support offers (four per region) and ${NATIONAL_REQUESTS.toLocaleString('en')} support requests nationally, scaled to the municipalities in scope, with threads`,
  after: ['people'],
  async run(ctx) {
    const rng = ctx.random('support');
    const { municipalities, regions } = ctx.reference;
    const offers: unknown[][] = [];
    const offersOf = new Map<string, { id: string; need: string; days: number }[]>();
    for (const r of regions) {
      const list = supportNeedKeys.map((need) => {
        const [kind, title] = OFFERS[need];
        const o = { id: rng.uuid(), need, days: rng.pick([3, 5, 10]) };
        offers.push([o.id, r.id, title, `${title} för kommunerna i ${r.name}.`, kind, need, o.days]);
        return o;
      });
      offersOf.set(r.id, list);
    }
    await ctx.insert('support_offers', offerColumns, offers);

    const perMunicipality = Math.max(1, Math.round(NATIONAL_REQUESTS / MUNICIPALITIES));
    const requests: unknown[][] = [];
    const events: unknown[][] = [];
    let total = 0;
    const flush = async () => {
      await ctx.insert('support_requests', requestColumns, requests.splice(0));
      await ctx.insert('support_request_events', eventColumns, events.splice(0));
    };
    for (const m of municipalities) {
      const regionOffers = offersOf.get(m.parentId ?? '') ?? [];
      if (!regionOffers.length || !m.parentId) continue;
      for (let i = 0; i < perMunicipality; i++) {
        const id = rng.uuid();
        const offer = rng.chance(0.8) ? rng.pick(regionOffers) : null;
        const need = offer?.need ?? rng.pick(supportNeedKeys);
        const created = new Date(ctx.epoch.getTime() - rng.int(1, 730 * 24) * HOUR);
        const answered = rng.chance(0.8);
        const firstAnswer = answered ? new Date(created.getTime() + rng.int(1, 20 * 24) * HOUR) : null;
        const closed = answered && rng.chance(0.7);
        const status = closed
          ? 'closed'
          : answered
            ? rng.pick(['answered', 'waiting', 'assigned'])
            : rng.pick(['new', 'assigned']);
        const last = firstAnswer ? new Date(firstAnswer.getTime() + rng.int(0, 72) * HOUR) : null;
        requests.push([
          id,
          m.id,
          m.parentId,
          offer?.id ?? null,
          need,
          `${rng.pick(SUBJECTS)} i ${m.name}`,
          `${m.name} behöver stöd från regionen. Vi beskriver läget och vad vi vill ha hjälp med.`,
          rng.pick(supportUrgencies),
          status,
          created,
          last ?? created,
          firstAnswer,
          last,
          last && rng.chance(0.7) ? last : null,
          closed && last ? last : null,
        ]);
        if (status !== 'new')
          events.push([id, 'assigned', 'provider', null, null, new Date(created.getTime() + HOUR)]);
        if (firstAnswer) {
          events.push([
            id,
            'message',
            'provider',
            'Tack för frågan. Vi återkommer med ett förslag.',
            null,
            firstAnswer,
          ]);
          if (rng.chance(0.5))
            events.push([
              id,
              'message',
              'municipality',
              'Tack, det låter bra.',
              null,
              new Date(firstAnswer.getTime() + HOUR),
            ]);
        }
        if (closed && last) events.push([id, 'status', 'provider', null, 'closed', last]);
        total++;
      }
      if (requests.length >= BATCH) await flush();
    }
    await flush();
    ctx.log(`    ${offers.length} support offers, ${total.toLocaleString('en')} support requests`);
  },
});
