// The hostile-input corpus of tests/fixtures/hostile/: reading it, expanding its repetition marks, adding
// the injection cases generated from the schema, sending each case over raw HTTP (node:http, so methods,
// headers, chunked and malformed bodies go out exactly as written) and judging the answer.
//
// A case file is { description, cases: [...] }; a case is
//   { name, method = "POST", path = "/graphql", headers = {content-type: application/json},
//     json | body | bodyBase64, chunked?, expect = "rejected" | "answered" | "either" }.
// In every string of a case, ⟪N×TEXT⟫ stands for TEXT repeated N times, with %i in TEXT replaced by the
// repetition's index and %n by the index + 1 (so 1000 aliases or a chain of fragments stay one line).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../fixtures/hostile');

export type Expectation = 'rejected' | 'answered' | 'either';

export interface HostileCase {
  readonly file: string;
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | null;
  readonly chunked: boolean;
  readonly expect: Expectation;
}

interface RawCase {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
  bodyBase64?: string;
  chunked?: boolean;
  expect?: Expectation;
}

const REPEAT = /⟪(\d+)×([^⟫]*)⟫/g;

/** Expands ⟪N×TEXT⟫ marks in a string. */
export function expand(text: string): string {
  return text.replace(REPEAT, (_, times: string, unit: string) => {
    const parts: string[] = [];
    for (let i = 0; i < Number(times); i += 1) {
      parts.push(unit.replaceAll('%i', String(i)).replaceAll('%n', String(i + 1)));
    }
    return parts.join('');
  });
}

function expandDeep(value: unknown): unknown {
  if (typeof value === 'string') return expand(value);
  if (Array.isArray(value)) return value.map(expandDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [expand(k), expandDeep(v)]));
  }
  return value;
}

/** Every case of every file of the corpus (injection.json holds payloads, see injectionCases). */
export function readCorpus(dir = CORPUS_DIR): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const content = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { cases?: RawCase[] };
    for (const raw of content.cases ?? []) {
      const headers = Object.fromEntries(
        Object.entries(raw.headers ?? { 'content-type': 'application/json' }).map(([k, v]) => [k, expand(v)]),
      );
      const body =
        raw.json !== undefined
          ? Buffer.from(JSON.stringify(expandDeep(raw.json)))
          : raw.body !== undefined
            ? Buffer.from(expand(raw.body))
            : raw.bodyBase64 !== undefined
              ? Buffer.from(raw.bodyBase64, 'base64')
              : null;
      cases.push({
        file,
        name: raw.name,
        method: raw.method ?? 'POST',
        path: expand(raw.path ?? '/graphql'),
        headers,
        body,
        chunked: raw.chunked === true,
        expect: raw.expect ?? 'rejected',
      });
    }
  }
  return cases;
}

// ------------------------------------------------------------------------------ injection, from the schema

/** Valid values for the required arguments next to the one under attack, by argument name. */
const VALID_ARGUMENTS: Record<string, unknown> = {
  id: 'park:xiamen-tiz',
  entity: 'park:xiamen-tiz',
  from: 'park:xiamen-tiz',
  to: 'region:taiwan',
  ids: ['park:xiamen-tiz'],
  product: 'product:pta',
  query: '古雷',
};

/** Where a field of a type other than Query is reached from: the entity types through `entity`. */
const REACH: Record<string, (inner: string) => string> = {
  Entity: (inner) => `entity(id: "park:xiamen-tiz") { ${inner} }`,
};

export interface InjectionTarget {
  /** e.g. Query.paths(from) */
  readonly label: string;
  /** the document, with `$v` where the payload goes, and the variable's type */
  document(payload: { variable: true } | { literal: string }): string;
  readonly variableType: string;
}

