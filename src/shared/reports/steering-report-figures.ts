import type { UiLanguage } from '../contracts/common.ts';
import { adoptionStatuses } from '../contracts/mapping.ts';
import type { ReportSection } from '../contracts/steering-reports.ts';
import type { Messages } from '../i18n/sv.ts';

/**
 * A steering-group report's figures as format-neutral blocks — paragraphs, tables with a header row
 * and a header column, a bar chart with its text alternative — shared by the page, the PDF and the
 * DOCX so that all three say exactly the same thing; each renderer only knows its format.
 */
export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; meta?: boolean }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] }
  | { kind: 'chart'; title: string; alt: string; bars: { label: string; value: number }[] };

/** Fills `{{name}}` placeholders of a catalogue string. */
export const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));

const list = (xs: { name: string }[]) => xs.map((x) => x.name).join(', ');

/**
 * A section's figures as blocks, labelled from a UI catalogue: the page shows the same tables in the
 * reader's language as the PDF and DOCX do in Swedish.
 */
export function figureBlocks(s: ReportSection, m: Messages, lang: UiLanguage): Block[] {
  const f = m.steeringReports.figures;
  const labels = {
    adoption: m.mapping.status as Record<string, string>,
    kind: m.documents.kinds as Record<string, string>,
    level: m.documents.levels as Record<string, string>,
    status: m.initiatives.status as Record<string, string>,
    phase: m.initiatives.phase as Record<string, string>,
    source: m.initiatives.fundingSource as Record<string, string>,
    indicator: m.initiatives.indicatorType as Record<string, string>,
  };
  // Digit grouping with a no-break space; a plain hyphen for minus (the PDF font has no U+2212).
  const format = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 0 });
  const num = (n: number) => format.format(n).replace('\u2212', '-');
  switch (s.key) {
    case 'mapping': {
      const mp = s.figures;
      const statuses = adoptionStatuses.filter((st) => mp.technologies.some((t) => t.statuses[st]));
      const out: Block[] = [
        {
          kind: 'table',
          caption: fill(f.adoptionCaption, { n: mp.municipalities }),
          head: [f.technology, ...statuses.map((st) => labels.adoption[st] ?? st), f.usersServed],
          rows: mp.technologies.map((t) => [
            t.name,
            ...statuses.map((st) => num(t.statuses[st] ?? 0)),
            num(t.usersServed),
          ]),
        },
      ];
      out.push(
        mp.documents.length
          ? {
              kind: 'table',
              caption: f.documentsCaption,
              head: [f.documentKind, f.documentLevel, f.count],
              rows: mp.documents.map((d) => [
                labels.kind[d.kind] ?? d.kind,
                labels.level[d.level] ?? d.level,
                num(d.count),
              ]),
            }
          : { kind: 'paragraph', text: f.noDocuments },
      );
      out.push({
        kind: 'paragraph',
        text: mp.withoutStrategy.length
          ? fill(f.withoutStrategy, { list: list(mp.withoutStrategy) })
          : f.allHaveStrategy,
      });
      return out;
    }
    case 'referenceGroup': {
      const r = s.figures;
      if (!r.network) return [{ kind: 'paragraph', text: f.noReferenceGroup }];
      const out: Block[] = [
        {
          kind: 'table',
          caption: fill(f.referenceCaption, { name: r.network.name }),
          head: [f.municipality, f.representatives],
          rows: r.municipalities.map((m) => [m.name, num(m.representatives)]),
        },
      ];
      if (r.others.length)
        out.push({
          kind: 'table',
          caption: f.othersCaption,
          head: [f.organisation, f.representatives],
          rows: r.others.map((o) => [o.name, num(o.representatives)]),
        });
      out.push({
        kind: 'paragraph',
        text: r.withoutRepresentative.length
          ? fill(f.withoutRepresentative, { list: list(r.withoutRepresentative) })
          : f.allRepresented,
      });
      return out;
    }
    case 'programmes': {
      if (!s.figures.programmes.length) return [{ kind: 'paragraph', text: f.noProgrammes }];
      return s.figures.programmes.flatMap((p): Block[] => [
        {
          kind: 'paragraph',
          text: `${p.name}: ${fill(f.programmeSummary, { enrolled: num(p.enrolled), completed: num(p.completed), target: num(p.targetParticipants) })}`,
        },
        {
          kind: 'table',
          caption: fill(f.programmeCaption, { name: p.name, from: p.startsOn, to: p.endsOn }),
          head: [f.municipality, f.enrolled, f.completed],
          rows: p.byMunicipality.map((m) => [m.name, num(m.enrolled), num(m.completed)]),
        },
      ]);
    }
    case 'maturity': {
      const mf = s.figures;
      if (!mf.round) return [{ kind: 'paragraph', text: f.noRound }];
      const out: Block[] = [
        {
          kind: 'paragraph',
          text: fill(f.answered, { submitted: mf.submitted, participants: mf.participants }),
        },
      ];
      if (mf.hidden) return [...out, { kind: 'paragraph', text: f.maturityHidden }];
      const shown = mf.areas.filter((a) => a.average !== null);
      out.push({
        kind: 'table',
        caption: fill(f.maturityCaption, { round: mf.round.name }),
        head: [f.area, f.average],
        rows: mf.areas.map((a) => [a.label, a.average === null ? '–' : num(a.average)]),
      });
      if (shown.length)
        out.push({
          kind: 'chart',
          title: f.chartTitle,
          alt: fill(f.chartAlt, { values: shown.map((a) => `${a.label} ${a.average}`).join(', ') }),
          bars: shown.map((a) => ({ label: a.label, value: a.average ?? 0 })),
        });
      return out;
    }
    case 'initiatives': {
      const i = s.figures;
      const out: Block[] = [
        {
          kind: 'paragraph',
          text: i.plans.length ? fill(f.plans, { list: i.plans.map((p) => p.title).join(', ') }) : f.noPlan,
        },
      ];
      if (i.items.length)
        out.push(
          {
            kind: 'table',
            caption: f.statusCaption,
            head: [f.status, f.count],
            rows: i.byStatus.map((r) => [labels.status[r.status] ?? r.status, num(r.count)]),
          },
          {
            kind: 'table',
            caption: f.phaseCaption,
            head: [f.phase, f.count],
            rows: i.byPhase.map((r) => [labels.phase[r.phase] ?? r.phase, num(r.count)]),
          },
          {
            kind: 'table',
            caption: f.itemsCaption,
            head: [f.initiative, f.priority, f.status, f.phase],
            rows: i.items.map((r) => [
              r.title,
              String(r.priority),
              labels.status[r.status] ?? r.status,
              labels.phase[r.phase] ?? r.phase,
            ]),
          },
        );
      const years =
        i.funding.years.length > 1
          ? `${i.funding.years[0]}–${i.funding.years.at(-1)}`
          : String(i.funding.years[0]);
      out.push(
        {
          kind: 'table',
          caption: fill(f.fundingCaption, { years }),
          head: [f.source, f.applied, f.granted, f.used],
          rows: [
            ...i.funding.bySource.map((r) => [
              labels.source[r.source] ?? r.source,
              num(r.appliedSek),
              num(r.grantedSek),
              num(r.usedSek),
            ]),
            [
              f.total,
              num(i.funding.total.appliedSek),
              num(i.funding.total.grantedSek),
              num(i.funding.total.usedSek),
            ],
          ],
        },
        {
          kind: 'table',
          caption: f.benefitsCaption,
          head: [f.indicatorType, f.indicators, f.measured, f.onTarget],
          rows: i.benefits.byType.map((r) => [
            labels.indicator[r.type] ?? r.type,
            num(r.indicators),
            num(r.withMeasurement),
            num(r.onTarget),
          ]),
        },
        {
          kind: 'paragraph',
          text: fill(f.realised, {
            cost: num(i.benefits.avoidedCostSekPerYear),
            hours: num(i.benefits.timeSavedHoursPerYear),
          }),
        },
      );
      return out;
    }
    default:
      return [];
  }
}
