import { requirementCategories } from '../../src/shared/contracts/requirements.ts';
import { registerGeneratorPart } from './registry.ts';

/**
 * Issue 17's requirements library at national scale: 5,000 requirements owned by regions and
 * municipalities, a tenth with a second version, each with one or two technologies; lessons on some;
 * and one specification of 40 requirements per region, so "used in N" has something to count.
 */
const REQUIREMENTS = 5_000;

const col = (name: string, type: string) => ({ name, type });
const requirementColumns = [
  col('id', 'uuid'),
  col('owner_organisation_id', 'uuid'),
  col('current_version', 'int2'),
  col('created_at', 'timestamptz'),
  col('updated_at', 'timestamptz'),
] as const;
const versionColumns = [
  col('requirement_id', 'uuid'),
  col('version', 'int2'),
  col('text_sv', 'text'),
  col('level', 'text'),
  col('category', 'text'),
  col('source', 'text'),
  col('created_at', 'timestamptz'),
] as const;
const technologyColumns = [col('requirement_id', 'uuid'), col('technology_id', 'uuid')] as const;
const lessonColumns = [
  col('requirement_id', 'uuid'),
  col('version', 'int2'),
  col('organisation_id', 'uuid'),
  col('rating', 'text'),
  col('body', 'text'),
] as const;
const specColumns = [
  col('id', 'uuid'),
  col('owner_organisation_id', 'uuid'),
  col('technology_id', 'uuid'),
  col('title', 'text'),
  col('introduction', 'text'),
] as const;
const itemColumns = [
  col('specification_id', 'uuid'),
  col('position', 'int4'),
  col('requirement_id', 'uuid'),
  col('version', 'int2'),
  col('level', 'text'),
] as const;

/** Subjects and demands combined into plain Swedish requirements, so the search has real words to stem. */
const SUBJECTS = [
  'Trygghetslarmet',
  'Larmknappen',
  'Kameran för nattillsyn',
  'Läkemedelsautomaten',
  'Det digitala låset',
  'Systemet för larmmottagning',
  'Appen för personalen',
  'Sensorn för fallupptäckt',
] as const;
const DEMANDS = [
  'ska skicka larm över mobilnätet inom 30 sekunder',
  'ska logga vem som har öppnat, tittat eller kvitterat',
  'ska kunna exportera all historik i ett öppet format när avtalet upphör',
  'ska följa SS 91000 och kunna ta emot larm från andra fabrikat',
  'bör ha reservström som räcker ett dygn vid strömavbrott',
  'bör kunna användas med skärmläsare och stor text',
  'ska behandla personuppgifter inom EU/EES',
  'bör tas tillbaka och återvinnas av leverantören',
  'ska ha support på svenska alla dagar',
  'bör gå att montera utan att dörren byts',
] as const;
const RATINGS = ['worked', 'partly', 'did_not_work'] as const;

const daysBefore = (epoch: Date, days: number) => new Date(epoch.getTime() - days * 86_400_000);

registerGeneratorPart({
  name: 'requirements',
  description: `Requirements library: ${REQUIREMENTS.toLocaleString('en')} requirements (10 % with two versions), lessons, a 40-row specification per region`,
  after: ['units', 'mapping'],
  async run(ctx) {
    const rng = ctx.random('requirements');
    const { municipalities, regions } = ctx.reference;
    const owners = [...regions, ...municipalities];
    const technologies = await ctx.query<{ id: string }>('select id from technologies order by sort_order');
    const requirements: unknown[][] = [];
    const versions: unknown[][] = [];
    const techs: unknown[][] = [];
    const lessons: unknown[][] = [];
    const made: { id: string; version: number; level: string }[] = [];
    for (let n = 0; n < REQUIREMENTS; n++) {
      const id = rng.uuid();
      const owner = rng.pick(owners);
      const created = daysBefore(ctx.epoch, rng.int(1, 1500));
      const twoVersions = rng.chance(0.1);
      const subject = rng.pick(SUBJECTS);
      const demand = rng.pick(DEMANDS);
      const level = demand.startsWith('bör') ? 'should' : 'must';
      const category = rng.pick(requirementCategories);
      const source = `Upphandling ${owner.name} ${2018 + rng.int(0, 8)}`;
      requirements.push([id, owner.id, twoVersions ? 2 : 1, created, created]);
      versions.push([id, 1, `${subject} ${demand}.`, level, category, source, created]);
      if (twoVersions)
        versions.push([id, 2, `${subject} ${demand}, även i glesbygd.`, level, category, source, created]);
      const chosen = new Set([rng.pick(technologies).id]);
      if (rng.chance(0.3)) chosen.add(rng.pick(technologies).id);
      for (const t of chosen) techs.push([id, t]);
      if (rng.chance(0.1))
        lessons.push([
          id,
          1,
          rng.pick(municipalities).id,
          rng.pick(RATINGS),
          'Kravet gick att följa upp i avtalet.',
        ]);
      made.push({ id, version: twoVersions ? 2 : 1, level });
    }
    await ctx.insert('requirements', requirementColumns, requirements);
    await ctx.insert('requirement_versions', versionColumns, versions);
    await ctx.insert('requirement_technologies', technologyColumns, techs);
    await ctx.insert('requirement_lessons', lessonColumns, lessons);

    const specs: unknown[][] = [];
    const items: unknown[][] = [];
    for (const r of regions) {
      const id = rng.uuid();
      specs.push([
        id,
        r.id,
        rng.pick(technologies).id,
        `Kravspecifikation ${r.name}`,
        'Gemensam upphandling.',
      ]);
      const rows = new Set<number>();
      while (rows.size < Math.min(40, made.length)) rows.add(rng.int(0, made.length - 1));
      [...rows].forEach((n, position) => {
        const m = made[n]!;
        items.push([id, position + 1, m.id, m.version, m.level]);
      });
    }
    await ctx.insert('requirement_specifications', specColumns, specs);
    await ctx.insert('requirement_specification_items', itemColumns, items);
    ctx.log(
      `    ${REQUIREMENTS.toLocaleString('en')} requirements, ${lessons.length} lessons, ${specs.length} specifications`,
    );
  },
});
