import { and, eq } from 'drizzle-orm';
import type { DocumentFields, DocumentFileExt } from '../../../shared/contracts/documents.ts';
import { inspectDocumentFile } from '../../features/documents/document-file.ts';
import type { Db } from '../client.ts';
import { documentFiles, governingDocuments, organisations } from '../schema/index.ts';
import { docxWith, odtWith, pdfWith } from './demo-files.ts';

type Owner = { kind: 'nation' | 'region' | 'municipality'; code: string };

interface DemoDocument extends Omit<DocumentFields, 'ownerOrganisationId' | 'reviewOn'> {
  owner: Owner;
  /** Months from the load date: negative means the review date has already passed. */
  reviewInMonths: number | null;
  file?: { name: string; type: DocumentFileExt; paragraphs: string[] };
}

/**
 * Governing documents around Region Dalarna at all three levels, invented but typical of the genre. The
 * regional strategy's title does not hold every word people search for: its text says "strategier" and
 * "välfärdstekniken", so a search for those forms finds it through the file. Falun's action plan is past
 * its review date, so its coordinator sees a reminder.
 */
const demoDocuments: DemoDocument[] = [
  {
    title: 'Nationell vägledning för välfärdsteknik i äldreomsorgen',
    kind: 'guideline',
    level: 'national',
    owner: { kind: 'nation', code: 'SE' },
    status: 'adopted',
    adoptedOn: '2024-05-15',
    validUntil: null,
    reviewInMonths: 18,
    focusAreas: ['etik och samtycke', 'informationssäkerhet', 'uppföljning'],
    summary: 'Stöd för kommuner som inför och följer upp digital teknik i omsorgen om äldre.',
    url: null,
    file: {
      name: 'Nationell vägledning välfärdsteknik.pdf',
      type: 'pdf',
      paragraphs: [
        'Nationell vägledning för välfärdsteknik i äldreomsorgen',
        'Vägledningen beskriver hur kommuner kan införa digitala tjänster så att den enskilde får ökad trygghet, självständighet och delaktighet.',
        'Varje insats ska bygga på en individuell bedömning och den enskildes samtycke. Behovet av tillsyn kan ofta mötas med digital nattillsyn i stället för fysiska besök.',
        'Kommunen ansvarar för informationssäkerheten och ska göra en konsekvensbedömning avseende dataskydd innan en ny tjänst tas i drift.',
      ],
    },
  },
  {
    title: 'Digital omsorg i Dalarna – gemensam inriktning 2025–2028',
    kind: 'strategy',
    level: 'regional',
    owner: { kind: 'region', code: '20' },
    status: 'adopted',
    adoptedOn: '2025-03-20',
    validUntil: '2028-12-31',
    reviewInMonths: 12,
    focusAreas: ['samverkan', 'kompetens', 'trygghet'],
    summary: 'Länets femton kommuner och regionen om hur digital teknik ska stödja äldre och personal.',
    url: null,
    file: {
      name: 'Digital omsorg i Dalarna 2025-2028.pdf',
      type: 'pdf',
      paragraphs: [
        'Digital omsorg i Dalarna – gemensam inriktning 2025–2028',
        'Dokumentet samlar kommunernas strategier för välfärdstekniken i ett gemensamt regionalt perspektiv.',
        'Målet är att fler äldre ska kunna bo tryggt hemma med stöd av digitala trygghetslarm, läkemedelsautomater och nyckelfri hemtjänst.',
        'Regionen samordnar upphandlingar, erbjuder utbildning för medarbetare och chefer och följer upp nyttan årligen.',
      ],
    },
  },
  {
    title: 'Lägesrapport: välfärdsteknik i Dalarnas kommuner 2025',
    kind: 'report',
    level: 'regional',
    owner: { kind: 'region', code: '20' },
    status: 'adopted',
    adoptedOn: '2025-11-05',
    validUntil: null,
    reviewInMonths: null,
    focusAreas: ['uppföljning'],
    summary:
      'Kartläggning av vilka tekniker som används i länets kommuner och hur många som har nytta av dem.',
    url: 'https://www.regiondalarna.se/',
  },
  {
    title: 'Handlingsplan för trygghet och tillsyn i hemmet, Falu kommun',
    kind: 'action_plan',
    level: 'local',
    owner: { kind: 'municipality', code: '2080' },
    status: 'adopted',
    adoptedOn: '2023-09-01',
    validUntil: '2026-12-31',
    reviewInMonths: -3,
    focusAreas: ['digital tillsyn', 'trygghetslarm'],
    summary: 'Åtgärder för att erbjuda digital nattillsyn och mobila trygghetslarm i hela kommunen.',
    url: null,
    file: {
      name: 'Handlingsplan trygghet Falun.docx',
      type: 'docx',
      paragraphs: [
        'Handlingsplan för trygghet och tillsyn i hemmet',
        'Under planperioden erbjuds digital nattillsyn med kamera till alla som har beslut om nattillsyn och vill ha det.',
        'Mobila trygghetslarm med positionering införs för personer som rör sig utomhus på egen hand.',
        'Hemtjänstgrupperna i Falun norr och Falun söder utser var sitt teknikombud.',
      ],
    },
  },
  {
    title: 'Riktlinje för läkemedelsautomater i hemtjänsten',
    kind: 'guideline',
    level: 'local',
    owner: { kind: 'municipality', code: '2081' },
    status: 'adopted',
    adoptedOn: '2025-01-15',
    validUntil: null,
    reviewInMonths: 10,
    focusAreas: ['läkemedel', 'självständighet'],
    summary: null,
    url: null,
    file: {
      name: 'Riktlinje läkemedelsautomater Borlänge.pdf',
      type: 'pdf',
      paragraphs: [
        'Riktlinje för läkemedelsautomater i hemtjänsten',
        'En läkemedelsautomat kan ersätta besök för läkemedelsövervakning när den enskilde själv kan ta sina läkemedel vid signal.',
        'Sjuksköterskan gör bedömningen tillsammans med den enskilde och följer upp efter fyra veckor.',
      ],
    },
  },
  {
    title: 'Policy för välfärdsteknik i Mora kommun',
    kind: 'policy',
    level: 'local',
    owner: { kind: 'municipality', code: '2062' },
    status: 'under_revision',
    adoptedOn: '2021-06-10',
    validUntil: null,
    reviewInMonths: 2,
    focusAreas: ['etik och samtycke'],
    summary: 'Kommunens principer för när och hur digital teknik används i vård och omsorg.',
    url: null,
    file: {
      name: 'Policy välfärdsteknik Mora.odt',
      type: 'odt',
      paragraphs: [
        'Policy för välfärdsteknik i Mora kommun',
        'Tekniken ska vara ett val för den enskilde, aldrig ett tvång, och ska alltid ge minst samma trygghet som ett fysiskt besök.',
        'Mora kommun prövar nya lösningar i små tester innan de införs brett.',
      ],
    },
  },
];

