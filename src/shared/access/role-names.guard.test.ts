import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roles } from '../contracts/people.ts';

/**
 * Who may do what is decided in `src/shared/access` (the permission matrix, `authorize`, `scopeFor`,
 * `isNationalAdmin`, …). A service, repository, route or screen that compares role names decides it a
 * second time, and the two drift apart. This test fails on such a comparison anywhere in the server or
 * the client, except in the places listed below where a role name is data.
 */

const root = join(import.meta.dirname, '../../..');
const scanned = ['src/server', 'src/client'];

/** Places where a role name is data, not a decision. */
const roleNamesAreData: { path: RegExp; line?: RegExp; why: string }[] = [
  { path: /^src\/server\/db\/schema\//, why: 'the column’s enum' },
  { path: /^src\/server\/db\/demo\//, why: 'demo people and their roles' },
  { path: /^src\/server\/db\/migrations\//, why: 'generated SQL' },
  {
    path: /^src\/server\/cli\/create-admin\.ts$/,
    why: 'creates a national administrator: the role it writes',
  },
  { path: /^src\/server\/features\/imports\/staff-csv\.ts$/, why: 'role words of an imported file' },
  {
    path: /^src\/server\/features\/reports\/reports\.repo\.ts$/,
    line: /\brole = 'manager'/,
    why: 'the learning reports break figures down by placement role, staff or manager',
  },
];

const names = roles.join('|');
const patterns: { name: string; re: RegExp }[] = [
  { name: 'role compared with a name', re: /\brole\s*(?:[!=]==?|<>)\s*['"`]/ },
  { name: 'name compared with a role', re: /['"`]\s*(?:[!=]==?|<>)\s*[\w.?]*\brole\b/ },
  { name: 'role compared with a name (SQL)', re: new RegExp(`\\brole\\s*=\\s*'(?:${names})'`) },
  { name: 'role in a list (SQL)', re: /\brole\s+(?:not\s+)?in\s*\(\s*'/i },
  { name: 'role compared in a query', re: /\b(?:eq|ne)\(\s*[\w.]*\.role\s*,\s*['"`]/ },
  {
    name: 'role in a literal list in a query',
    re: /\b(?:notInArray|inArray)\(\s*[\w.]*\.role\s*,\s*\[\s*['"`]/,
  },
  { name: 'role looked up in a local set or list', re: /\.(?:has|includes)\(\s*[\w.?]*\.role\s*\)/ },
  {
    name: 'role name looked up in a list',
    re: new RegExp(`\\.includes\\(\\s*['"\`](?:${names})['"\`]\\s*\\)`),
  },
  { name: 'role name in a switch', re: new RegExp(`\\bcase\\s+['"\`](?:${names})['"\`]\\s*:`) },
  {
    name: 'role name used by a service',
    re: /['"`](?:national_admin|regional_coordinator|municipal_coordinator)['"`]/,
  },
];

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(path);
    if (!/\.tsx?$/.test(e.name) || /\.(test|spec|fixtures)\.tsx?$/.test(e.name)) return [];
    return [path];
  });
}

/** Each offending line as `path:line: pattern: code`. */
function roleNameComparisons(
  paths: readonly string[],
  read = (p: string) => readFileSync(join(root, p), 'utf8'),
) {
  const found: string[] = [];
  for (const path of paths) {
    const data = roleNamesAreData.filter((a) => a.path.test(path));
    if (data.some((a) => !a.line)) continue;
    read(path)
      .split('\n')
      .forEach((line, i) => {
        const code = line.trim();
        if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
        if (data.some((a) => a.line?.test(code))) return;
        const p = patterns.find((x) => x.re.test(code));
        if (p) found.push(`${path}:${i + 1}: ${p.name}: ${code}`);
      });
  }
  return found;
}

describe('role names', () => {
  it('are compared only in src/shared/access and where they are data', () => {
    const files = scanned.flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    expect(roleNameComparisons(files)).toEqual([]);
  });

  it('catches the comparisons it is meant to catch', () => {
    const offending = [
      "if (actor.memberships.some((m) => m.role === 'national_admin')) return;",
      "orgIds = actor.memberships.filter((m) => m.role !== 'staff');",
      "const units = me.memberships.filter((m) => 'manager' === m.role);",
      "where m.user_id = any($1) and m.role in ('staff', 'manager')",
      "case when bool_or(m.role = 'manager') then 1 end",
      "eq(memberships.role, 'municipal_coordinator'),",
      "inArray(memberships.role, ['staff', 'manager'])",
      'const orgs = me.memberships.filter((m) => ENROLLING_ROLES.has(m.role));',
      "if (roles.includes('staff')) return;",
      "case 'regional_coordinator':",
      "const admin = { role: 'national_admin' };",
    ];
    const found = roleNameComparisons(['src/server/features/x/x.service.ts'], () => offending.join('\n'));
    expect(found.map((f) => Number(f.split(':')[1]))).toEqual(offending.map((_, i) => i + 1));
  });

  it('leaves the shared rules, data and comments alone', () => {
    const fine = [
      "const scope = scopeFor(actor, 'initiative.read');",
      'if (isNationalAdmin(actor)) return undefined;',
      "inArray(memberships.role, rolesAllowing('assessment.answer'))",
      'inArray(memberships.role, [...placementRoles])',
      `and m.role in (\${placementRoleList()})`,
      "// m.role === 'staff' was the old test",
      "const track = 'staff';",
    ];
    expect(roleNameComparisons(['src/client/features/x/X.tsx'], () => fine.join('\n'))).toEqual([]);
    expect(
      roleNameComparisons(['src/server/db/demo/demo-people.ts'], () => "account('admin', 'national_admin')"),
    ).toEqual([]);
  });
});
