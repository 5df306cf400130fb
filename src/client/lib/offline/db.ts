/**
 * The browser's own store for learning offline (IndexedDB, one small database):
 * - `content`: CourseDetail JSON of enrolled courses, per user, course and content language;
 * - `progress`: the last known "my learning" answer from the server, per user and language, and the
 *   server's latest grading of each quiz the user took on this device (`grading:<user>:<course>/<module>`);
 * - `queue`: learning statements not yet accepted by the server, keyed by their (client-made) id.
 * Everything is keyed by user id, so two people sharing a phone never see or send each other's data.
 */

const DB_NAME = 'valfardsnavet';
const DB_VERSION = 1;

export type StoreName = 'content' | 'progress' | 'queue';

let opening: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  if (!opening) {
    opening = new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') {
        reject(new Error('IndexedDB is not available'));
        return;
      }
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('content')) db.createObjectStore('content');
        if (!db.objectStoreNames.contains('progress')) db.createObjectStore('progress');
        if (!db.objectStoreNames.contains('queue')) {
          const queue = db.createObjectStore('queue', { keyPath: 'id' });
          queue.createIndex('userId', 'userId');
        }
      };
      req.onsuccess = () => {
        const db = req.result;
        // Another tab upgrading the schema: let it, and reopen on next use.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('IndexedDB upgrade blocked by another tab'));
    });
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export async function getValue<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined> {
  const db = await openDb();
  return (await done(db.transaction(store).objectStore(store).get(key))) as T | undefined;
}

/** Writes a value; `key` is omitted for stores with an inline key path (the queue). */
export async function putValue(store: StoreName, value: unknown, key?: IDBValidKey): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).put(value, key);
  await committed(tx);
}

/** Adds several values in one transaction: all or none are stored. */
export async function putAll(store: StoreName, values: unknown[]): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(store, 'readwrite');
  const os = tx.objectStore(store);
  for (const v of values) os.put(v);
  await committed(tx);
}

export async function deleteKeys(store: StoreName, keys: IDBValidKey[]): Promise<void> {
  if (!keys.length) return;
  const db = await openDb();
  const tx = db.transaction(store, 'readwrite');
  const os = tx.objectStore(store);
  for (const k of keys) os.delete(k);
  await committed(tx);
}

/** All values of the queue that belong to one user, oldest first by insertion order of `seq`. */
export async function queueOf<T>(userId: string): Promise<T[]> {
  const db = await openDb();
  const index = db.transaction('queue').objectStore('queue').index('userId');
  return (await done(index.getAll(IDBKeyRange.only(userId)))) as T[];
}
