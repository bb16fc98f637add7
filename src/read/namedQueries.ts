// The named analyst queries of cypher/*.cypher, loadable by name (`loadNamedQuery('supply-chain')`) by
// the CLI, the data-access modules of the GraphQL analyses and the tests. Each file starts with a comment
// header: what it answers, then one `@param name type [= default] description` line per parameter (type
// string, int, float or boolean; `string?` allows null, `string[]` is a list, `int[1..10]` bounds an int)
// and an `@example`. The header is parsed so that parameters are checked and typed the same way wherever
// a query runs.
//
// A few things are written into the text when the query is bound, the same way for every query:
// `${FACT_TYPES}`, the fact types of src/data/model.ts (`LOCATED_IN|PART_OF|…`, so a walk steps over facts
// only); `${TAIWAN_SIDE}` and `${TAIWAN_SIDE_AS_OF}`, the list of the entities on the Taiwan side, of every
// fact or of those known on $asOf; from src/read/fragments.ts too, applied to a variable: `${degree(n)}`,
// the number of facts of the entity n (a count lookup however many facts it has); `${chainsOf(ids)}`, the
// chains named by a list of chain ids, each once; `${taiwanPartner(e)}`, whether the entity e is on the
// Taiwan side, given the query's `taiwanSide` list; `${taiwanFirst(e)}`, 0 for a Taiwan firm or
// association by its own properties, else 1; `${taiwanInvested(e)}`, whether the firm e is Taiwan-invested
// by the facts known on $asOf; `${belongsWay(e)}`, the way up from the entity e that
// policyReach walks;
// `${factsAsked(r)}`, whether the fact r passes the request's $relationTypes, $statuses and $asOf (`true`
// when none is given: its text depends on the values); `${knownAsOf(r)}`, whether the fact r was known on
// $asOf, `${step(s)}`, a status step with its pages, and `${lastStep(e)}`, the status of the entity e on
// $asOf (src/read/time.ts); and `${name}` for an int parameter declared with bounds
// (`@param maxHops int[1..6]`), for what Cypher cannot take as a parameter (the bounds of a quantified path
// pattern, the k of SHORTEST k): the value is range-checked first, so only an integer of the declared range
// ever reaches the text.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../infra/config.ts';
import type { CypherQuery } from '../infra/database.ts';
import { BadInputError } from '../infra/errors.ts';
import {
  FACT_TYPES,
  belongsWayFrom,
  chainsOf,
  degreeOf,
  factsAskedFilter,
  taiwanFirstOf,
  taiwanInvestedOf,
  taiwanPartnerOf,
  taiwanSideList,
} from './fragments.ts';
import { knownAsOf, lastStepOf, stepProjection } from './time.ts';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

/** cypher/*.cypher that are not queries. */
const NOT_QUERIES = new Set(['schema']);

export type ParamType = 'string' | 'int' | 'float' | 'boolean';
type ParamValue = string | number | boolean | (string | number | boolean)[];

export interface NamedQueryParam {
  readonly name: string;
  readonly type: ParamType;
  /** `string?` in the header: null is allowed */
  readonly nullable: boolean;
  /** `string[]` in the header: a list (comma-separated on a command line); absent for a single value */
  readonly list?: true;
  /** absent: the parameter is required */
  readonly default?: ParamValue | null;
  readonly description: string;
  /** `int[1..10]` in the header: the inclusive bounds of an int parameter */
  readonly min?: number;
  readonly max?: number;
}

export interface NamedQuery {
  readonly name: string;
  /** the header's prose: what the query answers */
  readonly description: string;
  readonly params: readonly NamedQueryParam[];
  readonly examples: readonly string[];
  readonly cypher: string;
}