const makers: Record<DocumentFileExt, (paragraphs: string[]) => Promise<Buffer> | Buffer> = {
  pdf: pdfWith,
  docx: docxWith,
  odt: odtWith,
};

function monthsFromToday(months: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Loads the demo documents with real files, checked and read the same way as an upload. */
export async function loadDocumentsDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { owner, reviewInMonths, file, ...d } of demoDocuments) {
      const [org] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.kind, owner.kind), eq(organisations.code, owner.code)));
      if (!org) throw new Error(`Reference data missing ${owner.kind} ${owner.code}`);
      const inspected = file
        ? await inspectDocumentFile(await makers[file.type](file.paragraphs), file.name)
        : null;
      const [row] = await tx
        .insert(governingDocuments)
        .values({
          ...d,
          ownerOrganisationId: org.id,
          reviewOn: reviewInMonths === null ? null : monthsFromToday(reviewInMonths),
          bodyText: inspected?.text || null,
        })
        .returning({ id: governingDocuments.id });
      if (inspected) {
        await tx.insert(documentFiles).values({
          documentId: row!.id,
          fileName: inspected.fileName,
          mediaType: inspected.mediaType,
          sizeBytes: inspected.sizeBytes,
          sha256: inspected.sha256,
          content: inspected.content,
        });
      }
    }
  });
}
