import type { UiLanguage } from '../../shared/contracts/common.ts';

export type Cell = string | number | null;

/** One table of an export: a CSV section and a workbook sheet say the same. */
export interface ExportTable {
  title: string;
  /** Sheet name in the workbook (at most 31 characters). */
  sheet: string;
  columns: {
    header: string;
    kind?: 'percent' | 'hours' | 'int' | 'text';
    /** Characters wide, for long text (a requirement, an answer); otherwise from the header. */
    width?: number;
  }[];
  rows: Cell[][];
}

/** Quotes a CSV field when needed and defuses formulas (a name starting with = is text, not a formula). */
function csvField(value: Cell, lang: UiLanguage): string {
  if (value === null) return '';
  let s =
    typeof value === 'number' ? (lang === 'sv' ? String(value).replace('.', ',') : String(value)) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * CSV for Excel with Swedish settings: semicolon separated, UTF-8 with a byte-order mark, CRLF line
 * ends, decimal comma in Swedish. With several tables (or `titles`), each is a section with its title,
 * separated by an empty line.
 */
export function tablesToCsv(tables: ExportTable[], lang: UiLanguage, titles = tables.length > 1): Buffer {
  const lines: string[] = [];
  for (const [i, table] of tables.entries()) {
    if (i > 0) lines.push('');
    if (titles) lines.push(csvField(table.title, lang));
    lines.push(table.columns.map((c) => csvField(c.header, lang)).join(';'));
    for (const row of table.rows) lines.push(row.map((v) => csvField(v, lang)).join(';'));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** The same tables as a workbook, one sheet each, numbers as numbers, the header row frozen. */
export async function tablesToXlsx(tables: ExportTable[], created: Date): Promise<Buffer> {
  // Loaded on the first workbook, not at start-up (exceljs is one of the heaviest modules we use).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Välfärdsnavet';
  wb.created = created;
  for (const table of tables) {
    const ws = wb.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = table.columns.map((c) => ({
      header: c.header,
      width: c.width ?? Math.max(12, Math.min(40, c.header.length + 2)),
      ...(c.kind === 'hours' || c.kind === 'percent' ? { style: { numFmt: '0.0' } } : {}),
      // A wide column holds paragraphs: they wrap inside the cell instead of running past it.
      ...(c.width ? { style: { alignment: { wrapText: true, vertical: 'top' as const } } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of table.rows) ws.addRow(row.map((v) => (v === null ? '' : v)));
  }
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

export const exportMediaType = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A file name safe in every browser: ASCII letters, digits and dashes, then the date and extension. */
export function exportFileName(
  name: string,
  fallback: string,
  date: string,
  ext: 'csv' | 'xlsx' | 'pdf' | 'docx',
) {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || fallback}-${date}.${ext}`;
}