/** The constants a query text may name as `${NAME}`. */
const TEXT_CONSTANTS: Readonly<Record<string, string>> = {
  FACT_TYPES,
  TAIWAN_SIDE: taiwanSideList(),
  TAIWAN_SIDE_AS_OF: taiwanSideList(knownAsOf),
};
const PLACEHOLDER = /\$\{(\w+)\}/g;
/** The fragments a query text may apply to one of its variables as `${name(variable)}`. */
const FRAGMENTS: Readonly<Record<string, (variable: string) => string>> = {
  degree: degreeOf,
  chainsOf,
  taiwanPartner: taiwanPartnerOf,
  belongsWay: belongsWayFrom,
  taiwanFirst: taiwanFirstOf,
  taiwanInvested: taiwanInvestedOf,
  knownAsOf,
  step: stepProjection,
  lastStep: lastStepOf,
};
const FRAGMENT = /\$\{(\w+)\((\w+)\)\}/g;
/**
 * The fragments written when a query is bound, because their text depends on the parameters' values:
 * `${factsAsked(r)}`, whether the fact r passes the request's filters (src/read/fragments.ts).
 */
const BIND_FRAGMENTS: Readonly<
  Record<string, (variable: string, params: Readonly<Record<string, unknown>>) => string>
> = { factsAsked: factsAskedFilter };

const PARAM_LINE =
  /^@param\s+(\w+)\s+(string|int|float|boolean)(\[\])?(\?)?(?:\[(\d+)\.\.(\d+)\])?(?:\s*=\s*(\S+))?\s*(.*)$/;

/** Parses one query file's text; `name` is its file name without .cypher. */
export function parseNamedQuery(name: string, text: string): NamedQuery {
  const lines = text.split('\n');
  const header: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('//')) break;
    header.push(line.replace(/^\/\/ ?/, ''));
  }
  const prose: string[] = [];
  const params: NamedQueryParam[] = [];
  const examples: string[] = [];
  for (const line of header) {
    const trimmed = line.trim();
    if (trimmed.startsWith('@param')) {
      const match = PARAM_LINE.exec(trimmed);
      if (!match)
        throw new Error(
          `cypher/${name}.cypher: cannot read "${trimmed}"; write @param name type [= default] description`,
        );
      const [, param = '', type, list, nullable, min, max, fallback, description = ''] = match;
      const declared = {
        name: param,
        type: type as ParamType,
        nullable: nullable === '?',
        ...(list === undefined ? {} : { list: true as const }),
        ...(min === undefined ? {} : { min: Number(min), max: Number(max) }),
        description: description.trim(),
      };
      params.push({
        ...declared,
        ...(fallback === undefined
          ? {}
          : { default: fallback === 'null' ? null : coerceParam(name, declared, fallback) }),
      });
    } else if (trimmed.startsWith('@example')) {
      examples.push(trimmed.replace(/^@example\s*/, ''));
    } else {
      prose.push(trimmed);
    }
  }
  const cypher = lines
    .slice(header.length)
    .join('\n')
    .trim()
    .replace(FRAGMENT, (whole: string, fragment: string, variable: string) => {
      if (fragment in BIND_FRAGMENTS) return whole;
      const expand = FRAGMENTS[fragment];
      if (!expand)
        throw new Error(
          `cypher/${name}.cypher: ${whole} names no fragment; known: ${[...Object.keys(FRAGMENTS), ...Object.keys(BIND_FRAGMENTS)].join(', ')}`,
        );
      return expand(variable);
    });
  for (const [, placeholder = ''] of cypher.matchAll(PLACEHOLDER)) {
    const param = params.find((p) => p.name === placeholder);
    if (
      placeholder in TEXT_CONSTANTS ||
      (param?.type === 'int' && param.max !== undefined && !param.list && !param.nullable)
    )
      continue;
    throw new Error(
      `cypher/${name}.cypher: \${${placeholder}} is neither ${Object.keys(TEXT_CONSTANTS).join(', ')} nor an int parameter with bounds`,
    );
  }
  return {
    name,
    description: prose.join(' ').replace(/\s+/g, ' ').trim(),
    params,
    examples,
    cypher,
  };
}

/** The names of every named query, sorted. */
export function listNamedQueries(): string[] {
  return readdirSync(CYPHER_DIR)
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.slice(0, -'.cypher'.length))
    .filter((n) => !NOT_QUERIES.has(n))
    .sort();
}

