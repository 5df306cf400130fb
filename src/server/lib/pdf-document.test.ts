import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { createPdf, pdfFont } from './pdf-document.ts';

function render(write: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', tagged: true, lang: 'sv-SE' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  write(doc);
  doc.end();
  return done;
}

describe('createPdf', () => {
  it('writes names and signs beyond Latin-1 so that they read back unchanged', async () => {
    const text = 'Łukasz Şahin, Čohkka Ánde och Åsa Öberg: ≤ 5 – “citat”';
    const pdf = await render((doc) => {
      doc.font(pdfFont.bold).text(text);
      doc.font(pdfFont.italic).text('Kursiv');
    });
    const { text: pages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
      mergePages: true,
    });
    expect(pages).toContain(text);
    expect(pages).toContain('Kursiv');
  });

  it('embeds its fonts instead of naming a standard one', async () => {
    const pdf = (await render((doc) => doc.text('Välfärdsnavet'))).toString('latin1');
    expect(pdf).toMatch(/\/FontFile2/);
    expect(pdf).not.toMatch(/\/BaseFont \/Helvetica/);
  });
});
