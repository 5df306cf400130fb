import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { Radar } from '../../../shared/contracts/contract-radar.ts';
import { type ExportTable, exportFileName, tablesToCsv, tablesToXlsx } from '../../lib/table-export.ts';

const headings = {
  sv: {
    title: 'Avtalsradar',
    contracts: 'Avtal',
    opportunities: 'Samordningsmöjligheter',
    municipality: 'Kommun',
    code: 'Kommunkod',
    contract: 'Avtal',
    technologies: 'Teknik',
    supplier: 'Leverantör',
    endsOn: 'Slutdatum',
    nextDecision: 'Nästa beslut senast',
    decision: 'Beslut om',
    extension: 'Förlängning',
    notice: 'Uppsägning',
    remaining: 'Förlängningar kvar',
    value: 'Årligt värde (kr)',
    kind: 'Möjlighet',
    ending_together: 'Avtal som löper ut samtidigt',
    planned_without_contract: 'Planerad teknik utan avtal',
    group: 'Region eller samverkan',
    municipalities: 'Kommuner',
    from: 'Från',
    to: 'Till',
    link: 'Starta samordnad upphandling',
  },
  en: {
    title: 'Contract radar',
    contracts: 'Contracts',
    opportunities: 'Coordination opportunities',
    municipality: 'Municipality',
    code: 'Municipality code',
    contract: 'Contract',
    technologies: 'Technology',
    supplier: 'Supplier',
    endsOn: 'End date',
    nextDecision: 'Next decision by',
    decision: 'Decision on',
    extension: 'Extension',
    notice: 'Notice',
    remaining: 'Extensions left',
    value: 'Annual value (SEK)',
    kind: 'Opportunity',
    ending_together: 'Contracts ending together',
    planned_without_contract: 'Planned technology without a contract',
    group: 'Region or association',
    municipalities: 'Municipalities',
    from: 'From',
    to: 'To',
    link: 'Start a joint procurement',
  },
} as const;

/** The radar as two tables — contracts and opportunities — in a CSV for Swedish Excel or a workbook. */
export async function radarExport(
  radar: Radar,
  lang: UiLanguage,
  format: 'csv' | 'xlsx',
  publicUrl: string,
): Promise<{ body: Buffer; fileName: string }> {
  const h = headings[lang];
  const municipality = new Map(radar.municipalities.map((m) => [m.code, m.name]));
  const technology = new Map(radar.technologies.map((t) => [t.key, t.name]));
  const tables: ExportTable[] = [
    {
      title: `${h.title}: ${radar.area.name} – ${h.contracts}`,
      sheet: h.contracts,
      columns: [
        { header: h.municipality },
        { header: h.code },
        { header: h.contract, width: 40 },
        { header: h.technologies, width: 30 },
        { header: h.supplier, width: 30 },
        { header: h.endsOn },
        { header: h.nextDecision },
        { header: h.decision },
        { header: h.remaining, kind: 'int' },
        { header: h.value, kind: 'int' },
      ],
      rows: radar.contracts.map((c) => [
        municipality.get(c.municipalityCode) ?? c.municipalityCode,
        c.municipalityCode,
        c.title,
        c.technologyKeys.map((k) => technology.get(k) ?? k).join(', '),
        c.supplier.name,
        c.endsOn,
        c.nextDecisionOn,
        h[c.decisionKind],
        c.extensionsRemaining,
        c.annualValueSek,
      ]),
    },
    {
      title: `${h.title}: ${radar.area.name} – ${h.opportunities}`,
      sheet: h.opportunities,
      columns: [
        { header: h.kind, width: 36 },
        { header: h.group, width: 30 },
        { header: h.technologies, width: 30 },
        { header: h.municipalities, width: 40 },
        { header: h.from },
        { header: h.to },
        { header: h.link, width: 60 },
      ],
      rows: radar.opportunities.map((o) => [
        h[o.kind],
        o.group.name,
        o.technology.name,
        o.municipalities.map((m) => m.name).join(', '),
        o.window?.from ?? null,
        o.window?.to ?? null,
        `${publicUrl}${o.startProcurementUrl}`,
      ]),
    },
  ];
  const now = new Date();
  return {
    body: format === 'csv' ? tablesToCsv(tables, lang) : await tablesToXlsx(tables, now),
    fileName: exportFileName(`${h.title} ${radar.area.name}`, 'avtalsradar', radar.today, format),
  };
}
