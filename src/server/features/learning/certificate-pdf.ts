import { createPdf, pdfFont } from '../../lib/pdf-document.ts';

export interface CertificatePdfInput {
  lang: 'sv' | 'en';
  /** Null when the holder has been erased. */
  learnerName: string | null;
  courseTitle: string;
  issuer: string;
  issuedAt: Date;
  code: string;
  /** The public check page, printed so that a reader can type the code there (`<PUBLIC_URL>/intyg`). */
  checkUrl: string;
  /** The same page with this code filled in: the link behind the printed address. */
  verifyUrl: string;
}

const texts = {
  sv: {
    title: 'Intyg',
    lead: 'Härmed intygas att',
    completed: 'har genomfört kursen',
    date: 'Datum',
    issuer: 'Utfärdat av',
    code: 'Verifieringskod',
    verify: 'Kontrollera intyget på',
    withCode: 'med verifieringskoden ovan.',
    erased: 'en person vars namn har tagits bort',
  },
  en: {
    title: 'Certificate',
    lead: 'This is to certify that',
    completed: 'has completed the course',
    date: 'Date',
    issuer: 'Issued by',
    code: 'Verification code',
    verify: 'Verify the certificate at',
    withCode: 'with the verification code above.',
    erased: 'a person whose name has been erased',
  },
};

/**
 * A certificate of completion as a tagged PDF (headings and paragraphs in the structure tree, document
 * language and title set), so screen readers read it in order.
 */
export function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const t = texts[input.lang];
  const learnerName = input.learnerName ?? t.erased;
  const date = new Intl.DateTimeFormat(input.lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long' }).format(
    input.issuedAt,
  );
  const doc = createPdf({
    size: 'A4',
    layout: 'landscape',
    margin: 64,
    pdfVersion: '1.7',
    tagged: true,
    lang: input.lang === 'sv' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${t.title} – ${input.courseTitle} – ${learnerName}`,
      Author: input.issuer,
      Subject: input.courseTitle,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 128;
  const centred = { width, align: 'center' as const };
  const section = doc.struct('Document');
  doc.addStructure(section);
  const add = (tag: string, draw: () => void) => section.add(doc.struct(tag, {}, draw));

  doc
    .rect(32, 32, doc.page.width - 64, doc.page.height - 64)
    .lineWidth(2)
    .strokeColor('#0062ba')
    .stroke();
  doc.moveDown(2);
  add('H1', () => doc.font(pdfFont.bold).fontSize(36).fillColor('#00244e').text(t.title, 64, 110, centred));
  add('P', () => doc.font(pdfFont.regular).fontSize(16).fillColor('#222222').text(t.lead, 64, 180, centred));
  add('P', () => doc.font(pdfFont.bold).fontSize(28).text(learnerName, 64, 212, centred));
  add('P', () => doc.font(pdfFont.regular).fontSize(16).text(t.completed, 64, 262, centred));
  add('H2', () =>
    doc.font(pdfFont.bold).fontSize(22).fillColor('#00244e').text(input.courseTitle, 64, 292, centred),
  );
  add('P', () =>
    doc
      .font(pdfFont.regular)
      .fontSize(13)
      .fillColor('#222222')
      .text(`${t.date}: ${date}    ${t.issuer}: ${input.issuer}`, 64, 380, centred),
  );
  add('P', () => doc.text(`${t.code}: ${input.code}`, 64, 404, centred));
  add('P', () =>
    doc.text(`${t.verify} ${input.checkUrl} ${t.withCode}`, 64, 428, {
      ...centred,
      link: input.verifyUrl,
      underline: true,
    }),
  );
  section.end();
  doc.end();
  return done;
}
