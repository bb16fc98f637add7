// GraphQL behaviour that never needs the database, tested on the yoga instance itself (`yoga.fetch`, no
// port), as graphql-yoga's own examples test a server: document limits (depth, cost, aliases, directives,
// tokens), argument maxima, validation, CSRF prevention, field suggestions, introspection and error
// masking. The database handed to yoga refuses every read and counts the attempts, so each test also
// proves that the refusal happens before anything reaches Neo4j. The HTTP layer's own refusals (body
// limit, empty and malformed bodies) go through the real request listener on a free port, still without a
// database. What needs Neo4j (relations of relations, walks, injection, readiness) is in
// tests/graphql/hostile.test.ts.
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ARGUMENT_MAXIMA, LIMITS } from '../../src/api/graphql/limits.ts';
import { buildSchema } from '../../src/api/graphql/schema.ts';
import { createCskgYoga, CSRF_HEADER, type CskgYoga } from '../../src/api/graphql/yoga.ts';
import type { CypherQuery, ReadOnlyDatabase, Row } from '../../src/infra/database.ts';
import { createLogger } from '../../src/infra/log.ts';
import { answerOf, expectCleanRefusal, type Answer } from '../support/refusals.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** A database no request of this file may reach: every read is refused and counted. */
function databaseThatRefusesReads(): ReadOnlyDatabase & { reads: CypherQuery[] } {
  const reads: CypherQuery[] = [];
  const read = (query: CypherQuery): Promise<Row[]> => {
    reads.push(query);
    return Promise.reject(new Error('this request reached the database'));
  };
  return {
    reads,
    read,
    counted: (counter = { statements: 0 }) => ({ counter, read }),
    verify: () => Promise.resolve(),
  };
}

const logger = createLogger('silent', 'test');
const db = databaseThatRefusesReads();
const yoga = createCskgYoga({ db, logger });

beforeEach(() => {
  db.reads.length = 0;
});