/** Every String or ID argument (or list of them) of every field of Query and of the Entity interface. */
export function injectionTargets(schema: GraphQLSchema): InjectionTarget[] {
  const targets: InjectionTarget[] = [];
  const owners = [schema.getQueryType(), schema.getType('Entity')].filter(
    (t) => isObjectType(t) || isInterfaceType(t),
  );
  for (const owner of owners) {
    if (!(isObjectType(owner) || isInterfaceType(owner))) continue;
    for (const field of Object.values(owner.getFields()) as GraphQLField<unknown, unknown>[]) {
      for (const arg of field.args) {
        const named = getNamedType(arg.type).name;
        if (named !== 'String' && named !== 'ID') continue;
        const list = isListType(getNullableType(arg.type));
        const others = field.args
          .filter((other) => other !== arg && isNonNullType(other.type) && other.defaultValue === undefined)
          .map((other) => `${other.name}: ${literal(requiredValue(owner.name, field.name, other))}`);
        const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
        const wrap = owner.name === 'Query' ? (inner: string) => inner : REACH[owner.name];
        if (!wrap) throw new Error(`no way to reach ${owner.name}.${field.name} from Query: add it to REACH`);
        targets.push({
          label: `${owner.name}.${field.name}(${arg.name})`,
          variableType: String(arg.type),
          document(payload) {
            const value = 'variable' in payload ? '$v' : list ? `[${payload.literal}]` : payload.literal;
            const call = `${field.name}(${[`${arg.name}: ${value}`, ...others].join(', ')})${selection}`;
            const head =
              'variable' in payload ? `query Injection($v: ${String(arg.type)})` : 'query Injection';
            return `${head} { ${wrap(call)} }`;
          },
        });
      }
    }
  }
  return targets;
}

function requiredValue(owner: string, field: string, arg: GraphQLArgument): unknown {
  if (!(arg.name in VALID_ARGUMENTS)) {
    throw new Error(
      `${owner}.${field}(${arg.name}) is required: add a valid value for it to VALID_ARGUMENTS`,
    );
  }
  return VALID_ARGUMENTS[arg.name];
}

/** A GraphQL literal of a JSON value (strings as JSON strings, which GraphQL reads the same way). */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return JSON.stringify(value);
}

/** The payloads of injection.json put into every target, as a variable and as a literal. */
export function injectionCases(schema: GraphQLSchema, dir = CORPUS_DIR): HostileCase[] {
  const { payloads } = JSON.parse(fs.readFileSync(path.join(dir, 'injection.json'), 'utf8')) as {
    payloads: string[];
  };
  const cases: HostileCase[] = [];
  for (const target of injectionTargets(schema)) {
    for (const payload of payloads) {
      const list = target.variableType.startsWith('[');
      const asVariable = {
        query: target.document({ variable: true }),
        variables: { v: list ? [payload] : payload },
      };
      const asLiteral = { query: target.document({ literal: JSON.stringify(payload) }) };
      for (const [form, json] of [
        ['variable', asVariable],
        ['literal', asLiteral],
      ] as const) {
        cases.push({
          file: 'injection.json',
          name: `${target.label} ${form} ${JSON.stringify(payload)}`,
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json' },
          body: Buffer.from(JSON.stringify(json)),
          chunked: false,
          expect: 'either',
        });
      }
    }
  }
  return cases;
}

// ------------------------------------------------------------------------------------------ sending

export interface HostileAnswer {
  /** 0 when the connection ended without a response */
  readonly status: number;
  readonly body: string;
  readonly ms: number;
  /** a socket error before any response (e.g. EPIPE while the server refused the rest of a huge body) */
  readonly socketError: string | null;
}

