// Hostile input over real HTTP against the plan graph in Neo4j: what only a database shows. Relations of
// relations asked for with variables (which escape the cost estimate), aliased graph walks of a hub, and
// Cypher-injection strings in every string argument are answered with a 4xx or a GraphQL error with a
// code, never a 500, a stack trace or a driver message; /health and /ready report the database. After
// every test, nothing in the database has changed (afterEach compares a fingerprint). What is refused
// before the database is reached (document limits, argument maxima, validation, CSRF, body limits,
// suggestions, masking) is tested without one, in tests/unit/graphql-requests.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/infra/database.ts';
import { LIMITS } from '../../src/api/graphql/limits.ts';
import { connectTestDatabase } from '../support/neo4j.ts';
import { ensurePlanLoaded } from '../support/plan.ts';
import { answerOf, expectCleanRefusal, expectNoInternals, type Answer } from '../support/refusals.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: Database;
let server: TestServer;
let before: Fingerprint;

/**
 * What would change if anything wrote: node and relationship counts, every label, type and property key
 * (a `SET n.pwned = true` adds one), and the load stamp.
 */
interface Fingerprint {
  nodes: number;
  relationships: number;
  labels: string[];
  types: string[];
  nodeKeys: string[];
  relationshipKeys: string[];
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
        COLLECT { MATCH (n) UNWIND keys(n) AS key RETURN DISTINCT key ORDER BY key } AS nodeKeys,
        COLLECT { MATCH ()-[r]->() UNWIND keys(r) AS key RETURN DISTINCT key ORDER BY key } AS relationshipKeys,
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

// Each test, whether run alone or after others, leaves the database as it found it.
afterEach(async () => {
  expect(await fingerprint()).toEqual(before);
});

async function postQuery(query: string, variables?: unknown): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    },
    body: JSON.stringify({ query, variables }),
  });
  return answerOf(response);
}

describe('what only the database can bound', () => {
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
});

describe('health and readiness', () => {
  it('reports health and readiness with the plan loaded', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', neo4j: 'up' });
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', neo4j: 'up' });
  });
});
