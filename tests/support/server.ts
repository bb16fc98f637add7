// A real HTTP server (the same request listener `npm start` uses) on a free port, for contract tests.
import http from 'node:http';
import type { ReadOnlyDatabase } from '../../src/infra/database.ts';
import { createRequestListener } from '../../src/api/http/app.ts';
import { listen } from '../../src/api/http/listen.ts';
import { createCskgYoga } from '../../src/api/graphql/yoga.ts';
import { createLogger } from '../../src/infra/log.ts';

export interface TestServer {
  readonly url: string;
  graphql<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: GraphQLBody<T> }>;
  close(): Promise<void>;
}

export interface GraphQLBody<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string }; path?: unknown[] }[];
  /** what the request cost (statements) and, when a limit cut a list that cannot say so, `truncation` */
  extensions?: { statements?: number; truncation?: unknown[] };
}

export async function startTestServer(
  db: ReadOnlyDatabase,
  options: { webDir?: string; development?: boolean } = {},
): Promise<TestServer> {
  const logger = createLogger('silent', 'test');
  const yoga = createCskgYoga({ db, logger, development: options.development ?? false });
  const server = http.createServer(
    createRequestListener({ yoga, db, webDir: options.webDir ?? '/nonexistent' }),
  );
  const port = await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody<T> };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
