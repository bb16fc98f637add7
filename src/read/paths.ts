// Shortest paths between two entities, in either direction of the facts, shortest first; the GraphQL field
// paths and `cskg query shortest-paths` both call readPaths, so they cannot disagree.
//
// Translate → execute → map, with the search in between. cypher/shortest-paths.cypher reads one ring of
// entities' facts; this module walks breadth first from both ends, a ring at a time (the side whose next
// ring has fewer relationships goes first), so each entity's facts are read once whatever the number of
// paths through it. A path of length L is a half of i facts from `from` and a half of L − i from `to` that meet at
// an entity; once the two sides have read deep enough for L, the halves are spelled out from the facts
// read, joined, and those passing an entity twice dropped; the lengths are tried from 1 up until `first`
// paths are found. Within a length, paths come in order of their entities' ids, then their facts' ids.
//
// Neo4j's SHORTEST k did this in one statement, but it keeps every way of reaching each entity: between
// two firms of a county with 14,000 members (1M industry-shaped facts) it took 1.3–3 s, checking each
// member's ways back through the county, for paths it then rejected as passing a fact twice.
//
// Bounded: each side reads at most PATH_FACTS facts, and a length spells out and joins at most HALVES
// halves a side; a search that would go further stops, keeps the paths of the lengths it finished, and
// says so (VISIT_LIMIT).
import type { RelationStatus, RelationType } from '../data/model.ts';
import type { CypherQuery, Reader } from '../infra/database.ts';
import { FACT_TYPES, factsAskedFilter } from './fragments.ts';
import { bindNamedQuery, loadNamedQuery } from './namedQueries.ts';
import {
  edgeProjection,
  entityProjection,
  entityRowsOn,
  toEdgeRow,
  type EdgeRow,
  type EntityRow,
} from './rows.ts';
import { PATH_FACTS, pathVisitLimit, type TruncationRow } from './truncation.ts';

export interface PathsRequest {
  readonly from: string;
  readonly to: string;
  readonly maxHops: number;
  readonly first: number;
  readonly relationTypes: readonly RelationType[] | null;
  readonly statuses: readonly RelationStatus[] | null;
  /** YYYY-MM-DD: the graph as known on that date (src/read/time.ts); null for everything known */
  readonly asOf?: string | null;
  /** most facts each side of the search reads (PATH_FACTS unless a test asks for fewer) */
  readonly visits?: number;
}

export interface PathRow {
  readonly nodes: EntityRow[];
  readonly edges: EdgeRow[];
  readonly length: number;
}

export interface PathsResult {
  /** the types of the two entities asked for, null when there is none */
  readonly fromType: string | null;
  readonly toType: string | null;
  readonly paths: PathRow[];
  /** set when the search stopped at its bound: the paths are those of the lengths it finished */
  readonly truncation: TruncationRow | null;
}

/**
 * The most halves one side spells out for one length, and the most pairs of halves joined: parallel facts
 * multiply the ways to an entity, and the facts one side may read could otherwise spell out millions.
 */
const HALVES = 200_000;

/**
 * A path by ids: its entities, and for each step which of the parallel facts between the two entities it
 * takes (0 for the first by id), since the search names facts by their ends.
 */
interface Walk {
  readonly nodes: readonly string[];
  readonly parallel: readonly number[];
}

/** Half of a path from an end, as a chain back to that end: shared by every longer half that extends it. */
interface Half {
  readonly node: string;
  /** which of the parallel facts from `before` to `node` (0 for the first by id) */
  readonly nth: number;
  readonly before: Half | null;
}

/** The facts of each entity read: the entity at the other end of each, and which parallel fact it is. */
type FactsRead = Map<string, { readonly others: readonly string[]; readonly nth: readonly number[] }>;

/** The search from one end: the rings of entities it reached, each entity in the first ring that reached it. */
class Side {
  readonly rings: string[][];
  readonly reached: Set<string>;
  /** how many rings' facts are read: halves of up to this many facts can be spelled out */
  depth = 0;
  /** facts read by this side */
  read = 0;
  /** the halves of each length spelled out so far: those of a length the side has read to never change */
  readonly halves: Half[][];

  constructor(readonly end: string) {
    this.rings = [[end]];
    this.reached = new Set([end]);
    this.halves = [[{ node: end, nth: 0, before: null }]];
  }

  /** the entities of the outer ring, whose facts come next */
  get outer(): readonly string[] {
    return this.rings[this.depth] ?? [];
  }

  /** how far halves from this end can be spelled out: every ring read, or any length once nothing is left */
  get reach(): number {
    return this.outer.length === 0 ? Infinity : this.depth;
  }
}

