// Closed-loop load: `concurrency` clients, each asking its next question as soon as the previous answer
// is in, for a fixed time. run.ts measures the three targets in turns (short slices, rotating order) so a
// change in the machine's background load falls on all three alike. Latencies are kept exactly (performance.now, no histogram buckets), because
// on a graph this small the answers take a few milliseconds and a 1 ms bucket would blur the ratios.
// The HTTP client is node:http with a keep-alive agent, one socket per client, as autocannon does.
import http from 'node:http';
import type { GraphQLRequest, SendGraphQL } from './operations.ts';

export interface LoadResult {
  /** questions answered */
  readonly answered: number;
  /** questions that failed (an HTTP status other than 200, GraphQL errors, a driver error) */
  readonly failed: number;
  readonly firstError: string | null;
  readonly seconds: number;
  /** answered per second */
  readonly rate: number;
  /** milliseconds */
  readonly p50: number;
  readonly p99: number;
}

/** What one stretch of load measured: every latency (ms), the failures and the time it took. */
export interface LoadSample {
  readonly latencies: number[];
  readonly failed: number;
  readonly firstError: string | null;
  readonly seconds: number;
}

/** Runs `ask(client, n)` in `concurrency` loops for `seconds`; n counts the questions of each client. */
export async function closedLoop(
  ask: (client: number, n: number) => Promise<unknown>,
  options: { concurrency: number; seconds: number },
): Promise<LoadSample> {
  const latencies: number[] = [];
  let failed = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const client = async (id: number) => {
    for (let n = 0; performance.now() < deadline; n += 1) {
      const t0 = performance.now();
      try {
        await ask(id, n);
        latencies.push(performance.now() - t0);
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, id) => client(id)));
  return { latencies, failed, firstError, seconds: (performance.now() - started) / 1000 };
}

/** Several samples of the same load (taken in turns with other targets) as one result. */
export function summarise(samples: readonly LoadSample[]): LoadResult {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, s) => sum + s.seconds, 0);
  return {
    answered: latencies.length,
    failed: samples.reduce((sum, s) => sum + s.failed, 0),
    firstError: samples.find((s) => s.firstError)?.firstError ?? null,
    seconds,
    rate: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

export interface GraphQLClient {
  send: SendGraphQL;
  /** the `extensions` of the last response (cskg puts its statement count there) */
  lastExtensions(): Record<string, unknown> | undefined;
  close(): void;
}

/** POSTs GraphQL requests as JSON to `url` over kept-alive connections. */
export function graphqlClient(url: string, sockets: number): GraphQLClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const target = new URL(url);
  let extensions: Record<string, unknown> | undefined;
  const attempt = (request: GraphQLRequest, retry: boolean): Promise<unknown> =>
    new Promise<unknown>((resolve, reject) => {
      const body = Buffer.from(JSON.stringify(request));
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            'content-length': body.length,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              const json = JSON.parse(text) as {
                data?: unknown;
                errors?: unknown[];
                extensions?: Record<string, unknown>;
              };
              extensions = json.extensions;
              if (res.statusCode !== 200 || json.errors) {
                reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
              } else resolve(json.data);
            } catch {
              reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
            }
          });
          res.on('error', reject);
        },
      );
      // A kept-alive socket the server closed while it sat idle (between turns) fails on reuse; like
      // browsers, try such a request once more on a new socket (Node's documented reusedSocket pattern).
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (
          retry &&
          req.reusedSocket &&
          (error.code === 'ECONNRESET' || error.message === 'socket hang up')
        ) {
          attempt(request, false).then(resolve, reject);
        } else reject(error);
      });
      req.end(body);
    });
  const send = (request: GraphQLRequest) => attempt(request, true);
  return { send, lastExtensions: () => extensions, close: () => agent.destroy() };
}
