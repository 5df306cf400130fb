import type { Actor } from '../../../shared/access/index.ts';
import { authorize, authorizeOwn } from '../../../shared/access/index.ts';
import {
  type AreaScores,
  type ComparisonGroup,
  type LinkedInitiative,
  MIN_GROUP_SIZE,
  MunicipalityResults,
  RoundResults,
} from '../../../shared/contracts/assessment-results.ts';
import { type AnswerValue, answerScore } from '../../../shared/contracts/assessments.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { cachedValue, cachedView, forgetViews, type Snapshot } from '../../lib/view-cache.ts';
import * as repo from './results.repo.ts';
import {
  contextOf,
  isSubmitted,
  type ResultsAccess,
  resultsAccess,
  type SheetScope,
  sheetScope,
} from './results-access.ts';
import {
  allQuestions,
  answerText,
  averageScores,
  distribution,
  keyInOlder,
  rankSupportNeeds,
  scoredAreas,
  scoresOf,
} from './results-math.ts';

export const areaLabels: Record<string, { sv: string; en: string }> = {
  governance: { sv: 'Styrning och ledning', en: 'Governance and leadership' },
  resources: { sv: 'Resurser', en: 'Resources' },
  competence: { sv: 'Kompetens', en: 'Competence' },
  organisation: { sv: 'Organisering', en: 'Organisation' },
  support: { sv: 'Stödbehov', en: 'Support needs' },
};

// Plain words for the pages' folded "how it is calculated" section and the PDF: no formulas, no jargon.
export const scoreMethod = {
  sv: 'Varje område får 0–100 poäng: medelvärdet av områdets besvarade frågor som ger poäng. Nivå 1 ger 0 poäng, nivå 2 ger 25, nivå 3 ger 50, nivå 4 ger 75 och nivå 5 ger 100. Svar om status ger 100 för uppnått, 75 för nästan där, 50 för påbörjat, 25 för planerat och 0 för inte planerat. Svaret ”inte aktuellt” och obesvarade frågor räknas inte.',
  en: 'Each area scores 0–100: the mean of the area’s answered questions that give points. Level 1 gives 0 points, level 2 gives 25, level 3 gives 50, level 4 gives 75 and level 5 gives 100. Status answers give 100 for achieved, 75 for nearly there, 50 for started, 25 for planned and 0 for not planned. The answer “not relevant” and unanswered questions do not count.',
};

export const supportMethod = {
  sv: 'Stödbehoven står i den ordning kommunerna i genomsnitt placerade dem, med störst behov först. Står två behov på samma plats går det före som kommunerna i genomsnitt sa är viktigast (1–5). Poängen säger samma sak som ett tal: ett behov får fler poäng av varje kommun ju högre upp den placerade det, och poängen läggs ihop.',
  en: 'The support needs are in the order the municipalities placed them on average, the greatest need first. When two needs share a place, the one the municipalities on average called more important (1–5) comes first. The points say the same as one number: a need gets more points from each municipality the higher it was placed, and the points are added up.',
};

type Sheets = Map<string, Map<string, repo.AnswerRow>>;

function bySheet(rows: repo.AnswerRow[]): Sheets {
  const out: Sheets = new Map();
  for (const r of rows) {
    const m = out.get(r.municipality_id) ?? new Map<string, repo.AnswerRow>();
    out.set(r.municipality_id, m);
    m.set(r.question_key, r);
  }
  return out;
}

const values = (sheet: Map<string, repo.AnswerRow> | undefined) =>
  new Map<string, AnswerValue | null>([...(sheet ?? new Map()).entries()].map(([k, r]) => [k, r.value]));

/** The round, its template content and its participants: read for every view, changed by the same writes. */
function roundWithParticipants(db: Db, roundId: string) {
  return cachedValue(db, `assessment-results|loaded|${roundId}`, async () => {
    const round = await repo.findRound(db, roundId);
    return round ? { round, participants: await repo.listParticipants(db, roundId) } : null;
  });
}

async function loadRound(db: Db, actor: Actor, roundId: string, includePreliminary: boolean) {
  const loaded = await roundWithParticipants(db, roundId);
  if (!loaded) throw notFound();
  const { round, participants } = loaded;
  const access = resultsAccess(actor, round, participants);
  // Only whoever runs the round may count drafts; anyone else asking is answered as if they had not.
  return { round, participants, access, includePreliminary: access.runs && includePreliminary };
}