async function ask(
  target: CskgYoga,
  query: string,
  variables?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await target.fetch('http://cskg.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return answerOf(response);
}

/** Refused with `code` (when given), and without a single read. */
function expectRefusedBeforeReading(answer: Answer, code?: string) {
  expectCleanRefusal(answer, code);
  expect(db.reads, 'statements sent to the database').toEqual([]);
}

describe('documents beyond the limits', () => {
  it('refuses a deep query (relations of relations of ...) before running anything', async () => {
    let selection = '{ id }';
    for (let i = 0; i < 8; i++) selection = `{ relations { edges { neighbor ${selection} } } }`;
    const answer = await ask(yoga, `{ entity(id: "park:xiamen-tiz") ${selection} }`);
    expectRefusedBeforeReading(answer, 'BAD_USER_INPUT');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(`depth limit of ${LIMITS.queryDepth}`);
  });

  it('refuses a wide query by its cost, and names the maximum of a literal first', async () => {
    const wide = await ask(
      yoga,
      '{ entities(first: 1000) { edges { node { relations(first: 500) { edges { node { evidence { text } } } } } } } }',
    );
    expectRefusedBeforeReading(wide, 'BAD_USER_INPUT');
    expect(wide.text).toContain(`Cost limit of ${LIMITS.queryCost}`);
    const huge = await ask(yoga, '{ search(query: "古雷", first: 1000000000) { score } }');
    expectRefusedBeforeReading(huge, 'BAD_USER_INPUT');
    expect(huge.text).toContain(`maximum of ${LIMITS.searchFirst}`);
  });

  it('refuses alias floods, directive floods and token floods', async () => {
    const aliases = await ask(
      yoga,
      `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: search(query: "古雷") { score }`).join(' ')} }`,
    );
    expectRefusedBeforeReading(aliases, 'BAD_USER_INPUT');
    expect(aliases.text).toContain(`Aliases limit of ${LIMITS.aliases}`);
    const directives = await ask(yoga, `{ stats { entities ${'@skip(if: false) '.repeat(40)} } }`);
    expectRefusedBeforeReading(directives, 'BAD_USER_INPUT');
    expect(directives.text).toContain(`Directives limit of ${LIMITS.directives}`);
    const tokens = await ask(yoga, `{ stats { ${'entities '.repeat(LIMITS.tokens + 10)} } }`);
    expectRefusedBeforeReading(tokens);
    expect(tokens.text).toContain(`Token limit of ${LIMITS.tokens}`);
  });

  it('refuses fragment cycles, unknown fields, mutations and batches', async () => {
    expectRefusedBeforeReading(
      await ask(
        yoga,
        '{ stats { ...A } } fragment A on GraphStats { ...B } fragment B on GraphStats { ...A }',
      ),
      'GRAPHQL_VALIDATION_FAILED',
    );
    expectRefusedBeforeReading(await ask(yoga, '{ stats { nothing } }'), 'GRAPHQL_VALIDATION_FAILED');
    expectRefusedBeforeReading(await ask(yoga, 'mutation { deleteEverything }'));
    const batch = await yoga.fetch('http://cskg.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ stats { entities } }' }, { query: '{ stats { entities } }' }]),
    });
    expectRefusedBeforeReading(await answerOf(batch));
  });
});

describe('arguments', () => {
  it('refuses huge and negative numbers and huge lists given as variables, in the resolver, before reading', async () => {
    const search = 'query ($n: Int) { search(query: "古雷", first: $n) { score } }';
    const big = await ask(yoga, search, { n: 2_000_000_000 });
    expectRefusedBeforeReading(big, 'BAD_USER_INPUT');
    expect(big.text).toContain(`first: 2000000000 is above the maximum of ${LIMITS.searchFirst}`);
    expectRefusedBeforeReading(await ask(yoga, search, { n: 1e12 }));
    const negative = await ask(
      yoga,
      'query ($n: Int) { neighborhood(ids: ["park:xiamen-tiz"], depth: $n) { truncated } }',
      { n: -1 },
    );
    expectRefusedBeforeReading(negative, 'BAD_USER_INPUT');
    expect(negative.text).toContain('depth: -1 is below the minimum of 0');
    const ids = Array.from({ length: 1000 }, (_, i) => `park:p${i}`);
    const list = await ask(yoga, 'query ($ids: [ID!]!) { neighborhood(ids: $ids) { truncated } }', { ids });
    expectRefusedBeforeReading(list, 'BAD_USER_INPUT');
    expect(list.text).toContain(`maximum of ${LIMITS.neighborhoodIds}`);
  });

  it('holds every maximum of ARGUMENT_MAXIMA for a literal (validation) and for a variable (the resolver)', async () => {
    const query = buildSchema().getQueryType()!.getFields();
    /** values for the required arguments, so that only the bounded one can be refused */
    const required: Record<string, string> = {
      query: '"古雷"',
      ids: '["park:xiamen-tiz"]',
      from: '"enterprise:auo"',
      to: '"park:xiamen-tiz"',
      product: '"product:pta"',
      entity: '"enterprise:auo"',
      entities: '["enterprise:auo"]',
      scope: '"park:gulei-taiwan-petrochemical-park"',
      id: '"fujian-plan-2011:p0010"',
    };
    let checked = 0;
    for (const [key, maxima] of Object.entries(ARGUMENT_MAXIMA)) {
      const [owner, fieldName] = key.split('.') as [string, string];
      if (owner !== 'Query') continue; // Entity.relations: its resolver runs on an entity read first
      const field = query[fieldName]!;
      const others = field.args
        .filter((a) => String(a.type).endsWith('!') && a.defaultValue === undefined)
        .map((a) => `${a.name}: ${required[a.name]}`);
      for (const [argument, max] of Object.entries(maxima)) {
        const call = (value: string) =>
          `${fieldName}(${[...others, `${argument}: ${value}`].join(', ')}) { __typename }`;
        const literal = await ask(yoga, `{ ${call(String(max + 1))} }`);
        expectRefusedBeforeReading(literal, 'BAD_USER_INPUT');
        expect(literal.body?.errors?.[0]?.message, key).toContain(`maximum of ${max}`);
        const variable = await ask(yoga, `query ($v: Int!) { ${call('$v')} }`, { v: max + 1 });
        expectRefusedBeforeReading(variable, 'BAD_USER_INPUT');
        expect(variable.body?.errors?.[0]?.message, key).toBe(
          `${argument}: ${max + 1} is above the maximum of ${max}; ask for at most ${max}.`,
        );
        checked += 1;
      }
    }
    expect(checked).toBe(20);
  });

  it('takes a left-out argument as its schema default, and refuses null for it', async () => {
    // a default of 20 is within the maximum, so the resolver goes on to read: the one read of this file
    const defaulted = await ask(yoga, '{ search(query: "古雷") { score } }');
    expect(db.reads).toHaveLength(1);
    expect(db.reads[0]?.params).toMatchObject({ first: expect.anything() });
    expect(String(db.reads[0]?.params?.first)).toBe('20');
    expect(defaulted.body?.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    db.reads.length = 0;
    const literal = await ask(yoga, '{ search(query: "古雷", first: null) { score } }');
    expectRefusedBeforeReading(literal, 'GRAPHQL_VALIDATION_FAILED');
    expect(literal.text).toContain('Int!');
    const variable = await ask(yoga, 'query ($n: Int) { search(query: "古雷", first: $n) { score } }', {
      n: null,
    });
    expectRefusedBeforeReading(variable, 'BAD_REQUEST');
    expect(variable.body?.errors?.[0]?.message).toContain('"first"');
  });
});

describe('requests from other sites (CSRF)', () => {
  const limitsQuery = encodeURIComponent('{ limits { searchFirst } }');

  it('refuses a GET or a simple-form POST without the header, and serves one that carries it', async () => {
    const bare = await yoga.fetch(`http://cskg.test/graphql?query=${limitsQuery}`, {
      headers: { accept: 'application/json' },
    });
    expect(bare.status).toBe(403);
    expectRefusedBeforeReading(await answerOf(bare));
    const form = await yoga.fetch('http://cskg.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ limits { searchFirst } }' }),
    });
    expect(form.status).toBe(403);
    const withHeader = await yoga.fetch(`http://cskg.test/graphql?query=${limitsQuery}`, {
      headers: { accept: 'application/json', [CSRF_HEADER]: '1' },
    });
    expect(withHeader.status).toBe(200);
    expect(await withHeader.json()).toEqual({
      data: { limits: { searchFirst: LIMITS.searchFirst } },
      extensions: { statements: 0 },
    });
  });
});

