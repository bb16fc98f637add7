// Hostile input over real HTTP: deep and wide documents, alias and directive floods, huge lists, malformed
// JSON and variables, Cypher-injection strings in every string argument, oversized bodies, cross-site
// requests. Every answer is a 4xx or a GraphQL error with a code — never a 500, never a stack trace or a
// driver message — and nothing in the database changes. Also: suggestions only in development, masked
// unexpected errors, /health and /ready.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/infra/database.ts';
import { LIMITS } from '../../src/api/graphql/limits.ts';
import { createCskgYoga, CSRF_HEADER } from '../../src/api/graphql/yoga.ts';
import { createLogger } from '../../src/infra/log.ts';
import { connectTestDatabase } from '../support/neo4j.ts';
import { ensurePlanLoaded } from '../support/plan.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: Database;
let server: TestServer;
let before: Fingerprint;

/** What would change if anything wrote: node and relationship counts, every label and type, the load stamp. */
interface Fingerprint {
  nodes: number;
  relationships: number;
  labels: string[];
  types: string[];
  stamp: unknown;
}

async function fingerprint(): Promise<Fingerprint> {
  const [row] = await db.read({
    cypher: /* Cypher */ `
      RETURN
        COUNT { MATCH (n) } AS nodes,
        COUNT { MATCH ()-[r]->() } AS relationships,
        COLLECT { MATCH (n) UNWIND labels(n) AS label RETURN DISTINCT label ORDER BY label } AS labels,
        COLLECT { MATCH ()-[r]->() RETURN DISTINCT type(r) AS type ORDER BY type } AS types,
        COLLECT { MATCH (m:Meta {key: 'graph'}) RETURN m { .dataHash, .loadedAt, .entityCount, .relationCount } }[0] AS stamp`,
  });
  return row as unknown as Fingerprint;
}

beforeAll(async () => {
  db = connectTestDatabase();
  await ensurePlanLoaded(db);
  server = await startTestServer(db);
  before = await fingerprint();
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

interface Answer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } | null;
}

async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body,
  });
  const text = await response.text();
  let parsed: Answer['body'] = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: response.status, text, body: parsed };
}

const postQuery = (query: string, variables?: unknown) => post(JSON.stringify({ query, variables }));

/** A refusal: 4xx or 200 with errors, each error with a code and no internals in the whole answer. */
function expectCleanRefusal(answer: Answer, code?: string) {
  expect(answer.status, answer.text).toBeLessThan(500);
  expect(answer.body?.errors?.length, answer.text).toBeGreaterThan(0);
  expectNoInternals(answer.text);
  if (code) expect(answer.body!.errors!.map((e) => e.extensions?.code)).toContain(code);
}