/**
 * The sheets as they are now (status and answers in one read, not from the cached participant list),
 * which of them the caller sees and counts, and the answers of those it sees: others' drafts never
 * enter a computation.
 */
async function currentSheets(db: Db, loaded: LoadedRound) {
  const roundId = loaded.round.id;
  const { statusOf, answers } = await repo.listSheetAnswers(db, [roundId]);
  const participants = loaded.participants.map((p) => ({
    ...p,
    status: statusOf(roundId, p.id) ?? p.status,
  }));
  const scope = sheetScope(loaded.access, participants, loaded.includePreliminary);
  const sheets = bySheet(answers.filter((a) => scope.shown.has(a.municipality_id)));
  return { participants, scope, sheets };
}

const preliminaryFlags = ({ access, includePreliminary }: LoadedRound) => ({
  canIncludePreliminary: access.runs,
  includesPreliminary: includePreliminary,
});

const roundHead = (round: repo.RoundRow) => ({
  id: round.id,
  name: round.name,
  owner: { id: round.owner_id, name: round.owner_name },
  opensOn: round.opens_on,
  closesOn: round.closes_on,
  shareResults: round.share_results,
});

async function linkedInitiatives(db: Db, roundId: string, access: ResultsAccess, municipalityId?: string) {
  const rows = await repo.listRoundInitiatives(db, roundId);
  return rows
    .filter((r) => r.municipality_id === null || access.named.has(r.municipality_id))
    .filter((r) => !municipalityId || r.municipality_id === null || r.municipality_id === municipalityId)
    .map(
      (r): LinkedInitiative => ({
        id: r.id,
        title: r.title,
        status: r.status,
        municipalityCode: r.municipality_code,
        areaKey: r.area_key,
        questionKey: r.question_key,
      }),
    );
}

type LoadedRound = Awaited<ReturnType<typeof loadRound>>;

/** What a view depends on about the caller, for its snapshot key: a runner sees drafts, others do not. */
const accessKey = ({ access, includePreliminary }: LoadedRound) =>
  [
    access.runs ? 'runs' : access.all ? 'all' : [...access.named].sort().join(','),
    includePreliminary ? 'preliminary' : 'submitted',
  ].join('|');

/** Results are derived from answers: any answer, submission or initiative change drops them all. */
export const forgetResults = (db: Db) => forgetViews(db, 'assessment-results|');

/** The round's results on screen, from a per-process snapshot (ADR 9). */
export async function roundResultsView(
  db: Db,
  actor: Actor,
  roundId: string,
  lang: UiLanguage,
  includePreliminary = false,
): Promise<Snapshot<RoundResults>> {
  const loaded = await loadRound(db, actor, roundId, includePreliminary);
  return cachedView(
    db,
    `assessment-results|round|${roundId}|${lang}|${accessKey(loaded)}`,
    RoundResults,
    async () => (await computeRoundResults(db, loaded, lang)).result,
  );
}

/** The round's results as the caller may see them, computed afresh; `answers` are kept for the export. */
export async function roundResults(
  db: Db,
  actor: Actor,
  roundId: string,
  lang: UiLanguage,
  includePreliminary = false,
) {
  return computeRoundResults(db, await loadRound(db, actor, roundId, includePreliminary), lang);
}

