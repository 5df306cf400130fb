import { type Actor, authorize, type OrgContext } from '../../../shared/access/index.ts';
import { MIN_GROUP_SIZE } from '../../../shared/contracts/assessment-results.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type {
  ComparisonColumn,
  ComparisonKind,
  MunicipalityDashboard,
} from '../../../shared/contracts/dashboards.ts';
import type { AdoptionStatus } from '../../../shared/contracts/mapping.ts';
import type { Municipality } from '../../../shared/contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { resolveDashboardMunicipality } from './dashboard-scope.ts';
import { comparableOf, groupComparable, learningOf, phaseStatusOf } from './figures.ts';
import { municipalityMaturity } from './maturity.ts';
import { nationalFigures } from './national-figures.ts';

const groupNames: Record<'model' | 'peers', Record<UiLanguage, string>> = {
  model: { sv: 'Modellkommunerna', en: 'The model municipalities' },
  peers: { sv: 'Kommuner som liknar oss', en: 'Municipalities like us' },
};

/**
 * One municipality's figures beside its region, the model municipalities, the peers the user chose
 * and the country. Groups are means per municipality (rates pooled). A group of one or two other
 * municipalities would show their own figures, so — as in the assessment results — it is withheld
 * unless the caller covers each of them anyway.
 */
export async function municipalityDashboard(
  db: Db,
  actor: Actor,
  code: string,
  peerCodes: string[],
  lang: UiLanguage,
): Promise<MunicipalityDashboard> {
  const { municipality: me, regionName, nation } = await resolveDashboardMunicipality(db, actor, code);
  const nf = await nationalFigures(db);
  const all = nf.municipalities;
  const others = (xs: Municipality[]) => xs.filter((m) => m.id !== me.id);
  const regionMembers = all.filter((m) => m.countyCode === me.countyCode);
  const peerSet = new Set(peerCodes);
  const peers = others(all.filter((m) => peerSet.has(m.code)));
  const models = others(all.filter((m) => m.flags.includes('model_municipality')));
  const covers = (m: Municipality) => {
    const ctx: OrgContext = {
      id: m.id,
      kind: 'municipality',
      lineage: [m.id, m.regionId, nation.id],
      // Associations are left out: at worst a group is withheld from someone who could have seen it.
      associationIds: [],
    };
    return authorize(actor, 'dashboard.read', ctx);
  };
  const column = (
    kind: ComparisonKind,
    name: string,
    members: Municipality[],
    /** Groups shared by many pages (a region, the models, the country) keep their means with the figures. */
    shared?: string,
  ): ComparisonColumn => {
    const rest = others(members);
    const tooFew = rest.length > 0 && rest.length < MIN_GROUP_SIZE && !rest.every(covers);
    const means = () =>
      groupComparable(
        nf,
        members.map((m) => m.id),
      );
    return {
      kind,
      name,
      municipalities: members.length,
      figures: members.length === 0 || tooFew ? null : shared ? nf.derived(shared, means) : means(),
    };
  };
  const comparison: ComparisonColumn[] = [
    { kind: 'self', name: me.name, municipalities: 1, figures: comparableOf(nf.of(me.id)) },
    column('region', regionName, regionMembers, `region|${me.countyCode}`),
    column('model', groupNames.model[lang], models, `models|${me.id}`),
    ...(peers.length ? [column('peers', groupNames.peers[lang], peers)] : []),
    column('nation', nation.name, all, 'nation'),
  ];
  const own = nf.of(me.id);
  return {
    municipality: {
      id: me.id,
      code: me.code,
      name: me.name,
      countyCode: me.countyCode,
      countyName: me.countyName,
    },
    comparison,
    technologies: nf.technologies.map((t) => {
      const a = own.adoption.get(t.id);
      const inRegion = regionMembers.filter((m) => nf.of(m.id).adoption.get(t.id)?.status === 'in_operation');
      return {
        key: t.key,
        name: lang === 'en' ? t.nameEn : t.nameSv,
        status: (a?.status as AdoptionStatus | undefined) ?? null,
        usersServed: a?.usersServed ?? null,
        eligibleUsers: a?.eligibleUsers ?? null,
        regionShareInOperation: regionMembers.length
          ? Math.round((inRegion.length / regionMembers.length) * 1000) / 1000
          : 0,
      };
    }),
    adoptionTrend: nf.quarters.map((quarter) => ({ quarter, inOperation: own.trend.get(quarter) ?? 0 })),
    learning: learningOf(nf, [me.id]),
    initiatives: phaseStatusOf(own.initiatives),
    maturity: await municipalityMaturity(
      db,
      actor,
      me,
      peers.map((p) => p.code),
      lang,
    ),
    peers: peers.map((p) => ({ code: p.code, name: p.name })),
  };
}
