// The HTTP surface: /graphql (graphql-yoga, with GraphiQL), /health (alive, and whether Neo4j answers),
// /ready (Neo4j answers and the graph is loaded) and the explorer's static files at /. It keeps no
// state between requests, so several instances can run behind a load balancer.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Database } from '../db.ts';
import type { CskgYoga } from '../graphql/yoga.ts';
import { readGraphStats } from '../graph/stats.ts';

export interface AppOptions {
  readonly yoga: CskgYoga;
  readonly db: Database;
  /** folder of the built explorer (web/dist); a placeholder page is served while it is missing */
  readonly webDir: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function createRequestListener({ yoga, db, webDir }: AppOptions) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql' || url.pathname.startsWith('/graphql/')) {
      return yoga(request, response);
    }
    if (url.pathname === '/health') {
      const neo4j = await db.verify().then(
        () => 'up',
        () => 'down',
      );
      return sendJson(response, 200, { status: 'ok', neo4j });
    }
    if (url.pathname === '/ready') {
      try {
        const stats = await readGraphStats(db);
        const ready = stats.loadedAt !== null && stats.entities > 0;
        return sendJson(response, ready ? 200 : 503, {
          status: ready ? 'ready' : 'not-loaded',
          neo4j: 'up',
          entities: stats.entities,
          loadedAt: stats.loadedAt,
        });
      } catch {
        return sendJson(response, 503, { status: 'unavailable', neo4j: 'down' });
      }
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 405, { error: `${request.method} is not allowed on ${url.pathname}` });
    }
    return serveStatic(webDir, url.pathname, response);
  };
}

function serveStatic(webDir: string, pathname: string, response: ServerResponse) {
  const root = path.resolve(webDir);
  let file = path.resolve(root, '.' + decodeURIComponent(pathname));
  if (!file.startsWith(root + path.sep) && file !== root)
    return sendJson(response, 404, { error: 'not found' });
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) {
    // Unknown paths without an extension are explorer routes: answer with the page itself.
    if (path.extname(pathname) !== '') return sendJson(response, 404, { error: `${pathname} not found` });
    file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) return sendPlaceholder(response);
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    'x-content-type-options': 'nosniff',
  });
  fs.createReadStream(file).pipe(response);
}

function sendPlaceholder(response: ServerResponse) {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(
    '<!doctype html><meta charset="utf-8"><title>cskg</title><h1>cskg</h1>' +
      '<p>The explorer is not built yet (npm run build:web). GraphQL: <a href="/graphql">/graphql</a></p>',
  );
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}