async function computeRoundResults(db: Db, loaded: LoadedRound, lang: UiLanguage) {
  const { round, access } = loaded;
  const roundId = round.id;
  const content = round.content;
  const areas = scoredAreas(content);
  const { participants, scope, sheets } = await currentSheets(db, loaded);
  const scored = scoredParticipants(participants, content, sheets, scope);
  const counted = participants.filter((p) => scope.counted.has(p.id));
  const countedValues = counted.map((p) => values(sheets.get(p.id)));
  const wishQuestions = content.sections
    .filter((s) => s.area === 'support')
    .flatMap((s) => s.questions)
    .filter((q) => q.type === 'text');
  const wishes = participants.flatMap((p) =>
    wishQuestions.flatMap((q) => {
      const v = sheets.get(p.id)?.get(q.key)?.value;
      return v && 'text' in v && v.text.trim()
        ? [
            {
              municipality: access.named.has(p.id) ? p.name : null,
              text: v.text,
              preliminary: !isSubmitted(p),
            },
          ]
        : [];
    }),
  );
  // Aggregates over one or two answering municipalities the caller may not see would reveal their answers.
  const answered = (id: string) => [...(sheets.get(id)?.values() ?? [])].some((r) => r.value !== null);
  const hidden = counted.filter((p) => !access.named.has(p.id) && answered(p.id)).length;
  const aggregatesHidden = hidden > 0 && hidden < MIN_GROUP_SIZE;
  const result: RoundResults = {
    round: roundHead(round),
    view: access.all ? 'all' : 'own',
    aggregatesHidden,
    areas: areas.map((a) => ({ key: a, label: areaLabels[a]?.[lang] ?? a })),
    completion: {
      participants: participants.length,
      submitted: participants.filter(isSubmitted).length,
      preliminary: counted.filter((p) => !isSubmitted(p)).length,
    },
    municipalities: scored.filter((s) => access.named.has(s.p.id)).map(namedScores),
    average: averageScores(
      (aggregatesHidden ? [] : scored.filter((s) => s.counted)).map((s) => s.scores),
      areas,
    ),
    distribution: aggregatesHidden ? [] : distribution(content, countedValues, lang),
    supportNeeds: {
      method: supportMethod[lang],
      items: aggregatesHidden ? [] : rankSupportNeeds(content, countedValues, lang),
    },
    // Anonymous wishes are sorted by their text, so that their order does not reveal whose they are.
    wishes: [
      ...wishes.filter((w) => w.municipality !== null),
      ...wishes
        .filter((w) => w.municipality === null && !aggregatesHidden)
        .sort((a, b) => a.text.localeCompare(b.text, 'sv')),
    ],
    initiatives: await linkedInitiatives(db, roundId, access),
    scoreMethod: scoreMethod[lang],
    ...preliminaryFlags(loaded),
  };
  return { result, round, participants, access, sheets };
}

type Member = { id: string; code: string; name: string; status: string };

/** A municipality's scores in a view, and whether they count towards its averages. */
interface Scored<P extends Member = Member> {
  p: P;
  scores: AreaScores;
  counted: boolean;
  preliminary: boolean;
}

/** Each participant's scores from the sheets shown: a sheet not shown has none, only its status. */
const scoredParticipants = (
  participants: repo.ParticipantRow[],
  content: repo.RoundRow['content'],
  sheets: Sheets,
  scope: SheetScope,
): Scored<repo.ParticipantRow>[] =>
  participants.map((p) => ({
    p,
    scores: scoresOf(content, values(sheets.get(p.id))),
    counted: scope.counted.has(p.id),
    preliminary: scope.shown.has(p.id) && !isSubmitted(p),
  }));

const namedScores = ({ p, scores, preliminary }: Scored) => ({
  code: p.code,
  name: p.name,
  status: p.status,
  scores,
  preliminary,
});

const hasScore = (scores: AreaScores) => Object.values(scores).some((v) => typeof v === 'number');

function groupOf(
  key: string,
  kind: ComparisonGroup['kind'],
  name: string,
  members: Scored[],
  areas: string[],
  named: (id: string) => boolean,
): ComparisonGroup {
  // Only municipalities that have answered count: an average over one answer is that answer. A group
  // too small is hidden unless the caller may see each of its members by name anyway. Drafts count
  // only when the round's owner asks for them.
  const answered = members.filter((m) => m.counted && hasScore(m.scores));
  const enough =
    answered.length >= MIN_GROUP_SIZE || (answered.length > 0 && answered.every((m) => named(m.p.id)));
  return {
    key,
    kind,
    name,
    count: answered.length,
    scores: enough
      ? averageScores(
          answered.map((m) => m.scores),
          areas,
        )
      : null,
    members: members.every((m) => named(m.p.id)) ? members.map(namedScores) : null,
  };
}

/** What the caller may do beyond seeing names: read earlier rounds, make initiatives for whom. */
interface CallerRights {
  coversMe: boolean;
  ownsMe: boolean;
  ownsRound: boolean;
}

