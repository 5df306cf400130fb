import { BENCH_DOMAIN, benchEmail } from '../lib/accounts.ts';
import type { Random } from '../lib/random.ts';
import { asciiSlug, menNames, surnames, womenNames } from './names.ts';
import { registerGeneratorPart } from './registry.ts';

type Role = 'staff' | 'manager' | 'municipal_coordinator' | 'regional_coordinator' | 'national_admin';

const userColumns = [
  { name: 'id', type: 'uuid' },
  { name: 'email', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'preferred_language', type: 'text' },
  { name: 'gender', type: 'text' },
  { name: 'password_hash', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
] as const;
const membershipColumns = [
  { name: 'id', type: 'uuid' },
  { name: 'user_id', type: 'uuid' },
  { name: 'organisation_id', type: 'uuid' },
  { name: 'role', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
] as const;

const TWO_YEARS_MS = 2 * 365 * 24 * 3600_000;

registerGeneratorPart({
  name: 'people',
  description:
    'Care staff with memberships at units, managers per unit, municipal and regional coordinators, and the known bench accounts',
  after: ['units'],
  async run(ctx) {
    const rng = ctx.random('people');
    const users: unknown[][] = [];
    const memberships: unknown[][] = [];
    const epochMs = ctx.epoch.getTime();
    let seq = 0;

    const person = (r: Random) => {
      const woman = r.chance(0.82); // Most of Swedish elder-care staff are women.
      const first = woman ? r.pick(womenNames) : r.pick(menNames);
      const last = r.pick(surnames);
      return { first, last, gender: r.chance(0.1) ? 'not_stated' : woman ? 'woman' : 'man' };
    };
    const addUser = (
      r: Random,
      opts: { email?: string; domain: string; active: boolean; role: Role; orgIds: string[]; name?: string },
    ) => {
      const p = person(r);
      seq++;
      const id = r.uuid();
      const email = opts.email ?? `${asciiSlug(p.first)}.${asciiSlug(p.last)}.${seq}@${opts.domain}`;
      const createdAt = new Date(epochMs - Math.floor(r.next() * TWO_YEARS_MS));
      users.push([
        id,
        email,
        opts.name ?? `${p.first} ${p.last}`,
        r.chance(0.93) ? 'sv' : 'en',
        p.gender,
        opts.active ? ctx.passwordHash : null,
        opts.active ? 'active' : 'invited',
        createdAt,
        createdAt,
      ]);
      for (const orgId of opts.orgIds) memberships.push([r.uuid(), id, orgId, opts.role, createdAt]);
      return id;
    };

    const staffByMunicipality = ctx.state.staffByMunicipality!;
    const unitsByMunicipality = ctx.state.unitsByMunicipality!;
    for (const m of ctx.reference.municipalities) {
      const domain = `k${m.code}.${BENCH_DOMAIN}`;
      const units = unitsByMunicipality.get(m.id)!;
      const first = units[0]!;
      // Known accounts first, so they exist at every scale.
      addUser(rng, {
        email: benchEmail.coordinator(m.code),
        domain,
        active: true,
        role: 'municipal_coordinator',
        orgIds: [m.id],
        name: `Samordnare ${m.name}`,
      });
      addUser(rng, {
        email: benchEmail.manager(m.code),
        domain,
        active: true,
        role: 'manager',
        orgIds: [first.id],
        name: `Chef ${first.name}`,
      });
      addUser(rng, {
        email: benchEmail.staff(m.code),
        domain,
        active: true,
        role: 'staff',
        orgIds: [first.id],
        name: `Personal ${m.name}`,
      });

      const staff = staffByMunicipality.get(m.id)!;
      const coordinators = Math.min(12, 2 + Math.round(staff / 300));
      for (let i = 1; i < coordinators; i++) {
        addUser(rng, { domain, active: true, role: 'municipal_coordinator', orgIds: [m.id] });
      }
      units.forEach((u, i) => {
        const managers = (i === 0 ? 0 : 1) + (rng.chance(0.1) ? 1 : 0);
        for (let k = 0; k < managers; k++)
          addUser(rng, { domain, active: true, role: 'manager', orgIds: [u.id] });
      });
      for (let i = 1; i < staff; i++) {
        const unit = rng.pick(units);
        const orgIds = [unit.id];
        // Some staff work in two units (pools, nights).
        if (units.length > 1 && rng.chance(0.05)) {
          const other = rng.pick(units);
          if (other.id !== unit.id) orgIds.push(other.id);
        }
        addUser(rng, { domain, active: rng.chance(0.75), role: 'staff', orgIds });
      }
    }
    for (const region of ctx.reference.regions) {
      const domain = `r${region.countyCode}.${BENCH_DOMAIN}`;
      addUser(rng, {
        email: benchEmail.regional(region.countyCode),
        domain,
        active: true,
        role: 'regional_coordinator',
        orgIds: [region.id],
        name: `Samordnare ${region.name}`,
      });
      for (let i = 1; i < ctx.scale.regionalCoordinatorsPerRegion; i++) {
        addUser(rng, { domain, active: true, role: 'regional_coordinator', orgIds: [region.id] });
      }
    }
    addUser(rng, {
      email: benchEmail.admin(),
      domain: BENCH_DOMAIN,
      active: true,
      role: 'national_admin',
      orgIds: [ctx.reference.nation.id],
      name: 'Bench Administratör',
    });

    ctx.log(`  people: ${users.length} users, ${memberships.length} memberships`);
    await ctx.insert('users', userColumns, users);
    await ctx.insert('memberships', membershipColumns, memberships);
  },
});
