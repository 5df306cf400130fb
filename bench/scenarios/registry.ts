import type { AutocannonRequest } from 'autocannon';
import type { Session } from '../lib/http.ts';
import { type LoadStats, runLoad } from '../lib/load.ts';
import type { BenchServer } from '../lib/server-process.ts';
import type { ScaleName } from '../lib/target.ts';
import type { SqlStatement } from '../server.ts';

export interface MunicipalityFixture {
  id: string;
  code: string;
  name: string;
  regionId: string;
  /** Distinct people with a membership in one of its units. */
  staff: number;
}
export interface RegionFixture {
  id: string;
  code: string;
  name: string;
}

export interface BenchContext {
  server: BenchServer;
  baseUrl: string;
  scale: ScaleName;
  connections: number;
  /** Seconds of load per scenario. */
  duration: number;
  /** Sequential runs of the SQL floor. */
  floorRuns: number;
  /** In-scope municipalities, largest first. */
  municipalities: MunicipalityFixture[];
  regions: RegionFixture[];
  /** Logged-in sessions for these e-mails (cached: each login costs an argon2id verification). */
  sessions(emails: string[]): Promise<Session[]>;
  log(line: string): void;
}

export interface Budget {
  name: string;
  limit: number;
  measured: number;
  ok: boolean;
}

export interface ScenarioResult {
  scenario: string;
  description: string;
  /** Load under `connections` concurrent connections. */
  load?: LoadStats;
  /** One connection, no concurrency: the request's own latency, compared with the SQL floor. */
  single?: LoadStats;
  floor?: { medianMs: number; p95Ms: number };
  /** single.p50 / floor.medianMs. */
  ratio?: number;
  /** Job scenarios: wall time until done. */
  job?: { rows: number; seconds: number; status: string };
  budgets: Budget[];
  notes: string[];
}

export interface Scenario {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<ScenarioResult>;
}

const scenarios = new Map<string, Scenario>();

/** The plug-in point for load scenarios: each capability registers its own. */
export function registerScenario(s: Scenario): void {
  if (scenarios.has(s.name)) throw new Error(`Scenario ${s.name} registered twice`);
  scenarios.set(s.name, s);
}
export function allScenarios(): Scenario[] {
  return [...scenarios.values()];
}

/** Budgets from the issue (PostgreSQL, national scale, this machine). */
export const READ_P95_BUDGET_MS = 50;
export const LIST_RATIO_BUDGET = 3;

/** The SQL every authenticated request needs: resolve the session cookie and the actor's memberships. */
export function sessionStatements(s: Session): SqlStatement[] {
  return [
    {
      text: `select s.id, s.last_seen_at, u.id as user_id, u.name, u.email, u.preferred_language
             from sessions s join users u on u.id = s.user_id
             where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now() and u.status = 'active'`,
      params: [s.tokenHash],
    },
    {
      text: `select m.id, m.organisation_id, o.kind, o.name, o.code, m.role
             from memberships m join organisations o on o.id = m.organisation_id where m.user_id = $1`,
      params: [s.userId],
    },
  ];
}

export interface HttpScenarioSpec {
  name: string;
  description: string;
  /** A read endpoint: p95 budget under load. */
  read: boolean;
  /** A list endpoint: API/SQL ratio budget. */
  list: boolean;
  /** Requests of connection i (it loops over them). */
  requestsFor(i: number): AutocannonRequest[];
  /** The essential SQL of one request, run directly on the database. */
  floor: SqlStatement[];
  /** Wrap each floor run in a rolled-back transaction (for writes). */
  rollback?: boolean;
  notes?: string[];
}

/** Warm-up, one connection (own latency), then `connections` (under load), then the SQL floor. */
export async function runHttpScenario(ctx: BenchContext, spec: HttpScenarioSpec): Promise<ScenarioResult> {
  const plan = { baseUrl: ctx.baseUrl, requestsFor: spec.requestsFor };
  // The smoke run (1 s per scenario) only checks that scenarios work: it skips the warm-up.
  if (ctx.duration > 1) await runLoad(plan, Math.min(ctx.connections, 8), Math.min(2, ctx.duration));
  const single = await runLoad(plan, 1, Math.min(3, ctx.duration));
  const load = await runLoad(plan, ctx.connections, ctx.duration);
  const floor = await ctx.server.floor(spec.floor, { runs: ctx.floorRuns, rollback: spec.rollback ?? false });
  const ratio = single.p50 / floor.medianMs;
  const budgets: Budget[] = [];
  if (spec.read)
    budgets.push({
      name: `p95 ≤ ${READ_P95_BUDGET_MS} ms at ${ctx.connections} conn`,
      limit: READ_P95_BUDGET_MS,
      measured: load.p95,
      ok: load.p95 <= READ_P95_BUDGET_MS,
    });
  if (spec.list)
    budgets.push({
      name: `API/SQL ≤ ${LIST_RATIO_BUDGET}`,
      limit: LIST_RATIO_BUDGET,
      measured: ratio,
      ok: ratio <= LIST_RATIO_BUDGET,
    });
  return {
    scenario: spec.name,
    description: spec.description,
    load,
    single,
    floor,
    ratio,
    budgets,
    notes: spec.notes ?? [],
  };
}

export const get = (path: string, session: Session): AutocannonRequest => ({
  method: 'GET',
  path,
  headers: { cookie: session.cookie },
});