async function loadMunicipality(
  db: Db,
  actor: Actor,
  roundId: string,
  code: string,
  includePreliminary: boolean,
) {
  const loaded = await loadRound(db, actor, roundId, includePreliminary);
  const me = loaded.participants.find((p) => p.code === code);
  // A municipality the caller may not see by name is as unknown as one that does not take part.
  if (!me || !loaded.access.named.has(me.id)) throw notFound();
  const rights: CallerRights = {
    coversMe: authorize(actor, 'assessment.results', contextOf(me)),
    ownsMe: authorizeOwn(actor, 'initiative.manage', { id: me.id }),
    ownsRound: authorizeOwn(actor, 'initiative.manage', { id: loaded.round.owner_id }),
  };
  return { ...loaded, me, rights };
}

/** A municipality's comparison on screen, from a per-process snapshot (ADR 9). */
export async function municipalityResultsView(
  db: Db,
  actor: Actor,
  roundId: string,
  code: string,
  peers: string[],
  lang: UiLanguage,
  includePreliminary = false,
): Promise<Snapshot<MunicipalityResults>> {
  const loaded = await loadMunicipality(db, actor, roundId, code, includePreliminary);
  const { coversMe, ownsMe, ownsRound } = loaded.rights;
  const key = [
    'assessment-results|municipality',
    roundId,
    code,
    [...new Set(peers)].sort().join(','),
    lang,
    accessKey(loaded),
    [coversMe, ownsMe, ownsRound].map(Number).join(''),
  ].join('|');
  return cachedView(db, key, MunicipalityResults, () => computeMunicipalityResults(db, loaded, peers, lang));
}

/** One municipality's results against its region, associations, model municipalities, peers and past. */
export async function municipalityResults(
  db: Db,
  actor: Actor,
  roundId: string,
  code: string,
  peers: string[],
  lang: UiLanguage,
  includePreliminary = false,
): Promise<MunicipalityResults> {
  const loaded = await loadMunicipality(db, actor, roundId, code, includePreliminary);
  return computeMunicipalityResults(db, loaded, peers, lang);
}