export function pathsQuery(
  request: PathsRequest,
  around: readonly string[] | null,
  visits: number,
): CypherQuery {
  return bindNamedQuery(loadNamedQuery('shortest-paths'), {
    from: request.from,
    to: request.to,
    maxHops: request.maxHops,
    first: request.first,
    relationTypes: request.relationTypes,
    statuses: request.statuses,
    asOf: request.asOf ?? null,
    around,
    visits,
  });
}

/**
 * The entities of the paths found, and the facts between each two entities next to each other on one, by
 * id, through the request's filters, as the search saw them.
 */
function pathPartsQuery(request: PathsRequest, paths: readonly Walk[]): CypherQuery {
  const hops = new Map<string, [string, string]>();
  for (const { nodes } of paths) {
    for (let i = 1; i < nodes.length; i++) {
      const hop = [nodes[i - 1], nodes[i]].sort() as [string, string];
      hops.set(hop.join('\n'), hop);
    }
  }
  const params = {
    entityIds: [...new Set(paths.flatMap((p) => p.nodes))],
    hops: [...hops.values()],
    relationTypes: request.relationTypes,
    statuses: request.statuses,
    asOf: request.asOf ?? null,
  };
  return {
    cypher: /* Cypher */ `
      RETURN COLLECT { UNWIND $entityIds AS id MATCH (n:Entity {id: id}) RETURN ${entityProjection('n')} } AS entities,
        COLLECT {
          UNWIND $hops AS hop
          MATCH (:Entity {id: hop[0]})-[r:${FACT_TYPES}]-(:Entity {id: hop[1]})
          WHERE ${factsAskedFilter('r', params)}
          WITH hop, r ORDER BY r.id
          WITH hop, collect(${edgeProjection('r')}) AS facts
          RETURN { hop: hop, facts: facts }
        } AS hops`,
    params,
  };
}

export async function readPaths(db: Reader, request: PathsRequest): Promise<PathsResult> {
  const visits = request.visits ?? PATH_FACTS;
  const [ends] = await db.read(pathsQuery(request, null, visits));
  const fromType = (ends?.fromType as string | null | undefined) ?? null;
  const toType = (ends?.toType as string | null | undefined) ?? null;
  if (fromType === null || toType === null) return { fromType, toType, paths: [], truncation: null };

  const facts: FactsRead = new Map();
  /** the number of relationships of each entity met, for what reading its facts would cost */
  const degrees = new Map([
    [request.from, Number(ends?.fromDegree ?? 0)],
    [request.to, Number(ends?.toDegree ?? 0)],
  ]);
  const remember = (read: unknown) => {
    for (const [id, others, otherDegrees] of (read ?? []) as [string, string[], number[]][]) {
      facts.set(id, { others, nth: parallelIndexes(others) });
      others.forEach((other, i) => degrees.set(other, Number(otherDegrees[i] ?? 0)));
    }
  };
  remember(ends?.facts);
  const from = new Side(request.from);
  const to = new Side(request.to);
  const unread = (side: Side) => side.outer.filter((id) => !facts.has(id));
  // What widening a side costs: the relationships of the entities of its outer ring not yet read. (The
  // number of entities, Neo4j's own measure, sent a search from a leaf next to a hub through the hub.)
  const cost = (side: Side) =>
    side.reach === Infinity ? Infinity : unread(side).reduce((sum, id) => sum + (degrees.get(id) ?? 0), 0);

  /** Reads the facts of the side's outer ring and makes the next ring; false when it would read too many. */
  const widen = async (side: Side): Promise<boolean> => {
    const around = unread(side);
    if (around.length > 0) {
      const [row] = await db.read(pathsQuery(request, around, visits - side.read));
      const count = ((row?.facts ?? []) as [string, string[]][]).reduce(
        (sum, [, others]) => sum + others.length,
        0,
      );
      if (side.read + count > visits) return false;
      side.read += count;
      for (const id of around) facts.set(id, { others: [], nth: [] });
      remember(row?.facts);
    }
    const next: string[] = [];
    for (const id of side.outer) {
      for (const other of facts.get(id)?.others ?? []) {
        if (side.reached.has(other)) continue;
        side.reached.add(other);
        next.push(other);
      }
    }
    side.rings.push(next);
    side.depth += 1;
    return true;
  };

  const found: Walk[] = [];
  let truncation: TruncationRow | null = null;
  search: for (let length = 1; length <= request.maxHops && found.length < request.first; length++) {
    while (from.reach + to.reach < length) {
      if (!(await widen(cost(from) <= cost(to) ? from : to))) {
        truncation = pathVisitLimit(visits, length - 1);
        break search;
      }
    }
    const paths = pathsOfLength(facts, from, to, length);
    if (paths === null) {
      truncation = pathVisitLimit(visits, length - 1);
      break;
    }
    found.push(...paths.slice(0, request.first - found.length));
  }
  if (found.length === 0) return { fromType, toType, paths: [], truncation };

  const [parts] = await db.read(pathPartsQuery(request, found));
  const toEntity = entityRowsOn(request.asOf);
  const entities = new Map(((parts?.entities ?? []) as unknown[]).map(toEntity).map((e) => [e.id, e]));
  const between = new Map(
    ((parts?.hops ?? []) as { hop: string[]; facts: unknown[] }[]).map(({ hop, facts }) => [
      hop.join('\n'),
      facts.map(toEdgeRow),
    ]),
  );
  const paths = found.map(({ nodes, parallel }) => ({
    nodes: nodes.map((id) => entities.get(id)),
    edges: parallel.map((nth, i) => between.get([nodes[i], nodes[i + 1]].sort().join('\n'))?.[nth]),
    length: parallel.length,
  }));
  // A path whose parts are gone was read across a reload of the graph: it is no longer a path.
  const whole = paths.filter(
    (path): path is PathRow =>
      path.nodes.every((n) => n !== undefined) && path.edges.every((e) => e !== undefined),
  );
  return { fromType, toType, paths: whole, truncation };
}

