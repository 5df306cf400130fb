import type { SteeringReport } from '../../../shared/contracts/steering-reports.ts';
import { createPdf, pdfFont } from '../../lib/pdf-document.ts';
import { type Block, reportBlocks } from './report-blocks.ts';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
/** pdfkit's tables take a structure parent and header scopes; its type definitions lag behind. */
type TaggedCell = { text: string; type?: 'TH' | 'TD'; scope?: 'column' | 'row'; align?: 'left' | 'right' };
type TaggedTable = (opts: {
  data: TaggedCell[][];
  structParent: Struct;
  defaultStyle: { padding: number[]; border: number; borderColor: string };
  columnStyles: (i: number) => { width?: string | number } | undefined;
}) => Doc;

const navy = '#00244e';
const ink = '#222222';

/** One tagged run of text (H1, H2, P) in the structure tree. */
function tagged(
  doc: Doc,
  parent: Struct,
  tag: string,
  style: { font: string; size: number; color: string },
  text: string,
  options: PDFKit.Mixins.TextOptions = {},
) {
  parent.add(
    doc.struct(tag, {}, () => {
      doc.font(style.font).fontSize(style.size).fillColor(style.color).text(text, options);
    }),
  );
}

function drawTable(doc: Doc, parent: Struct, b: Extract<Block, { kind: 'table' }>) {
  tagged(doc, parent, 'P', { font: pdfFont.bold, size: 10, color: ink }, b.caption, { paragraphGap: 4 });
  doc.font(pdfFont.regular).fontSize(9).fillColor(ink);
  const numeric = (c: number) => c > 0 && b.rows.every((r) => /^[-\d\s\u00a0–]*$/.test(r[c] ?? ''));
  const data: TaggedCell[][] = [
    b.head.map((text) => ({ text, type: 'TH', scope: 'column' })),
    ...b.rows.map((row) =>
      row.map(
        (text, c): TaggedCell =>
          c === 0 ? { text, type: 'TH', scope: 'row' } : { text, align: numeric(c) ? 'right' : 'left' },
      ),
    ),
  ];
  (doc.table as unknown as TaggedTable).call(doc, {
    data,
    structParent: parent,
    defaultStyle: { padding: [3, 4, 3, 4], border: 0.5, borderColor: '#999999' },
    columnStyles: (i) => (i === 0 ? { width: b.head.length > 3 ? 150 : 220 } : { width: '*' }),
  });
  doc.x = doc.page.margins.left;
  doc.moveDown(0.8);
}

/** A horizontal bar chart (0–100) as one Figure with its alternative text; the table above has the values. */
function drawChart(doc: Doc, parent: Struct, b: Extract<Block, { kind: 'chart' }>) {
  const barHeight = 14;
  const height = b.bars.length * (barHeight + 6) + 24;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const left = doc.page.margins.left;
  const labelWidth = 150;
  const width = doc.page.width - left - doc.page.margins.right - labelWidth - 30;
  parent.add(
    doc.struct('Figure', { alt: b.alt }, () => {
      const top = doc.y;
      doc.font(pdfFont.bold).fontSize(10).fillColor(ink).text(b.title, left, top);
      b.bars.forEach((bar, i) => {
        const y = top + 20 + i * (barHeight + 6);
        doc
          .font(pdfFont.regular)
          .fontSize(9)
          .fillColor(ink)
          .text(bar.label, left, y + 2, { width: labelWidth - 6 });
        doc
          .rect(left + labelWidth, y, (width * Math.max(0, Math.min(100, bar.value))) / 100, barHeight)
          .fill(navy);
        doc.fillColor(ink).text(String(bar.value), left + labelWidth + (width * bar.value) / 100 + 4, y + 2);
      });
      doc.x = left;
      doc.y = top + height;
    }),
  );
  doc.moveDown(0.5);
}

/**
 * The report as a tagged PDF/UA-style document: document language sv-SE and a title shown in the
 * window bar; a structure tree of H1, H2 and P, tables with TH (column and row scope) and TD, and the
 * chart as a Figure with alternative text; fonts embedded (`lib/pdf-document.ts`).
 */
export function renderReportPdf(r: SteeringReport): Promise<Buffer> {
  const doc = createPdf({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    bufferPages: false,
    info: { Title: r.title, Author: r.network?.name ?? r.organisation.name, Subject: `${r.from}–${r.to}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  for (const b of reportBlocks(r)) {
    switch (b.kind) {
      case 'heading':
        if (b.level === 2) doc.moveDown(0.6);
        tagged(
          doc,
          root,
          b.level === 1 ? 'H1' : 'H2',
          { font: pdfFont.bold, size: b.level === 1 ? 20 : 14, color: navy },
          b.text,
          { paragraphGap: 6 },
        );
        break;
      case 'paragraph':
        tagged(doc, root, 'P', { font: pdfFont.regular, size: b.meta ? 10 : 11, color: ink }, b.text, {
          paragraphGap: b.meta ? 2 : 8,
          lineGap: 2,
        });
        break;
      case 'table':
        drawTable(doc, root, b);
        break;
      case 'chart':
        drawChart(doc, root, b);
        break;
    }
  }
  root.end();
  doc.end();
  return done;
}
