import { useSyncExternalStore } from 'react';
import type { z } from 'zod';
import type { StatementBatchResult, StatementInput } from '../../../shared/contracts/learning.ts';
import { ApiError, api, checkedByServer } from '../api.ts';
import { deleteKeys, putAll, queueOf } from './db.ts';
import { rememberGradings, rememberRefused } from './gradings.ts';
import { type QueuedRuntimeCommit, sendRuntimeCommit } from './runtime-commits.ts';

/**
 * The persistent outbox of learning statements. Every statement is first written to IndexedDB, then
 * sent in batches; it leaves the queue only after the server has answered 200 for its batch. Because
 * each statement carries a client-made uuid that the server stores once, a batch that is sent again
 * (the answer was lost, two tabs sent it, the phone went offline mid-request) is counted once.
 * Sending happens at start, when a statement is added, when the browser comes back online, when the
 * tab becomes visible again, and on failure after a growing pause (2 s, 4 s … at most 5 min).
 * The run-time data of imported SCORM courses travels in the same outbox (runtime-commits.ts).
 */

export interface QueuedStatement {
  id: string;
  userId: string;
  /** Insertion order (time-based), so batches go oldest first. */
  seq: number;
  statement: StatementInput;
}

type QueuedItem = QueuedStatement | QueuedRuntimeCommit;
const isStatement = (q: QueuedItem): q is QueuedStatement => 'statement' in q;

export interface SyncState {
  userId: string | null;
  /** Statements of the current user waiting to be sent. */
  pending: number;
  syncing: boolean;
  online: boolean;
  /** The last attempt failed for a reason other than being offline; a retry is scheduled. */
  retrying: boolean;
  /** Statements the server refused as invalid (e.g. a lesson removed from the course); dropped. */
  rejected: number;
  lastSyncedAt: string | null;
}

export const BATCH_SIZE = 50;
const MAX_BACKOFF_MS = 5 * 60_000;

let state: SyncState = {
  userId: null,
  pending: 0,
  syncing: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  retrying: false,
  rejected: 0,
  lastSyncedAt: null,
};
let queued: QueuedItem[] = [];
let queuedStatements: QueuedStatement[] = [];
const listeners = new Set<() => void>();
const syncedListeners = new Set<() => void>();
let running: Promise<void> | null = null;
let again = false;
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let seqCounter = 0;
let listening = false;

function set(patch: Partial<SyncState>) {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function setQueue(items: QueuedItem[]) {
  queued = items.sort((a, b) => a.seq - b.seq);
  queuedStatements = queued.filter(isStatement);
  set({ pending: queued.length });
}

export function getSyncState(): SyncState {
  return state;
}

/** The statements of the current user that the server has not accepted yet (oldest first). */
export function getQueued(): readonly QueuedStatement[] {
  return queuedStatements;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called after statements were accepted by the server (to refetch progress). */
export function onSynced(listener: () => void): () => void {
  syncedListeners.add(listener);
  return () => syncedListeners.delete(listener);
}

export function useSyncState(): SyncState {
  return useSyncExternalStore(subscribe, getSyncState, getSyncState);
}

const getQueuedSnapshot = () => queuedStatements;

/** The current user's queued statements, re-rendering when the queue changes. */
export function useQueued(): readonly QueuedStatement[] {
  return useSyncExternalStore(subscribe, getQueuedSnapshot, getQueuedSnapshot);
}

function listenOnce() {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('online', () => {
    set({ online: true });
    failures = 0;
    void syncNow();
  });
  window.addEventListener('offline', () => set({ online: false }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && queued.length) void syncNow();
  });
}

/** Starts syncing for the logged-in user (or stops, for null): loads their queue and sends it. */
export async function startSync(userId: string | null): Promise<void> {
  listenOnce();
  if (state.userId === userId) return;
  set({ userId, rejected: 0, retrying: false });
  failures = 0;
  setQueue([]);
  if (!userId) return;
  try {
    const items = await queueOf<QueuedItem>(userId);
    if (state.userId === userId) {
      const known = new Set(queued.map((q) => q.id));
      setQueue([...queued, ...items.filter((i) => !known.has(i.id))]);
    }
  } catch {
    // No IndexedDB (private mode in some browsers): the queue lives in memory only.
  }
  void syncNow();
}

/** Puts statements in the outbox (IndexedDB first, then memory) and tries to send them. */
export async function enqueue(statements: StatementInput[]): Promise<void> {
  const userId = state.userId;
  if (!userId) throw new Error('enqueue before startSync');
  const base = Date.now() * 1000;
  const items = statements.map((statement) => ({
    id: statement.id,
    userId,
    seq: base + (seqCounter++ % 1000),
    statement,
  }));
  try {
    await putAll('queue', items);
  } catch {
    // Kept in memory; still sent while the page stays open.
  }
  setQueue([...queued, ...items]);
  void syncNow();
}

/**
 * Puts an imported course's run-time data in the outbox. Each commit carries all of the attempt's data,
 * so it replaces the one still waiting for the same attempt; the server takes each number once.
 */
export async function enqueueRuntime(runtime: QueuedRuntimeCommit['runtime']): Promise<void> {
  const userId = state.userId;
  if (!userId) throw new Error('enqueueRuntime before startSync');
  const { enrolmentId, moduleKey, commit } = runtime;
  const item: QueuedRuntimeCommit = {
    id: `scorm:${enrolmentId}/${moduleKey}/${commit.attempt}`,
    userId,
    seq: Date.now() * 1000 + (seqCounter++ % 1000),
    runtime,
  };
  // Memory first, at once: a send finishing meanwhile sees the newer commit and leaves it queued.
  setQueue([...queued.filter((q) => q.id !== item.id), item]);
  try {
    await putAll('queue', [item]);
  } catch {
    // Kept in memory; still sent while the page stays open.
  }
  void syncNow();
}

async function remove(ids: string[]) {
  const gone = new Set(ids);
  try {
    await deleteKeys('queue', ids);
  } catch {
    // Memory only.
  }
  setQueue(queued.filter((q) => !gone.has(q.id)));
}

function scheduleRetry() {
  if (retryTimer) clearTimeout(retryTimer);
  failures++;
  const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures) * (0.75 + Math.random() * 0.5);
  set({ retrying: true });
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void syncNow();
  }, delay);
}

