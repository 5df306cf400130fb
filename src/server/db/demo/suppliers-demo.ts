import { inArray } from 'drizzle-orm';
import { withCheckDigit } from '../../../shared/contracts/suppliers.ts';
import type { Db } from '../client.ts';
import {
  supplierContacts,
  supplierProducts,
  supplierProductTechnologies,
  suppliers,
  supplierTechnologies,
  technologies,
} from '../schema/index.ts';

interface DemoProduct {
  name: string;
  technologies: string[];
  standards: string[];
  interoperability?: string;
}

export interface DemoSupplier {
  /** Fixed, so that later demo data (contracts, procurements) can refer to a supplier by id. */
  id: string;
  name: string;
  /** `559xxx-xxxx`: nine invented digits completed with their check digit. */
  orgNumber: string;
  website: string;
  technologies: string[];
  contact: { name: string; role: string; email: string; phone: string };
  products: DemoProduct[];
}

const id = (n: number) => `5a1e0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const site = (slug: string) => `https://www.${slug}.example`;

const alarm = 'digital-safety-alarm';
const night = 'digital-night-supervision';
const dispenser = 'medication-dispenser';
const lock = 'digital-lock';

/**
 * Invented suppliers with obviously fictitious names, `.example` addresses and organisation numbers
 * that pass the check digit (issue 17). The last one is a duplicate entered by mistake, for the merge.
 */
export const DEMO_SUPPLIERS: readonly DemoSupplier[] = [
  {
    id: id(1),
    name: 'Exempelbolaget Trygghet AB',
    orgNumber: withCheckDigit('559100001'),
    website: site('exempelbolaget-trygghet'),
    technologies: [alarm, night],
    contact: {
      name: 'Maja Exempelsson',
      role: 'Kundansvarig offentlig sektor',
      email: 'maja@exempelbolaget-trygghet.example',
      phone: '010-100 10 01',
    },
    products: [
      {
        name: 'Trygghetslarm Exempel Hem',
        technologies: [alarm],
        standards: ['ss_91000', 'en_301_549', 'en_50134'],
        interoperability: 'Larmdata via SS 91000-protokollet; export av larmhistorik som CSV.',
      },
      {
        name: 'Exempel Nattkamera',
        technologies: [night],
        standards: ['iso_27001'],
        interoperability: 'Tillsynsloggar via REST-API.',
      },
    ],
  },
  {
    id: id(2),
    name: 'Påhittade Omsorgssystem AB',
    orgNumber: withCheckDigit('559100002'),
    website: site('pahittade-omsorgssystem'),
    technologies: [night],
    contact: {
      name: 'Olle Påhittad',
      role: 'Försäljningschef',
      email: 'olle@pahittade-omsorgssystem.example',
      phone: '010-100 10 02',
    },
    products: [
      {
        name: 'Nattöga Påhitt',
        technologies: [night],
        standards: ['iso_27001', 'en_301_549'],
        interoperability: 'HL7 FHIR-gränssnitt mot verksamhetssystemet.',
      },
    ],
  },
  {
    id: id(3),
    name: 'Dosfabriken Demo AB',
    orgNumber: withCheckDigit('559100003'),
    website: site('dosfabriken-demo'),
    technologies: [dispenser],
    contact: {
      name: 'Dana Dos',
      role: 'Kundtjänst',
      email: 'dana@dosfabriken-demo.example',
      phone: '010-100 10 03',
    },
    products: [
      {
        name: 'Dosa Demo 2',
        technologies: [dispenser],
        standards: ['iso_27001'],
        interoperability: 'Påminnelser och avvikelser exporteras som CSV.',
      },
      { name: 'Dosa Demo Mini', technologies: [dispenser], standards: [] },
    ],
  },
  {
    id: id(4),
    name: 'Låsbolaget Fiktiv AB',
    orgNumber: withCheckDigit('559100004'),
    website: site('lasbolaget-fiktiv'),
    technologies: [lock],
    contact: {
      name: 'Leo Lås',
      role: 'Projektledare',
      email: 'leo@lasbolaget-fiktiv.example',
      phone: '010-100 10 04',
    },
    products: [
      {
        name: 'Fiktivlåset Hemtjänst',
        technologies: [lock],
        standards: ['en_301_549', 'iso_27001'],
        interoperability: 'Behörigheter synkas från personalsystemet; logg exporteras som CSV.',
      },
    ],
  },
  {
    id: id(5),
    name: 'Testlarm Norr AB',
    orgNumber: withCheckDigit('559100005'),
    website: site('testlarm-norr'),
    technologies: [alarm],
    contact: {
      name: 'Nora Testlund',
      role: 'Regionansvarig',
      email: 'nora@testlarm-norr.example',
      phone: '010-100 10 05',
    },
    products: [
      { name: 'Norrlarmet Test', technologies: [alarm], standards: ['ss_91000', 'tis_digital_alarm'] },
    ],
  },
  {
    id: id(6),
    name: 'Låtsasteknik Välfärd AB',
    orgNumber: withCheckDigit('559100006'),
    website: site('latsasteknik-valfard'),
    technologies: [alarm, lock],
    contact: {
      name: 'Vera Låtsas',
      role: 'Kundansvarig',
      email: 'vera@latsasteknik-valfard.example',
      phone: '010-100 10 06',
    },
    products: [
      { name: 'Låtsaslarm Mobil', technologies: [alarm], standards: ['ss_91000'] },
      { name: 'Låtsaslås Smart', technologies: [lock], standards: ['iso_27001'] },
    ],
  },
  {
    id: id(7),
    name: 'Demonstrationsbolaget Natt AB',
    orgNumber: withCheckDigit('559100007'),
    website: site('demonstrationsbolaget-natt'),
    technologies: [night],
    contact: {
      name: 'Nils Natt',
      role: 'Support',
      email: 'nils@demonstrationsbolaget-natt.example',
      phone: '010-100 10 07',
    },
    products: [{ name: 'Natttillsyn Demo Sensor', technologies: [night], standards: ['en_301_549'] }],
  },
  {
    id: id(8),
    name: 'Exempeldos Sverige AB',
    orgNumber: withCheckDigit('559100008'),
    website: site('exempeldos-sverige'),
    technologies: [dispenser],
    contact: {
      name: 'Siv Exempeldos',
      role: 'Kundansvarig',
      email: 'siv@exempeldos-sverige.example',
      phone: '010-100 10 08',
    },
    products: [
      {
        name: 'Exempeldosan',
        technologies: [dispenser],
        standards: ['iso_27001', 'hl7_fhir'],
        interoperability: 'Läkemedelslista via HL7 FHIR.',
      },
    ],
  },
  {
    id: id(9),
    name: 'Fantasilås Nordic AB',
    orgNumber: withCheckDigit('559100009'),
    website: site('fantasilas-nordic'),
    technologies: [lock],
    contact: {
      name: 'Frida Fantasi',
      role: 'Säljare',
      email: 'frida@fantasilas-nordic.example',
      phone: '010-100 10 09',
    },
    products: [{ name: 'Fantasilåset', technologies: [lock], standards: [] }],
  },
  {
    id: id(10),
    name: 'Provlarm Mitt AB',
    orgNumber: withCheckDigit('559100010'),
    website: site('provlarm-mitt'),
    technologies: [alarm, night],
    contact: {
      name: 'Mats Prov',
      role: 'Kundansvarig',
      email: 'mats@provlarm-mitt.example',
      phone: '010-100 10 10',
    },
    products: [{ name: 'Provlarm Hem', technologies: [alarm], standards: ['ss_91000', 'en_50134'] }],
  },
  {
    id: id(11),
    name: 'Skenbolaget Omsorg AB',
    orgNumber: withCheckDigit('559100011'),
    website: site('skenbolaget-omsorg'),
    technologies: [dispenser, lock],
    contact: {
      name: 'Sam Sken',
      role: 'Affärsområdeschef',
      email: 'sam@skenbolaget-omsorg.example',
      phone: '010-100 10 11',
    },
    products: [{ name: 'Skendosan', technologies: [dispenser], standards: [] }],
  },
  {
    id: id(12),
    name: 'Exempelbolaget Trygghet (dubblett)',
    orgNumber: withCheckDigit('559100012'),
    website: site('exempelbolaget-trygghet'),
    technologies: [alarm],
    contact: {
      name: 'Maja Exempelsson',
      role: 'Kundansvarig',
      email: 'maja.e@exempelbolaget-trygghet.example',
      phone: '010-100 10 12',
    },
    products: [{ name: 'Trygghetslarm Exempel Bas', technologies: [alarm], standards: ['ss_91000'] }],
  },
];

