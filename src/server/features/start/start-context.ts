import type { Db } from '../../db/client.ts';
import type { RequestActor } from '../../plugins/session.ts';
import type { TeamRow } from './start.repo.ts';

/** What every part of the start page reads from: the person, today in Sweden, and reads shared by parts. */
export interface StartContext {
  db: Db;
  actor: RequestActor;
  /** Today's date in Sweden, `YYYY-MM-DD`. */
  today: string;
  /** The manager's units' learning progress, read once for both the to-do list and the figures. */
  team: () => Promise<TeamRow[]>;
}