const cache = new Map<string, NamedQuery>();

/** The query in cypher/<name>.cypher; a BadInputError naming the known ones when there is none. */
export function loadNamedQuery(name: string): NamedQuery {
  const cached = cache.get(name);
  if (cached) return cached;
  const known = listNamedQueries();
  if (!known.includes(name)) throw new BadInputError(`No named query "${name}"; known: ${known.join(', ')}`);
  const query = parseNamedQuery(name, readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8'));
  cache.set(name, query);
  return query;
}

/**
 * The query with its parameters checked against the header: unknown or missing ones are errors, absent
 * ones take their default, text values (from a command line) are converted to the declared type.
 */
export function bindNamedQuery(query: NamedQuery, values: Readonly<Record<string, unknown>>): CypherQuery {
  const declared = new Set(query.params.map((p) => p.name));
  const unknown = Object.keys(values).filter((k) => !declared.has(k));
  if (unknown.length > 0) {
    throw new BadInputError(
      `${query.name} has no parameter ${unknown.join(', ')}; it takes ${query.params.map((p) => p.name).join(', ') || 'none'}`,
    );
  }
  const params: Record<string, unknown> = {};
  for (const param of query.params) {
    const raw = values[param.name];
    if (raw === undefined) {
      if (!('default' in param))
        throw new BadInputError(`${query.name} needs --param ${param.name}=… (${param.description})`);
      params[param.name] = param.default;
    } else if (raw === null || raw === 'null') {
      if (!param.nullable) throw new BadInputError(`${query.name}: ${param.name} may not be null`);
      params[param.name] = null;
    } else {
      params[param.name] = typeof raw === 'string' ? coerceParam(query.name, param, raw) : raw;
    }
    const value = params[param.name];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (param.type === 'int' && typeof item === 'number' && !Number.isInteger(item)) {
        throw new BadInputError(`${query.name}: ${param.name} must be an integer, not ${item}`);
      }
      if (
        typeof item === 'number' &&
        param.min !== undefined &&
        param.max !== undefined &&
        (item < param.min || item > param.max)
      ) {
        throw new BadInputError(
          `${query.name}: ${param.name} must be between ${param.min} and ${param.max}, not ${item}`,
        );
      }
    }
  }
  const cypher = query.cypher
    .replace(FRAGMENT, (whole: string, fragment: string, variable: string) =>
      fragment in BIND_FRAGMENTS
        ? (BIND_FRAGMENTS[fragment] as (typeof BIND_FRAGMENTS)[string])(variable, params)
        : whole,
    )
    .replace(PLACEHOLDER, (_, name: string) => {
      if (name in TEXT_CONSTANTS) return TEXT_CONSTANTS[name] as string;
      const value = params[name];
      if (!Number.isInteger(value))
        throw new BadInputError(`${query.name}: ${name} must be an integer, not ${String(value)}`);
      return String(value);
    });
  return { cypher, params };
}

/** Command-line text as the declared type; a list parameter takes comma-separated values. */
function coerceParam(
  query: string,
  param: Pick<NamedQueryParam, 'name' | 'type' | 'list'>,
  raw: string,
): ParamValue {
  if (!param.list) return coerce(query, param.name, param.type, raw);
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => coerce(query, param.name, param.type, item));
}

function coerce(query: string, name: string, type: ParamType, raw: string): string | number | boolean {
  switch (type) {
    case 'string':
      return raw;
    case 'int': {
      const value = Number(raw);
      if (!Number.isInteger(value))
        throw new BadInputError(`${query}: ${name} must be an integer, not ${JSON.stringify(raw)}`);
      return value;
    }
    case 'float': {
      const value = Number(raw);
      if (!Number.isFinite(value))
        throw new BadInputError(`${query}: ${name} must be a number, not ${JSON.stringify(raw)}`);
      return value;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false')
        throw new BadInputError(`${query}: ${name} must be true or false, not ${JSON.stringify(raw)}`);
      return raw === 'true';
  }
}
