import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { SteeringReport } from '../../../shared/contracts/steering-reports.ts';
import { type Block, reportBlocks } from './report-blocks.ts';

const isNumber = (s: string) => /^[-\d\s\u00a0–]+$/.test(s);

function cell(text: string, header: boolean, right: boolean) {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: header })],
      }),
    ],
  });
}

function table(b: Extract<Block, { kind: 'table' }>) {
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: b.caption, bold: true })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        // The header row repeats on every page and tells screen readers which cells are headers.
        new TableRow({ tableHeader: true, children: b.head.map((h, c) => cell(h, true, c > 0)) }),
        ...b.rows.map(
          (row) => new TableRow({ children: row.map((v, c) => cell(v, c === 0, c > 0 && isNumber(v))) }),
        ),
      ],
    }),
    new Paragraph({ text: '' }),
  ];
}

/**
 * The report as a Word document for further editing: Heading 1/2 styles (so the navigation pane
 * and screen readers see the outline), plain paragraphs, tables with a repeating header row, the
 * chart as its text alternative, document language sv-SE and the title in the document properties.
 * Built in memory by `docx`; nothing is fetched at run time.
 */
export function renderReportDocx(r: SteeringReport): Promise<Buffer> {
  const children = reportBlocks(r).flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'heading':
        return [
          new Paragraph({
            heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
            text: b.text,
          }),
        ];
      case 'paragraph':
        return [new Paragraph({ children: [new TextRun({ text: b.text, size: b.meta ? 20 : 22 })] })];
      case 'table':
        return table(b);
      default:
        // The chart: its text alternative (the table above it has the values).
        return [new Paragraph({ children: [new TextRun({ text: b.alt, italics: true })] })];
    }
  });
  const doc = new Document({
    title: r.title,
    subject: `${r.from}–${r.to}`,
    creator: r.network?.name ?? r.organisation.name,
    description: r.diaryNumber ?? undefined,
    styles: { default: { document: { run: { language: { value: 'sv-SE' }, font: 'Arial' } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
