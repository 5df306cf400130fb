import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { AdoptionGaps, AdoptionMatrix } from '../../../shared/contracts/mapping.ts';
import { en } from '../../../shared/i18n/en.ts';
import { sv } from '../../../shared/i18n/sv.ts';
import { type ExportTable, exportFileName, tablesToCsv, tablesToXlsx } from '../../lib/table-export.ts';

const headings = {
  sv: {
    matrix: 'Välfärdsteknik per kommun',
    matrixSheet: 'Per kommun',
    gaps: 'Luckor',
    municipality: 'Kommun',
    code: 'Kommunkod',
    inOperation: 'Tekniker i drift',
    lastUpdated: 'Senast uppdaterad',
    status: 'läge',
    useRate: 'användning (%)',
    strategies: 'Styrdokument i kraft',
    representatives: 'Representanter i referensgrupp',
    missing: 'Saknas',
  },
  en: {
    matrix: 'Welfare technology by municipality',
    matrixSheet: 'By municipality',
    gaps: 'Gaps',
    municipality: 'Municipality',
    code: 'Municipality code',
    inOperation: 'Technologies in operation',
    lastUpdated: 'Last updated',
    status: 'status',
    useRate: 'use (%)',
    strategies: 'Governing documents in force',
    representatives: 'Reference-group representatives',
    missing: 'Missing',
  },
} as const;

const day = (iso: string | null) => iso?.slice(0, 10) ?? null;

/** The matrix and the gaps of a scope as tables, shared by the CSV and the workbook. */
function tables(matrix: AdoptionMatrix, gaps: AdoptionGaps, lang: UiLanguage): ExportTable[] {
  const h = headings[lang];
  const text = lang === 'en' ? en.mapping : sv.mapping;
  return [
    {
      title: `${h.matrix}: ${matrix.scope.name}`,
      sheet: h.matrixSheet,
      columns: [
        { header: h.municipality },
        { header: h.code },
        { header: h.inOperation, kind: 'int' },
        { header: h.lastUpdated },
        ...matrix.technologies.flatMap((t) => [
          { header: `${t.name} – ${h.status}` },
          { header: `${t.name} – ${h.useRate}`, kind: 'percent' as const },
        ]),
      ],
      rows: matrix.municipalities.map((m) => [
        m.name,
        m.code,
        m.inOperation,
        day(m.lastUpdated),
        ...m.cells.flatMap((c) => [
          c.status ? text.status[c.status] : null,
          c.useRate === null ? null : Math.round(c.useRate * 1000) / 10,
        ]),
      ]),
    },
    {
      title: `${h.gaps}: ${gaps.scope.name}`,
      sheet: h.gaps,
      columns: [
        { header: h.municipality },
        { header: h.code },
        { header: h.strategies, kind: 'int' },
        { header: h.representatives, kind: 'int' },
        { header: h.lastUpdated },
        { header: h.missing },
      ],
      rows: gaps.municipalities.map((m) => [
        m.name,
        m.code,
        m.strategies,
        m.representatives,
        day(m.lastUpdated),
        m.gaps.map((g) => text.gaps.kind[g]).join(', '),
      ]),
    },
  ];
}

export async function adoptionExport(
  matrix: AdoptionMatrix,
  gaps: AdoptionGaps,
  lang: UiLanguage,
  format: 'csv' | 'xlsx',
): Promise<{ body: Buffer; fileName: string }> {
  const all = tables(matrix, gaps, lang);
  const now = new Date();
  return {
    body: format === 'csv' ? tablesToCsv(all, lang) : await tablesToXlsx(all, now),
    fileName: exportFileName(
      `${headings[lang].matrix} ${matrix.scope.name}`,
      'adoption',
      now.toISOString().slice(0, 10),
      format,
    ),
  };
}
