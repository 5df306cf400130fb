import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { serverKeys } from '../db/schema/index.ts';

const loaded = new WeakMap<Db, Map<string, Promise<string>>>();

/**
 * A random key made once per database, not per process, so every instance on one PostgreSQL computes
 * the same keyed hashes; the first instance to need it stores it and the others read it back.
 */
export function serverKey(db: Db, name: string): Promise<string> {
  let keys = loaded.get(db);
  if (!keys) {
    keys = new Map();
    loaded.set(db, keys);
  }
  let key = keys.get(name);
  if (!key) {
    key = (async () => {
      await db
        .insert(serverKeys)
        .values({ name, key: randomBytes(32).toString('base64url') })
        .onConflictDoNothing();
      const [row] = await db
        .select({ key: serverKeys.key })
        .from(serverKeys)
        .where(eq(serverKeys.name, name));
      return row!.key;
    })();
    key.catch(() => keys.delete(name));
    keys.set(name, key);
  }
  return key;
}
