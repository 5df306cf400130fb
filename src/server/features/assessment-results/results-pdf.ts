import type { MunicipalityResults } from '../../../shared/contracts/assessment-results.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { createPdf, pdfFont } from '../../lib/pdf-document.ts';

const texts = {
  sv: {
    title: 'Resultat',
    scores: 'Poäng per område',
    area: 'Område',
    own: 'Kommunen',
    tooFew: 'för få för att visa',
    previous: 'Tidigare omgångar',
    questions: 'Svar och kommentarer',
    comment: 'Kommentar',
    method: 'Metod',
    preliminary: 'Preliminärt: kommunen har inte lämnat in sina svar, och de kan ändras.',
    preliminaryCounted:
      'Jämförelsegruppernas medelvärden räknar även med preliminära svar som inte är inlämnade.',
    notSubmitted: 'Kommunen har inte lämnat in sina svar. Resultat visas när svaren är inlämnade.',
  },
  en: {
    title: 'Results',
    scores: 'Score per area',
    area: 'Area',
    own: 'Municipality',
    tooFew: 'too few to show',
    previous: 'Previous rounds',
    questions: 'Answers and comments',
    comment: 'Comment',
    method: 'Method',
    preliminary: 'Preliminary: the municipality has not submitted its answers, and they may change.',
    preliminaryCounted: 'The comparison groups’ averages also count preliminary answers not yet submitted.',
    notSubmitted:
      'The municipality has not submitted its answers. Results are shown once they are submitted.',
  },
};

/**
 * A municipality's results as a tagged PDF (headings and paragraphs in the structure tree, document
 * language and title set, like the certificates) — the same figures as its comparison page.
 */
export function renderResultsPdf(r: MunicipalityResults, lang: UiLanguage): Promise<Buffer> {
  const t = texts[lang];
  const doc = createPdf({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    tagged: true,
    lang: lang === 'sv' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    info: { Title: `${t.title} – ${r.municipality.name} – ${r.round.name}`, Author: r.round.owner.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const section = doc.struct('Document');
  doc.addStructure(section);
  const add = (tag: string, draw: () => void) => section.add(doc.struct(tag, {}, draw));
  const score = (n: number | null | undefined) => (typeof n === 'number' ? String(n) : '–');

  add('H1', () =>
    doc.font(pdfFont.bold).fontSize(22).fillColor('#00244e').text(`${r.municipality.name}: ${r.round.name}`),
  );
  const notes = [
    r.municipality.preliminary
      ? t.preliminary
      : r.municipality.status === 'submitted'
        ? null
        : t.notSubmitted,
    r.includesPreliminary ? t.preliminaryCounted : null,
  ];
  for (const note of notes)
    if (note) add('P', () => doc.font(pdfFont.bold).fontSize(11).fillColor('#7a3e00').text(note));
  add('P', () =>
    doc.font(pdfFont.regular).fontSize(10).fillColor('#222222').text(`${t.method}: ${r.scoreMethod}`),
  );
  doc.moveDown();
  add('H2', () => doc.font(pdfFont.bold).fontSize(15).fillColor('#00244e').text(t.scores));
  for (const a of r.areas) {
    const others = r.groups
      .map((g) => `${g.name} ${g.scores ? score(g.scores[a.key]) : `(${t.tooFew})`}`)
      .join(' · ');
    add('P', () =>
      doc
        .font(pdfFont.regular)
        .fontSize(11)
        .fillColor('#222222')
        .text(`${a.label}: ${score(r.scores[a.key])}   (${others})`),
    );
  }
  if (r.previous.length) {
    doc.moveDown();
    add('H2', () => doc.font(pdfFont.bold).fontSize(15).fillColor('#00244e').text(t.previous));
    for (const p of r.previous)
      add('P', () =>
        doc
          .font(pdfFont.regular)
          .fontSize(11)
          .fillColor('#222222')
          .text(`${p.name}: ${r.areas.map((a) => `${a.label} ${score(p.scores[a.key])}`).join(' · ')}`),
      );
  }
  doc.moveDown();
  add('H2', () => doc.font(pdfFont.bold).fontSize(15).fillColor('#00244e').text(t.questions));
  for (const q of r.questions) {
    add('P', () =>
      doc
        .font(pdfFont.bold)
        .fontSize(10)
        .fillColor('#222222')
        .text(q.text)
        .font(pdfFont.regular)
        .text(q.answer ?? '–'),
    );
    if (q.comment) add('P', () => doc.font(pdfFont.italic).fontSize(10).text(`${t.comment}: ${q.comment}`));
  }
  section.end();
  doc.end();
  return done;
}