function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\bat .+\.(ts|js|mjs|cjs):\d+/); // stack frames
  expect(text).not.toMatch(/Neo4jError|neo4j-driver|Neo\.ClientError|\/work\/|node_modules/); // driver internals
  expect(text).not.toMatch(/COLLECT \{|COUNT \{|properties\(|startNode\(|fulltext\.query/); // our Cypher
}

describe('documents beyond the limits', () => {
  it('refuses a deep query (relations of relations of ...) before running anything', async () => {
    let selection = '{ id }';
    for (let i = 0; i < 8; i++) selection = `{ relations { edges { neighbor ${selection} } } }`;
    const answer = await postQuery(`{ entity(id: "park:xiamen-tiz") ${selection} }`);
    expectCleanRefusal(answer, 'BAD_USER_INPUT');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(`depth limit of ${LIMITS.queryDepth}`);
  });

  it('refuses a wide query by its cost, and names the maximum of a literal first', async () => {
    const answer = await postQuery(
      '{ entities(first: 1000) { edges { node { relations(first: 500) { edges { node { evidence { text } } } } } } } }',
    );
    expectCleanRefusal(answer, 'BAD_USER_INPUT');
    expect(answer.text).toContain(`Cost limit of ${LIMITS.queryCost}`);
    const huge = await postQuery('{ search(query: "古雷", first: 1000000000) { score } }');
    expectCleanRefusal(huge, 'BAD_USER_INPUT');
    expect(huge.text).toContain(`maximum of ${LIMITS.searchFirst}`);
  });

  it('bounds relations of relations asked for with variables, which escape the cost estimate', async () => {
    const answer = await postQuery(
      `query ($n: Int) { entities(first: $n) { edges { node { relations(first: $n) { edges { neighbor {
         relations(first: $n) { edges { node { id } } } } } } } } } }`,
      { n: 500 },
    );
    expectCleanRefusal(answer, 'BAD_USER_INPUT');
    expect(answer.text).toContain(`more than ${LIMITS.relationsPerRequest} relations`);
  });

  it('bounds the graph walks of one request: aliased neighborhoods of a hub cannot hold Neo4j for seconds', async () => {
    const walks = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `w${i}: neighborhood(ids: ["region:fujian"], depth: 3, limit: 5000) { truncated }`).join(' ')} }`;
    const refused = await postQuery(walks(LIMITS.walksPerRequest + 1));
    expectCleanRefusal(refused, 'BAD_USER_INPUT');
    expect(refused.text).toContain(`more than ${LIMITS.walksPerRequest} graph walks`);
    const allowed = await postQuery(walks(2));
    expect(allowed.status).toBe(200);
    expect(JSON.parse(allowed.text).errors).toBeUndefined();
  });

  it('refuses alias floods, directive floods and token floods', async () => {
    const aliases = await postQuery(
      `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: search(query: "古雷") { score }`).join(' ')} }`,
    );
    expectCleanRefusal(aliases, 'BAD_USER_INPUT');
    expect(aliases.text).toContain(`Aliases limit of ${LIMITS.aliases}`);
    const directives = await postQuery(`{ stats { entities ${'@skip(if: false) '.repeat(40)} } }`);
    expectCleanRefusal(directives, 'BAD_USER_INPUT');
    const tokens = await postQuery(`{ stats { ${'entities '.repeat(LIMITS.tokens + 10)} } }`);
    expectCleanRefusal(tokens);
    expect(tokens.text).toContain(`Token limit of ${LIMITS.tokens}`);
  });

  it('refuses fragment cycles, unknown fields, mutations and batches', async () => {
    expectCleanRefusal(
      await postQuery(
        '{ stats { ...A } } fragment A on GraphStats { ...B } fragment B on GraphStats { ...A }',
      ),
    );
    expectCleanRefusal(await postQuery('{ stats { nothing } }'), 'GRAPHQL_VALIDATION_FAILED');
    expectCleanRefusal(await postQuery('mutation { deleteEverything }'));
    expectCleanRefusal(
      await post(JSON.stringify([{ query: '{ stats { entities } }' }, { query: '{ stats { entities } }' }])),
    );
  });

  it('refuses huge and negative numbers and huge lists given as variables', async () => {
    const big = await postQuery('query ($n: Int) { search(query: "古雷", first: $n) { score } }', {
      n: 2_000_000_000,
    });
    expectCleanRefusal(big, 'BAD_USER_INPUT');
    expect(big.text).toContain(`maximum of ${LIMITS.searchFirst}`);
    expectCleanRefusal(
      await postQuery('query ($n: Int) { search(query: "古雷", first: $n) { score } }', { n: 1e12 }),
    );
    expectCleanRefusal(
      await postQuery('query ($n: Int) { neighborhood(ids: ["park:xiamen-tiz"], depth: $n) { truncated } }', {
        n: -1,
      }),
      'BAD_USER_INPUT',
    );
    const ids = Array.from({ length: 1000 }, (_, i) => `park:p${i}`);
    const list = await postQuery('query ($ids: [ID!]!) { neighborhood(ids: $ids) { truncated } }', { ids });
    expectCleanRefusal(list, 'BAD_USER_INPUT');
    expect(list.text).toContain(`maximum of ${LIMITS.neighborhoodIds}`);
  });
});

describe('malformed requests', () => {
  it.each([
    ['malformed JSON', '{"query": "{ stats { entities } }"'],
    ['JSON that is not an object', '"{ stats { entities } }"'],
    ['a query that is not a string', JSON.stringify({ query: 42 })],
    ['no query', '{}'],
    [
      'variables that are not an object',
      JSON.stringify({ query: '{ stats { entities } }', variables: '[1]' }),
    ],
    [
      'variables of the wrong type',
      JSON.stringify({
        query: 'query ($n: Int) { search(query: "x", first: $n) { score } }',
        variables: { n: 'many' },
      }),
    ],
    [
      'a missing required variable',
      JSON.stringify({ query: 'query ($id: ID!) { entity(id: $id) { id } }', variables: {} }),
    ],
    ['an unknown operation name', JSON.stringify({ query: '{ stats { entities } }', operationName: 'Nope' })],
    ['a syntax error', JSON.stringify({ query: '{ stats { entities ' })],
    ['control characters', JSON.stringify({ query: '{ stats \u0000 { entities } }' })],
    ['an empty body', ''],
  ])('answers %s with a 400 and a readable error', async (_name, body) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expectCleanRefusal(answer);
  });

  it('answers a body over the limit with 413, without reading it all', async () => {
    const query = `{ search(query: "${'古'.repeat(LIMITS.bodyBytes)}") { score } }`;
    const answer = await postQuery(query);
    expect(answer.status).toBe(413);
    expect(answer.body?.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    // Streamed without a content-length, too.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"query": "'));
        for (let i = 0; i < 30; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
        controller.close();
      },
    });
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('refuses cross-site simple requests (CSRF) and serves those that carry the header', async () => {
    const query = encodeURIComponent('{ stats { entities } }');
    const bare = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { accept: 'application/json' },
    });
    expect(bare.status).toBe(403);
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ stats { entities } }' }),
    });
    expect(form.status).toBe(403);
    const withHeader = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { accept: 'application/json', [CSRF_HEADER]: '1' },
    });
    expect(withHeader.status).toBe(200);
    expect(
      ((await withHeader.json()) as { data: { stats: { entities: number } } }).data.stats.entities,
    ).toBeGreaterThan(0);
  });
});