describe('errors and development mode', () => {
  it('gives field suggestions only in development', async () => {
    const production = await ask(yoga, '{ stats { entitie } }');
    expectRefusedBeforeReading(production, 'GRAPHQL_VALIDATION_FAILED');
    expect(production.text).not.toContain('Did you mean');
    const development = createCskgYoga({ db, logger, development: true });
    const answer = await ask(development, '{ stats { entitie } }');
    expect(answer.body?.errors?.[0]?.message).toContain('Did you mean "entities"?');
  });

  it('keeps introspection on, beyond the depth limit', async () => {
    const answer = await ask(
      yoga,
      '{ __schema { queryType { name } types { name fields { name type { ofType { ofType { ofType { name } } } } } } } }',
    );
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
    expect(answer.text).toContain('"PolicyReach"');
  });

  it('masks an unexpected error: logged on the server, "Unexpected error." for the client', async () => {
    const logged: string[] = [];
    const recording = {
      ...logger,
      error: (message: string, details?: Record<string, unknown>) =>
        logged.push(`${message} ${JSON.stringify(details)}`),
    };
    const read = () => Promise.reject(new Error('secret detail: bolt://user:pw@db'));
    const broken: ReadOnlyDatabase = {
      read,
      counted: (counter = { statements: 0 }) => ({ counter, read }),
      verify: () => Promise.resolve(),
    };
    const answer = await ask(createCskgYoga({ db: broken, logger: recording }), '{ stats { entities } }');
    expect(answer.status).toBeLessThan(500);
    expect(answer.body?.errors?.[0]).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(answer.text).not.toContain('secret detail');
    expect(logged.join('\n')).toContain('secret detail');
  });
});

describe('the HTTP layer, before yoga', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = async (body: BodyInit, headers: Record<string, string> = {}) =>
    answerOf(
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...headers,
        },
        body,
        duplex: 'half',
      } as RequestInit),
    );

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
    expectRefusedBeforeReading(answer);
  });

  it('answers a body over the limit with 413, without reading it all', async () => {
    const query = `{ search(query: "${'古'.repeat(LIMITS.bodyBytes)}") { score } }`;
    const declared = await post(JSON.stringify({ query }));
    expect(declared.status).toBe(413);
    expectRefusedBeforeReading(declared, 'PAYLOAD_TOO_LARGE');
    // Streamed without a content-length, too.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"query": "'));
        for (let i = 0; i < 30; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
        controller.close();
      },
    });
    const streamed = await post(chunks);
    expect(streamed.status).toBe(413);
    expectRefusedBeforeReading(streamed, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 413 to a client still sending its oversized body, never a reset connection', async () => {
    // A 4 MB body, more than the socket buffers hold, from a client that reads only after it has sent
    // everything (as a busy client does): a server that closes the socket with bytes unread makes the
    // kernel reset the connection, and the reset, not the 413, is what that client sees (CI saw it).
    const body = JSON.stringify({ query: `{ ${'stats @skip(if: true) { entities } '.repeat(120_000)} }` });
    for (let i = 0; i < 3; i++) {
      const answer = await postThenRead(server.url, body);
      expect(answer.slice(0, 40), `request ${i + 1}`).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer).toContain('PAYLOAD_TOO_LARGE');
    }
    expect(db.reads).toEqual([]);
  });
});

/** POSTs `body` to /graphql on a raw connection, reading only once it is sent; the answer's text, or the error. */
function postThenRead(url: string, body: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
    socket.pause();
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      resolve(`${error.code ?? error.message} after ${text.length} bytes`),
    );
    const head = `POST /graphql HTTP/1.1\r\nhost: cskg.test\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n`;
    socket.write(head);
    socket.end(body, () => socket.resume());
  });
}