async function computeMunicipalityResults(
  db: Db,
  loaded: Awaited<ReturnType<typeof loadMunicipality>>,
  peers: string[],
  lang: UiLanguage,
): Promise<MunicipalityResults> {
  const { round, access, rights } = loaded;
  const roundId = round.id;
  const code = loaded.me.code;
  const content = round.content;
  const areas = scoredAreas(content);
  // Independent reads in parallel: on PostgreSQL each takes its own pooled connection.
  const [{ participants, scope, sheets }, associations, templateRounds, allModels, versions] =
    await Promise.all([
      currentSheets(db, loaded),
      repo.listAssociations(db, loaded.me.association_ids),
      repo.listTemplateRounds(db, round.template_id),
      repo.listModelMunicipalities(db),
      repo.listVersions(db, round.template_id),
    ]);
  const me = participants.find((p) => p.id === loaded.me.id)!;
  const scored = scoredParticipants(participants, content, sheets, scope);
  const named = (id: string) => access.named.has(id);
  const groups: ComparisonGroup[] = [];

  const region = scored.filter((s) => s.p.region_id === me.region_id && s.p.id !== me.id);
  groups.push(groupOf('region', 'region', lang === 'sv' ? 'Regionen' : 'The region', region, areas, named));
  for (const a of associations) {
    const members = scored.filter((s) => s.p.id !== me.id && s.p.association_ids.includes(a.id));
    groups.push(groupOf(`association:${a.id}`, 'association', a.name, members, areas, named));
  }

  // Model municipalities: each one's latest sheet (by round start) in any round of the same template.
  const models = allModels.filter((m) => m.id !== me.id);
  // Previous rounds of this municipality on the same template, and its earlier answer to each question.
  // Only for those who cover the municipality: a shared round does not share its earlier, unshared ones.
  const earlier = rights.coversMe
    ? templateRounds.filter((r) => r.id !== round.id && r.opens_on <= round.opens_on)
    : [];
  const [modelAnswers, earlierAnswers] = await Promise.all([
    repo.listSubmittedAnswersIn(
      db,
      templateRounds.map((r) => r.id),
      models.map((m) => m.id),
    ),
    repo.listSubmittedAnswersIn(
      db,
      earlier.map((r) => r.id),
      [me.id],
    ),
  ]);
  const modelSheets = new Map<string, Map<string, AnswerValue | null>>();
  for (const a of modelAnswers) {
    const k = `${a.municipality_id}|${a.round_id}`;
    const m = modelSheets.get(k) ?? new Map<string, AnswerValue | null>();
    modelSheets.set(k, m);
    m.set(a.question_key, a.value);
  }
  const modelMembers = models.flatMap((m) => {
    const latest = templateRounds.filter((r) => modelSheets.has(`${m.id}|${r.id}`)).at(-1);
    if (!latest) return [];
    const sheet = modelSheets.get(`${m.id}|${latest.id}`)!;
    return [
      {
        p: { ...m, status: 'submitted' },
        scores: scoresOf(latest.content, sheet),
        counted: true,
        preliminary: false,
      },
    ];
  });
  // Which municipalities are model municipalities is public, but their scores are named results like any
  // other: the members' own figures are listed only when the caller may see each of them by name.
  groups.push(
    groupOf(
      'model',
      'model',
      lang === 'sv' ? 'Modellkommunerna' : 'The model municipalities',
      modelMembers,
      areas,
      named,
    ),
  );

  const peerCodes = peers.filter((c) => c !== code);
  if (peerCodes.length) {
    const members = scored.filter((s) => peerCodes.includes(s.p.code));
    groups.push(
      groupOf(
        'peers',
        'peers',
        lang === 'sv' ? 'Kommuner som liknar oss' : 'Municipalities like us',
        members,
        areas,
        named,
      ),
    );
  }

  const previous = earlier
    .filter((r) => earlierAnswers.some((a) => a.round_id === r.id))
    .map((r) => ({
      roundId: r.id,
      name: r.name,
      opensOn: r.opens_on,
      scores: scoresOf(
        r.content,
        new Map(
          earlierAnswers.filter((a) => a.round_id === r.id).map((a) => [a.question_key, a.value] as const),
        ),
      ),
    }));
  const last = previous.at(-1);
  const lastRound = last ? earlier.find((r) => r.id === last.roundId) : undefined;
  const currentVersion = templateRounds.find((r) => r.id === round.id)?.version ?? 0;
  const chain = lastRound
    ? versions
        .filter((v) => v.version <= currentVersion && v.version > lastRound.version)
        .map((v) => v.carries_over)
    : [];
  const lastQuestions = new Map(lastRound ? allQuestions(lastRound.content).map(({ q }) => [q.key, q]) : []);

  const mine = sheets.get(me.id);
  const questions = allQuestions(content).map(({ q, area }) => {
    const row = mine?.get(q.key);
    const oldKey = keyInOlder(q.key, chain);
    const oldQ = lastQuestions.get(oldKey);
    const oldV =
      lastRound && oldQ
        ? earlierAnswers.find((a) => a.round_id === lastRound.id && a.question_key === oldKey)?.value
        : null;
    return {
      key: q.key,
      area,
      type: q.type,
      text: q.text[lang],
      answer: answerText(q, row?.value, lang),
      score: answerScore(q, row?.value),
      comment: row?.comment ?? null,
      evidenceUrl: row?.evidence_url ?? null,
      previousAnswer: oldQ ? answerText(oldQ, oldV, lang) : null,
    };
  });

  return {
    round: roundHead(round),
    municipality: {
      id: me.id,
      code: me.code,
      name: me.name,
      status: me.status,
      preliminary: scope.shown.has(me.id) && !isSubmitted(me),
    },
    areas: areas.map((a) => ({ key: a, label: areaLabels[a]?.[lang] ?? a })),
    scores: scored.find((s) => s.p.id === me.id)!.scores,
    groups,
    previous,
    questions,
    initiatives: await linkedInitiatives(db, roundId, access, me.id),
    scoreMethod: scoreMethod[lang],
    initiativeOwners: [
      ...(rights.ownsMe ? [{ id: me.id, name: me.name }] : []),
      ...(rights.ownsRound ? [{ id: round.owner_id, name: round.owner_name }] : []),
    ],
    ...preliminaryFlags(loaded),
  };
}

export type LoadedRoundResults = Awaited<ReturnType<typeof roundResults>>;
export { answerText };
