// The HTTP surface: /graphql (graphql-yoga, with GraphiQL), /health (alive, and whether Neo4j answers),
// /ready (Neo4j answers and the graph is loaded) and the explorer's static files at /. It keeps no
// state between requests, so several instances can run behind a load balancer.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { ReadOnlyDatabase } from '../../infra/database.ts';
import type { CskgYoga } from '../graphql/yoga.ts';
import { LIMITS } from '../graphql/limits.ts';
import { readReadiness } from '../../read/stats.ts';

export interface AppOptions {
  readonly yoga: CskgYoga;
  readonly db: ReadOnlyDatabase;
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

export function createRequestListener(options: AppOptions) {
  const handle = createHandler(options);
  // A failure here (a client gone mid-body, a bug) must not become an unhandled rejection, which would
  // stop the process: answer 500 if nothing was sent yet, otherwise drop the connection.
  return (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.destroy();
    });
  };
}

function createHandler({ yoga, db, webDir }: AppOptions) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql' || url.pathname.startsWith('/graphql/')) {
      return serveGraphQL(yoga, request, response, url);
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
        const readiness = await readReadiness(db);
        const ready = readiness.loadedAt !== null && readiness.entities > 0;
        return sendJson(response, ready ? 200 : 503, {
          status: ready ? 'ready' : 'not-loaded',
          neo4j: 'up',
          entities: readiness.entities,
          loadedAt: readiness.loadedAt,
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

/**
 * GraphQL requests with a body are read here first, up to LIMITS.bodyBytes (413 beyond, without reading
 * the rest), then handed to yoga with the body attached; bodiless ones (GET, GraphiQL) go to yoga directly.
 */
async function serveGraphQL(yoga: CskgYoga, request: IncomingMessage, response: ServerResponse, url: URL) {
  if (request.method !== 'POST') {
    // yoga's GET parser throws a bare SyntaxError on variables or extensions that are not JSON, which
    // would be masked as an internal error: refuse them here as the bad request they are.
    for (const param of ['variables', 'extensions']) {
      const value = url.searchParams.get(param);
      if (value !== null && !isJson(value)) {
        return sendJson(response, 400, {
          errors: [{ message: `The ${param} parameter is not JSON.`, extensions: { code: 'BAD_REQUEST' } }],
        });
      }
    }
    return yoga(request, response);
  }
  const limit = LIMITS.bodyBytes;
  const declared = Number(request.headers['content-length'] ?? 0);
  const body = declared > limit ? null : await readBody(request, limit);
  if (body === null) {
    // The connection cannot carry another request: close it. What the client is still sending is read and
    // dropped first (up to DRAIN_BYTES): closing a socket with unread bytes makes the kernel reset the
    // connection, and a reset can discard the 413 before the client reads it.
    const drained = await drainBody(request, DRAIN_BYTES);
    response.setHeader('connection', 'close');
    if (!drained) response.once('finish', () => request.socket.destroy());
    return sendJson(response, 413, {
      errors: [
        {
          message: `The request body is larger than ${limit} bytes; send a smaller query (pass long lists as variables, in several requests).`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
  }
  // Handed to yoga's own node adapter with the body already read: it takes a non-empty `body` Buffer on
  // the request as the body (@whatwg-node/server, normalizeNodeRequest) and writes its answer straight
  // to `response`, without a fetch Request built and an answer copied out of a Response here.
  if (body.length === 0) {
    return sendJson(response, 400, {
      errors: [
        { message: 'The POST body is empty; send {"query": "…"}.', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
  }
  (request as IncomingMessage & { body?: Buffer }).body = body;
  return yoga(request, response);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The whole body, or null as soon as it passes `limit` bytes (the rest is not read). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

/** Bytes of an oversized body read and dropped before the 413, so the client sees the answer. */
const DRAIN_BYTES = 16 * 2 ** 20;

/** Reads and drops the rest of `request`'s body; false when it is longer than `limit` bytes. */
function drainBody(request: IncomingMessage, limit: number): Promise<boolean> {
  if (request.complete) return Promise.resolve(true);
  if (Number(request.headers['content-length'] ?? 0) > limit) return Promise.resolve(false);
  return new Promise((resolve) => {
    let size = 0;
    const done = (drained: boolean) => {
      request.off('data', onData);
      request.pause();
      resolve(drained);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) done(false);
    };
    request.on('data', onData);
    request.once('end', () => done(true));
    request.once('error', () => done(false));
    request.resume();
  });
}

function serveStatic(webDir: string, pathname: string, response: ServerResponse) {
  const root = path.resolve(webDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return sendJson(response, 400, { error: `${pathname} is not a valid path (malformed percent-encoding)` });
  }
  let file = path.resolve(root, '.' + decoded);
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