/** Sends statements; the server's grading of any quiz attempt among them is kept for the quiz page. */
async function send(userId: string, statements: StatementInput[]) {
  const result = await api.post(
    '/learning-records',
    checkedByServer<z.infer<typeof StatementBatchResult>>(),
    { statements },
  );
  await rememberGradings(userId, result.graded);
  return result;
}

/**
 * A refusal of the statements themselves (not of the connection): retrying the same would not help.
 * 409: the id is already stored with other content.
 */
function isRefusal(err: unknown): boolean {
  return (
    err instanceof ApiError &&
    (err.status === 400 || err.status === 403 || err.status === 409 || err.status === 422)
  );
}

/** Sends the queue now (batches of 50); a call while sending makes one more round afterwards. */
export function syncNow(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await drain();
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

async function drain() {
  const userId = state.userId;
  if (!userId || !queued.length) return;
  if (typeof navigator !== 'undefined' && !navigator.onLine) {
    set({ online: false });
    return;
  }
  if (retryTimer) {
    clearTimeout(retryTimer);
    retryTimer = null;
  }
  set({ syncing: true, online: true });
  let sent = false;
  try {
    try {
      sent = await sendRuntimeCommits(userId);
      sent = (await sendStatements(userId)) || sent;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        // Logged out elsewhere: keep everything until this user logs in again.
        set({ retrying: false });
        return;
      }
      if (err instanceof ApiError && err.status === 0) set({ online: navigator.onLine });
      scheduleRetry();
      return;
    }
    failures = 0;
    set({ retrying: false, lastSyncedAt: new Date().toISOString() });
  } finally {
    set({ syncing: false });
    if (sent) for (const l of syncedListeners) l();
  }
}

/** Run-time commits of imported courses, one request each; true when the server took any. */
async function sendRuntimeCommits(userId: string): Promise<boolean> {
  let sent = false;
  while (state.userId === userId && queued.some((q) => !isStatement(q))) {
    const q = queued.find((x): x is QueuedRuntimeCommit => !isStatement(x))!;
    if (await sendRuntimeCommit(q)) sent = true;
    else set({ rejected: state.rejected + 1 });
    // A newer commit of the same attempt may have replaced this one while it was on its way.
    const now = queued.find((x) => x.id === q.id);
    if (now && !isStatement(now) && now.runtime.commit.seq === q.runtime.commit.seq) await remove([q.id]);
  }
  return sent;
}

/** Lesson statements in batches; true when the server took any. */
async function sendStatements(userId: string): Promise<boolean> {
  let sent = false;
  while (state.userId === userId && queuedStatements.length) {
    const batch = queuedStatements.slice(0, BATCH_SIZE);
    try {
      await send(
        userId,
        batch.map((q) => q.statement),
      );
      await remove(batch.map((q) => q.id));
      sent = true;
    } catch (err) {
      // The server refuses a batch as a whole when one statement is invalid: find it, keep the rest.
      if (!isRefusal(err)) throw err;
      sent = (await sendOneByOne(userId, batch)) || sent;
    }
  }
  return sent;
}

async function sendOneByOne(userId: string, batch: QueuedStatement[]): Promise<boolean> {
  let sent = false;
  for (const q of batch) {
    try {
      await send(userId, [q.statement]);
      await remove([q.id]);
      sent = true;
    } catch (err) {
      if (!isRefusal(err)) throw err;
      await remove([q.id]);
      rememberRefused(q.statement.id);
      set({ rejected: state.rejected + 1 });
    }
  }
  return sent;
}
