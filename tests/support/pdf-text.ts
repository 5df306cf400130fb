import { extractText, getDocumentProxy } from 'unpdf';

/** A PDF's text, with runs of white space as one space: lines wrap wherever the layout puts them. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  try {
    return (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, ' ');
  } finally {
    await doc.destroy();
  }
}