/** Cypher, Lucene and JSON tricks, each sent as the value of every string argument. */
const INJECTIONS = [
  "' OR 1=1 //",
  '" OR 1=1 //',
  "x'}) MATCH (n) DETACH DELETE n //",
  'x"}) MATCH (n) DETACH DELETE n //',
  '`) CREATE (:Pwned) //',
  "park:xiamen-tiz' RETURN 1 UNION MATCH (n) SET n.pwned = true RETURN 1 //",
  '$ids',
  '{id: "x"}',
  'CALL dbms.killQueries([]) //',
  "CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {})",
  'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
  '\\") WITH 1 AS x MATCH (n) DELETE n //',
  '*:* OR name:*',
  'name:古雷~ AND text:/.*/',
  '"unbalanced',
  '古雷\u0000\u001f\u007f',
  '\uFFFF\uD800',
  'a'.repeat(5000),
];

const STRING_ARGUMENTS: [string, string][] = [
  ['search.query', 'query ($s: String!) { search(query: $s) { score entity { id } } }'],
  ['passages.query', 'query ($s: String!) { passages(query: $s) { score passage { id } } }'],
  ['entity.id', 'query ($s: ID!) { entity(id: $s) { id } }'],
  ['entities.after', 'query ($s: String) { entities(after: $s) { totalCount } }'],
  [
    'relations.after',
    'query ($s: String) { entity(id: "park:xiamen-tiz") { relations(after: $s) { totalCount } } }',
  ],
  ['neighborhood.ids', 'query ($s: ID!) { neighborhood(ids: [$s]) { truncated } }'],
  ['paths.from', 'query ($s: ID!) { paths(from: $s, to: "enterprise:auo") { length } }'],
  ['paths.to', 'query ($s: ID!) { paths(from: "enterprise:auo", to: $s) { length } }'],
  ['supplyChain.product', 'query ($s: ID!) { supplyChain(product: $s) { truncated } }'],
  ['chainGaps.sector', 'query ($s: ID) { chainGaps(sector: $s) { kinds } }'],
  ['chainGaps.product', 'query ($s: ID) { chainGaps(product: $s) { kinds } }'],
  ['policyReach.entity', 'query ($s: ID!) { policyReach(entity: $s) { via } }'],
  ['relation.id', 'query ($s: ID!) { relation(id: $s) { id } }'],
  ['passage.id', 'query ($s: ID!) { passage(id: $s) { id } }'],
  ['passageContext.id', 'query ($s: ID!) { passageContext(id: $s) { id } }'],
];

describe('Cypher injection in every string argument', () => {
  it.each(STRING_ARGUMENTS)('%s treats every injection as plain text', async (_name, query) => {
    for (const value of INJECTIONS) {
      const answer = await postQuery(query, { s: value });
      expect(answer.status, `${value}: ${answer.text}`).toBeLessThan(500);
      expectNoInternals(answer.text);
      for (const error of answer.body?.errors ?? []) {
        expect(['BAD_USER_INPUT', 'NOT_FOUND'], `${value}: ${error.message}`).toContain(
          error.extensions?.code,
        );
      }
    }
  });

  it('changed nothing in the database', async () => {
    expect(await fingerprint()).toEqual(before);
  });
});

describe('errors and development mode', () => {
  it('gives field suggestions only in development', async () => {
    const production = await postQuery('{ stats { entitie } }');
    expect(production.text).not.toContain('Did you mean');
    const dev = await startTestServer(db, { development: true });
    try {
      const response = await dev.graphql('{ stats { entitie } }');
      expect(response.body.errors?.[0]?.message).toContain('Did you mean "entities"?');
    } finally {
      await dev.close();
    }
  });

  it('keeps introspection on', async () => {
    const answer = await postQuery('{ __schema { queryType { name } types { name } } }');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('"PolicyReach"');
  });

  it('masks an unexpected error: logged on the server, "Unexpected error." for the client', async () => {
    const logged: string[] = [];
    const logger = {
      ...createLogger('silent'),
      error: (message: string, details?: Record<string, unknown>) =>
        logged.push(`${message} ${JSON.stringify(details)}`),
    };
    const broken = {
      counted: () => ({
        counter: { statements: 0 },
        read: () => Promise.reject(new Error('secret detail: bolt://user:pw@db')),
        write: () => Promise.reject(new Error('no writes')),
      }),
    } as unknown as Database;
    const yoga = createCskgYoga({ db: broken, logger });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { entities } }' }),
    });
    const text = await response.text();
    expect(response.status).toBeLessThan(500);
    expect(text).toContain('Unexpected error.');
    expect(text).toContain('INTERNAL_SERVER_ERROR');
    expect(text).not.toContain('secret detail');
    expect(logged.join('\n')).toContain('secret detail');
  });

  it('reports health and readiness with the plan loaded', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', neo4j: 'up' });
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', neo4j: 'up' });
  });

  it('changed nothing in the database, whatever came before', async () => {
    expect(await fingerprint()).toEqual(before);
  });
});
