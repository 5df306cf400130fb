import autocannon, { type AutocannonRequest } from 'autocannon';

export interface LoadStats {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  statusCodes: Record<string, number>;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface LoadPlan {
  baseUrl: string;
  /** The request sequence of connection `i` (each connection loops over its own sequence). */
  requestsFor(connection: number): AutocannonRequest[];
}

let instanceUrls: string[] | null = null;

/**
 * Spreads every load whose base URL is the first of `urls` over all of them, its connections shared out
 * evenly (`npm run bench -- --instances 2`); null goes back to one instance.
 */
export function spreadLoadOver(urls: string[] | null): void {
  instanceUrls = urls && urls.length > 1 ? urls : null;
}

/**
 * Closed-loop HTTP load: `connections` keep-alive connections, each sending its next request on an
 * answer; over several instances, one autocannon per instance, their latencies pooled.
 */
export async function runLoad(plan: LoadPlan, connections: number, seconds: number): Promise<LoadStats> {
  const urls = instanceUrls && plan.baseUrl === instanceUrls[0] ? instanceUrls : [plan.baseUrl];
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const state = { failed: 0, next: 0 };
  const shares = urls.map(
    (_, k) => Math.floor(connections / urls.length) + (k < connections % urls.length ? 1 : 0),
  );
  const runs = await Promise.all(
    urls
      .map((url, k) => ({ url, share: shares[k]! }))
      .filter((r) => r.share > 0)
      .map((r) => loadOne(plan, r.url, r.share, seconds, { latencies, statusCodes, state })),
  );
  latencies.sort((a, b) => a - b);
  const duration = Math.max(...runs.map((r) => r.duration));
  return {
    connections,
    seconds: duration,
    requests: latencies.length,
    requestsPerSecond: latencies.length / duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: state.failed + runs.reduce((sum, r) => sum + r.errors, 0),
    statusCodes,
  };
}

interface Collected {
  latencies: number[];
  statusCodes: Record<string, number>;
  /** Answers of 400 and above, and the next connection's number across all instances. */
  state: { failed: number; next: number };
}

function loadOne(
  plan: LoadPlan,
  url: string,
  connections: number,
  seconds: number,
  into: Collected,
): Promise<{ duration: number; errors: number }> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 30,
        setupClient: (client) => client.setRequests(plan.requestsFor(into.state.next++)),
      },
      (err, result) => (err ? reject(err) : resolve({ duration: result.duration, errors: result.errors })),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      into.latencies.push(responseTime);
      into.statusCodes[statusCode] = (into.statusCodes[statusCode] ?? 0) + 1;
      if (statusCode >= 400) into.state.failed++;
    });
  });
}