/**
 * Every path of `length` facts between the two ends that passes no entity twice, in order of entity ids,
 * then of the facts taken (by id); null when a side would spell out, or the join try, more than HALVES. The split
 * puts about half the length on each side, within what each has read.
 */
function pathsOfLength(facts: FactsRead, from: Side, to: Side, length: number): Walk[] | null {
  const fromLength = Math.min(from.reach, Math.max(length - to.reach, Math.ceil(length / 2)));
  const outs = halvesOf(facts, from, fromLength);
  const backs = halvesOf(facts, to, length - fromLength);
  if (outs === null || backs === null) return null;
  const byMeeting = new Map<string, Half[]>();
  for (const out of outs) {
    const list = byMeeting.get(out.node);
    if (list) list.push(out);
    else byMeeting.set(out.node, [out]);
  }
  const paths: Walk[] = [];
  let joined = 0;
  for (const back of backs) {
    for (const out of byMeeting.get(back.node) ?? []) {
      if (++joined > HALVES) return null;
      if (meets(out.before, back.before)) continue;
      // out runs from the meeting entity back to `from`, back from it to `to`
      const nodes = [...chain(out)].reverse();
      const parallel = nodes.slice(1).map((h) => h.nth);
      for (let h = back; h.before; h = h.before) {
        nodes.push(h.before);
        parallel.push(h.nth);
      }
      paths.push({ nodes: nodes.map((h) => h.node), parallel });
    }
  }
  return paths.sort((a, b) => compare(a.nodes, b.nodes) || compare(a.parallel, b.parallel));
}

/** Whether two halves (without their meeting entity) share an entity. */
function meets(a: Half | null, b: Half | null): boolean {
  for (let x = a; x; x = x.before) for (let y = b; y; y = y.before) if (x.node === y.node) return true;
  return false;
}

function* chain(half: Half): Generator<Half> {
  for (let h: Half | null = half; h; h = h.before) yield h;
}

/**
 * The halves of `length` facts from the side's end that pass no entity twice, each length spelled out once
 * per search; null beyond HALVES of them.
 */
function halvesOf(facts: FactsRead, side: Side, length: number): Half[] | null {
  for (let step = side.halves.length; step <= length; step++) {
    const next: Half[] = [];
    for (const half of side.halves[step - 1] as Half[]) {
      const { others = [], nth = [] } = facts.get(half.node) ?? {};
      others.forEach((other, i) => {
        if (!passesThrough(half, other)) next.push({ node: other, nth: nth[i] ?? 0, before: half });
      });
      if (next.length > HALVES) return null;
    }
    side.halves.push(next);
  }
  return side.halves[length] ?? null;
}

function passesThrough(half: Half, node: string): boolean {
  for (let h: Half | null = half; h; h = h.before) if (h.node === node) return true;
  return false;
}

/** For each entity of a list, how many times it came before: which of the parallel facts to it this is. */
function parallelIndexes(others: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return others.map((other) => {
    const nth = seen.get(other) ?? 0;
    seen.set(other, nth + 1);
    return nth;
  });
}

function compare<T extends string | number>(a: readonly T[], b: readonly T[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as T;
    const y = b[i] as T;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
