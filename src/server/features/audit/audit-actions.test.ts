import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actions as permissions } from '../../../shared/access/index.ts';
import { auditActions, auditGroups } from '../../../shared/contracts/audit.ts';
import { en } from '../../../shared/i18n/en.ts';
import { sv } from '../../../shared/i18n/sv.ts';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, path: string[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined),
    tree,
  );

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('audit log events', () => {
  it('has a plain-language name in Swedish and English for every event the log records', () => {
    for (const [lang, messages] of [
      ['sv', sv],
      ['en', en],
    ] as const) {
      const missing = auditActions.filter((action) => {
        const name = lookup(messages as unknown as Tree, ['auditLog', 'events', ...action.split('.')]);
        return typeof name !== 'string' || name.trim() === '';
      });
      expect(missing, `${lang}.ts auditLog.events lacks`).toEqual([]);
      const groups = auditGroups.filter(
        (g) => typeof lookup(messages as unknown as Tree, ['auditLog', 'groups', g]) !== 'string',
      );
      expect(groups, `${lang}.ts auditLog.groups lacks`).toEqual([]);
    }
  });

  it('lists every action key written in the server source (recordAudit takes only listed keys)', () => {
    // Permission names look the same ('adoption.read') and appear as `action:` types: not events.
    const listed = new Set<string>([...auditActions, ...permissions]);
    const unlisted = new Set<string>();
    for (const file of sourceFiles('src/server')) {
      const text = readFileSync(file, 'utf8');
      // `action: 'x.y'` and `action: cond ? 'x.y' : 'x.z'`, the forms recordAudit is called with.
      for (const m of text.matchAll(/\baction:\s*([^,\n}]+)/g)) {
        for (const key of m[1]!.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) {
          if (!listed.has(key[1]!)) unlisted.add(key[1]!);
        }
      }
    }
    expect([...unlisted]).toEqual([]);
  });
});
