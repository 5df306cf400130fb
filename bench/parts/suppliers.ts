import { withCheckDigit } from '../../src/shared/contracts/suppliers.ts';
import { registerGeneratorPart } from './registry.ts';

/**
 * Issue 17's national supplier register: 300 invented suppliers at national scale (fewer for a region
 * or the small set), each with a contact, one to three technologies and one to four products.
 */
const SUPPLIERS: Record<string, number> = { national: 300, region: 100, small: 30 };

const col = (name: string, type: string) => ({ name, type });
const supplierColumns = [
  col('id', 'uuid'),
  col('name', 'text'),
  col('org_number', 'text'),
  col('website', 'text'),
] as const;
const contactColumns = [
  col('supplier_id', 'uuid'),
  col('name', 'text'),
  col('role', 'text'),
  col('email', 'text'),
  col('phone', 'text'),
] as const;
const supplierTechnologyColumns = [col('supplier_id', 'uuid'), col('technology_id', 'uuid')] as const;
const productColumns = [
  col('id', 'uuid'),
  col('supplier_id', 'uuid'),
  col('name', 'text'),
  col('interoperability', 'text'),
] as const;
const productTechnologyColumns = [col('product_id', 'uuid'), col('technology_id', 'uuid')] as const;

const FIRST = [
  'Exempel',
  'Påhitt',
  'Låtsas',
  'Test',
  'Prov',
  'Demo',
  'Fantasi',
  'Sken',
  'Övnings',
  'Modell',
] as const;
const SECOND = [
  'Trygghet',
  'Omsorg',
  'Teknik',
  'Larm',
  'Hälsa',
  'Välfärd',
  'Hemtjänst',
  'Vård',
  'Natt',
  'Lås',
] as const;
const FORM = ['AB', 'Sverige AB', 'Nordic AB', 'Norr AB', 'Syd AB'] as const;
const PRODUCT = ['Larm', 'Kamera', 'Dosa', 'Lås', 'Sensor', 'Platta', 'Klocka'] as const;

registerGeneratorPart({
  name: 'suppliers',
  description:
    'The national supplier register: 300 suppliers (national) with contacts, technologies and products',
  after: ['mapping'],
  async run(ctx) {
    const rng = ctx.random('suppliers');
    const count = SUPPLIERS[ctx.scale.name] ?? 30;
    const technologies = await ctx.query<{ id: string }>('select id from technologies order by sort_order');
    const suppliers: unknown[][] = [];
    const contacts: unknown[][] = [];
    const supplierTechnologies: unknown[][] = [];
    const products: unknown[][] = [];
    const productTechnologies: unknown[][] = [];
    for (let i = 0; i < count; i++) {
      const id = rng.uuid();
      // Distinct nine-digit stems, so every organisation number is unique and passes its check.
      const orgNumber = withCheckDigit(`559${String(300_000 + i).padStart(6, '0')}`);
      const name = `${rng.pick(FIRST)}${rng.pick(SECOND).toLowerCase()} ${i + 1} ${rng.pick(FORM)}`;
      suppliers.push([id, name, orgNumber, `https://www.leverantor-${i + 1}.bench.example`]);
      contacts.push([
        id,
        `Kontakt ${i + 1}`,
        'Kundansvarig',
        `kontakt@leverantor-${i + 1}.bench.example`,
        '010-000 00 00',
      ]);
      const techs = new Set<string>();
      for (let n = rng.int(1, 3); techs.size < n; ) techs.add(rng.pick(technologies).id);
      for (const t of techs) supplierTechnologies.push([id, t]);
      for (let p = rng.int(1, 4); p > 0; p--) {
        const productId = rng.uuid();
        products.push([
          productId,
          id,
          `${name.split(' ')[0]} ${rng.pick(PRODUCT)} ${p}`,
          rng.chance(0.5) ? 'Data exporteras som CSV och via REST-API.' : null,
        ]);
        productTechnologies.push([productId, rng.pick([...techs])]);
      }
    }
    await ctx.insert('suppliers', supplierColumns, suppliers);
    await ctx.insert('supplier_contacts', contactColumns, contacts);
    await ctx.insert('supplier_technologies', supplierTechnologyColumns, supplierTechnologies);
    await ctx.insert('supplier_products', productColumns, products);
    await ctx.insert('supplier_product_technologies', productTechnologyColumns, productTechnologies);
    // Standards are a text[] (bulk inserts go through unnest, which flattens arrays): set after, by id.
    await ctx.query(
      `update supplier_products set standards = (case abs(hashtext(id::text)) % 4
         when 0 then '{ss_91000}' when 1 then '{en_301_549,iso_27001}' when 2 then '{ss_91000,en_301_549}'
         else '{}' end)::text[]`,
    );
    ctx.log(`    ${suppliers.length} suppliers, ${products.length} products`);
  },
});
