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

/** Closed-loop HTTP load: `connections` keep-alive connections, each sending its next request on an answer. */
export function runLoad(plan: LoadPlan, connections: number, seconds: number): Promise<LoadStats> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statusCodes: Record<string, number> = {};
    let failed = 0;
    let next = 0;
    const instance = autocannon(
      {
        url: plan.baseUrl,
        connections,
        duration: seconds,
        timeout: 30,
        setupClient: (client) => client.setRequests(plan.requestsFor(next++)),
      },
      (err, result) => {
        if (err) return reject(err);
        latencies.sort((a, b) => a - b);
        resolve({
          connections,
          seconds: result.duration,
          requests: latencies.length,
          requestsPerSecond: latencies.length / result.duration,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errors: failed + result.errors,
          statusCodes,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode >= 400) failed++;
    });
  });
}