/** The demo suppliers with their contact, technologies and products. */
export async function loadSuppliersDemo(db: Db): Promise<void> {
  const keys = [
    ...new Set(
      DEMO_SUPPLIERS.flatMap((s) => [...s.technologies, ...s.products.flatMap((p) => p.technologies)]),
    ),
  ];
  const rows = await db
    .select({ id: technologies.id, key: technologies.key })
    .from(technologies)
    .where(inArray(technologies.key, keys));
  const technologyId = new Map(rows.map((r) => [r.key, r.id]));
  const idOf = (key: string) => {
    const found = technologyId.get(key);
    if (!found) throw new Error(`Reference data missing technology ${key}`);
    return found;
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(suppliers)
      .values(
        DEMO_SUPPLIERS.map((s) => ({ id: s.id, name: s.name, orgNumber: s.orgNumber, website: s.website })),
      );
    await tx.insert(supplierContacts).values(DEMO_SUPPLIERS.map((s) => ({ supplierId: s.id, ...s.contact })));
    await tx
      .insert(supplierTechnologies)
      .values(
        DEMO_SUPPLIERS.flatMap((s) =>
          s.technologies.map((k) => ({ supplierId: s.id, technologyId: idOf(k) })),
        ),
      );
    for (const s of DEMO_SUPPLIERS) {
      for (const p of s.products) {
        const [row] = await tx
          .insert(supplierProducts)
          .values({
            supplierId: s.id,
            name: p.name,
            standards: p.standards,
            interoperability: p.interoperability ?? null,
          })
          .returning({ id: supplierProducts.id });
        if (p.technologies.length)
          await tx
            .insert(supplierProductTechnologies)
            .values(p.technologies.map((k) => ({ productId: row!.id, technologyId: idOf(k) })));
      }
    }
  });
}