/** Sends one case to `port` on a fresh connection; resolves within `timeoutMs` or rejects. */
export function send(port: number, c: HostileCase, timeoutMs = 30_000): Promise<HostileAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...c.headers };
    const hasLength = Object.keys(headers).some((h) => h.toLowerCase() === 'content-length');
    if (c.body && !c.chunked && !hasLength) headers['content-length'] = c.body.length;
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: c.method,
      path: c.path,
      headers,
      agent: false,
    });
    let settled = false;
    const finish = (answer: Omit<HostileAnswer, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...answer, ms: performance.now() - started });
    };
    const timer = setTimeout(() => {
      settled = true;
      request.destroy();
      reject(new Error(`${c.name}: no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        finish({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          socketError: null,
        }),
      );
      response.on('error', () =>
        finish({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          socketError: null,
        }),
      );
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      // After a response started, the response handlers settle; before it, the server closed on us.
      setTimeout(() => finish({ status: 0, body: '', socketError: error.code ?? error.message }), 200);
    });
    if (!c.body) {
      request.end();
    } else if (c.chunked) {
      let offset = 0;
      const writeMore = () => {
        while (offset < c.body!.length) {
          const chunk = c.body!.subarray(offset, offset + 64 * 1024);
          offset += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', writeMore);
        }
        request.end();
      };
      writeMore();
    } else {
      request.end(c.body);
    }
  });
}

// ------------------------------------------------------------------------------------------ judging

/**
 * Text that means internals reached a client: stack frames, source paths, driver and Neo4j error names,
 * Cypher compiler messages, connection details. The corpus's own payloads contain none of these.
 */
export const LEAKS: readonly RegExp[] = [
  /\bat [\w.<>$]+ \(?[^)\s]*:\d+:\d+\)?/, // a stack frame
  /node_modules|\/work\/|\/src\/|\.ts:\d+/,
  /Neo4jError|neo4j-driver|Neo\.(ClientError|TransientError|DatabaseError)/,
  /Invalid input '|Variable `\w+` not defined|offset: \d+|line \d+, column \d+ \(offset/,
  /bolt:\/\/|neo4j:\/\/|ECONNREFUSED|ServiceUnavailable/,
  /\b(TypeError|ReferenceError|RangeError)\b|Cannot read propert|is not a function|Maximum call stack/,
];

export interface Verdict {
  readonly ok: boolean;
  readonly problems: string[];
}

interface GraphQLBody {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/** A JSON body, or the events of a text/event-stream body merged into one (errors of every event). */
function parseBody(body: string): GraphQLBody | undefined {
  try {
    return JSON.parse(body) as GraphQLBody;
  } catch {
    const events = body
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => {
        try {
          return JSON.parse(line.slice(5)) as GraphQLBody;
        } catch {
          return undefined;
        }
      })
      .filter((event): event is GraphQLBody => event !== undefined);
    if (events.length === 0) return undefined;
    return { data: events.find((e) => e.data != null)?.data, errors: events.flatMap((e) => e.errors ?? []) };
  }
}

/**
 * The rules every answer keeps: not a 5xx; errors of a 200 answer carry a code and none is
 * INTERNAL_SERVER_ERROR; no internals in the body; "rejected" cases get a 4xx or GraphQL errors,
 * "answered" cases a 200 with data and no errors.
 */
export function judge(c: HostileCase, answer: HostileAnswer): Verdict {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  if (answer.status === 0 && !(c.file === 'huge-bodies.json' && answer.socketError)) {
    problems.push(`no HTTP answer (${answer.socketError ?? 'connection closed'})`);
  }
  const parsed = parseBody(answer.body);
  const errors = Array.isArray(parsed?.errors) ? parsed.errors : [];
  for (const error of errors) {
    const code = error.extensions?.code;
    if (answer.status === 200 && !code) problems.push(`an error without a code: ${error.message ?? ''}`);
    if (code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR: ${error.message ?? ''}`);
  }
  for (const leak of LEAKS) {
    const found = leak.exec(answer.body);
    if (found) problems.push(`leaks ${JSON.stringify(found[0])}`);
  }
  const rejected = (answer.status >= 400 && answer.status < 500) || errors.length > 0 || answer.status === 0;
  if (c.expect === 'rejected' && !rejected)
    problems.push(`expected a rejection, got HTTP ${answer.status} with data`);
  if (c.expect === 'answered' && (answer.status !== 200 || errors.length > 0 || parsed?.data == null)) {
    problems.push(`expected an answer, got HTTP ${answer.status}: ${answer.body.slice(0, 200)}`);
  }
  return { ok: problems.length === 0, problems };
}
