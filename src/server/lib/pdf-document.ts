import fs from 'node:fs';
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/**
 * The fonts every PDF is set in: DejaVu Sans, embedded (and subset by pdfkit to the glyphs used).
 * The 14 standard PDF fonts cover only Latin-1, so a learner called Łukasz or Şule, a Sámi place name
 * or a "≤" in a report would come out wrong; and PDF/UA asks for embedded fonts anyway.
 */
export const pdfFont = { regular: 'Regular', bold: 'Bold', italic: 'Italic' } as const;

const files = {
  [pdfFont.regular]: 'DejaVuSans.ttf',
  [pdfFont.bold]: 'DejaVuSans-Bold.ttf',
  [pdfFont.italic]: 'DejaVuSans-Oblique.ttf',
};

let loaded: [string, Buffer][] | null = null;
/** Read once per process: a PDF is generated on request and the files do not change. */
function fontData(): [string, Buffer][] {
  loaded ??= Object.entries(files).map(([name, file]) => [
    name,
    fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)),
  ]);
  return loaded;
}

/** A pdfkit document with the embedded fonts registered and the regular one selected. */
/** pdfkit is loaded on the first PDF, not when the server starts: most processes never make one. */
let pdfkit: typeof PDFKitDocument | null = null;

export function createPdf(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  pdfkit ??= require('pdfkit') as typeof PDFKitDocument;
  const doc = new pdfkit(options);
  for (const [name, data] of fontData()) doc.registerFont(name, data);
  doc.font(pdfFont.regular);
  return doc;
}
