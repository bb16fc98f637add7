// What if these fail (impact; docs/design.md "The analyses"). One statement, cypher/impact.cypher, finds
// what fails with the entities asked for and what they leave behind on the supply chains, from the coverage
// the loader stored on each chain link; this module turns its rows into consequences, each with the paths
// that carry it (from a failing entity, every hop a fact with its evidence) and one English sentence. The
// GraphQL field impact and `cskg query impact` both call readImpact, so they cannot disagree.
import type { CypherQuery, Reader } from '../infra/database.ts';
import type { ChainRow } from './chainGaps.ts';
import { bindNamedQuery, loadNamedQuery } from './namedQueries.ts';
import type { PathRow } from './paths.ts';
import {
  toEdgeRow,
  toEntityRow,
  toPassageRow,
  type EdgeRow,
  type EntityRow,
  type PassageRow,
} from './rows.ts';
import { WALK_VISITS, visitLimit, type TruncationRow } from './truncation.ts';

/** Most paths one consequence shows (one per fact it loses), and names one sentence lists. */
const SHOWN = 10;

export type ImpactKindName =
  'LINK_UNCOVERED' | 'LINK_FIRMS_LOST' | 'SOURCE_LOST' | 'INPUT_LOST' | 'ANCHOR_LOST' | 'OWNER_LOST';

/** The order consequences are listed in: what a chain loses first, then parks and projects. */
const KIND_ORDER: readonly ImpactKindName[] = [
  'LINK_UNCOVERED',
  'LINK_FIRMS_LOST',
  'SOURCE_LOST',
  'INPUT_LOST',
  'ANCHOR_LOST',
  'OWNER_LOST',
];

export interface ImpactRequest {
  readonly entities: readonly string[];
  readonly first: number;
  /** most entities each walk visits (WALK_VISITS unless a test asks for fewer) */
  readonly visits?: number;
}

export interface ImpactConsequenceRow {
  readonly kind: ImpactKindName;
  /** the chain link, the product downstream, the park or what was owned */
  readonly entity: EntityRow;
  /** the chain of a product, null for a park or a project */
  readonly chain: ChainRow | null;
  /** the facts that no longer hold: covers in Fujian, inputs, anchors, owners */
  readonly lost: EdgeRow[];
  /** how many of the same kind remain: covers in Fujian, inputs, anchors, owners */
  readonly remaining: number;
  /** hops of its shortest path from a failing entity */
  readonly distance: number;
  /** from a failing entity through each lost fact to the entity (the first SHOWN) */
  readonly paths: PathRow[];
  readonly explanation: string;
  /** the passages of every hop of its paths, in reading order */
  readonly evidence: PassageRow[];
}

/** An entity that fails with those asked for, and why (the path from one of them). */
export interface ImpactFailureRow {
  readonly entity: EntityRow;
  readonly path: PathRow;
}

export interface ImpactResult {
  /** ids asked for that are not in the graph */
  readonly missing: string[];
  readonly failing: EntityRow[];
  /** what fails with them: what they host or hold, and projects every owner of which fails */
  readonly failedWith: ImpactFailureRow[];
  readonly consequences: ImpactConsequenceRow[];
  /** how many consequences there are, `first` or not */
  readonly consequenceCount: number;
  readonly truncation: TruncationRow[];
}

export function impactQuery(request: ImpactRequest): CypherQuery {
  return bindNamedQuery(loadNamedQuery('impact'), {
    entities: [...request.entities],
    visits: request.visits ?? WALK_VISITS,
  });
}

interface RawLink {
  node: unknown;
  chain: ChainRow | null;
  position: number;
  lostCovers: number;
  lostFirms: number;
  fujianCovers: number;
  fujianFirms: number;
  lost: unknown[];
}

interface RawImpact {
  missing: string[];
  failVisitLimit: boolean;
  cutVisitLimit: boolean;
  failing: unknown[];
  failedWith: { node: unknown; via: unknown; steps: number }[];
  links: RawLink[];
  cutOff: { node: unknown; steps: number; chain: ChainRow | null; inputs: unknown[]; inputCount: number }[];
  inputsLost: { node: unknown; chain: ChainRow | null; lost: unknown[]; inputCount: number }[];
  anchorsLost: { node: unknown; lost: unknown[]; total: number }[];
  ownersLost: { node: unknown; lost: unknown[]; total: number }[];
  passages: unknown[];
}

export async function readImpact(db: Reader, request: ImpactRequest): Promise<ImpactResult> {
  const [row] = await db.read(impactQuery(request));
  return assembleImpact(row as unknown as RawImpact, request.visits ?? WALK_VISITS, request.first);
}

/** The consequences, their paths and explanations, from the statement's one row. */
function assembleImpact(raw: RawImpact, visits: number, first: number): ImpactResult {
  const entities = new Map<string, EntityRow>();
  const entity = (rawNode: unknown) => {
    const row = toEntityRow(rawNode);
    entities.set(row.id, row);
    return row;
  };
  const passages = new Map(raw.passages.map((p) => toPassageRow(p)).map((p) => [p.id, p]));
  const failing = raw.failing.map(entity);
  const failingIds = new Set(failing.map((e) => e.id));

  // What failed, and the fact that reached it (a tree rooted at the failing entities).
  const failedVia = new Map<string, EdgeRow>();
  for (const hit of raw.failedWith) failedVia.set(entity(hit.node).id, toEdgeRow(hit.via));
  const failPath = (id: string): Walk => {
    const via = failedVia.get(id);
    if (!via || failingIds.has(id)) return { nodes: [id], edges: [] };
    return extend(failPath(via.source === id ? via.target : via.source), via, id);
  };

  // Lost products (uncovered links, failing products) and those cut off downstream, with their level.
  const links = raw.links.map((link) => ({
    ...link,
    entity: entity(link.node),
    lost: link.lost.map(toEdgeRow),
  }));
  const uncovered = links.filter((l) => l.fujianCovers > 0 && l.lostCovers === l.fujianCovers);
  const productPaths = new Map<string, Walk>();
  for (const id of failingIds)
    if (entities.get(id)?.type === 'Product') productPaths.set(id, { nodes: [id], edges: [] });
  for (const link of uncovered) {
    const [cover] = link.lost;
    if (cover) productPaths.set(link.entity.id, extend(failPath(cover.source), cover, link.entity.id));
  }
  const cutOff = raw.cutOff.map((hit) => ({
    ...hit,
    entity: entity(hit.node),
    inputs: hit.inputs.map(toEdgeRow),
  }));
  // Each level's inputs were all lost on a level before it, so its paths are known when it is reached.
  for (const hit of cutOff) {
    const known = hit.inputs.map((e) => productPaths.get(e.source)).filter((p): p is Walk => p !== undefined);
    const shortest = known.sort((a, b) => a.edges.length - b.edges.length)[0];
    const input = hit.inputs.find((e) => productPaths.get(e.source) === shortest);
    if (shortest && input) productPaths.set(hit.entity.id, extend(shortest, input, hit.entity.id));
  }
  const viaProduct = (edge: EdgeRow): Walk | undefined => {
    const before = productPaths.get(edge.source);
    return before ? extend(before, edge, edge.target) : undefined;
  };
  const viaFailed = (edge: EdgeRow): Walk => extend(failPath(edge.source), edge, edge.target);

  const consequences: ImpactConsequenceRow[] = [];
  const add = (
    kind: ImpactKindName,
    target: EntityRow,
    chain: ChainRow | null,
    lost: EdgeRow[],
    remaining: number,
    walks: Walk[],
    explanation: string,
  ) => {
    const paths = walks.slice(0, SHOWN).map((w) => toPath(w, entities));
    const ids = new Set(paths.flatMap((p) => p.edges.flatMap((e) => e.evidence)));
    consequences.push({
      kind,
      entity: target,
      chain,
      lost,
      remaining,
      distance: Math.min(...paths.map((p) => p.length)),
      paths,
      explanation,
      evidence: [...ids]
        .map((id) => passages.get(id))
        .filter((p): p is PassageRow => p !== undefined)
        .sort((a, b) => a.ordinal - b.ordinal),
    });
  };

  for (const link of links) {
    if (failingIds.has(link.entity.id)) continue;
    const fujian = link.lost;
    if (link.fujianCovers > 0 && link.lostCovers === link.fujianCovers) {
      add(
        'LINK_UNCOVERED',
        link.entity,
        link.chain,
        fujian,
        0,
        fujian.map(viaFailed),
        explainUncovered(link.entity, fujian, entities),
      );
    } else if (link.fujianFirms > 0 && link.lostFirms === link.fujianFirms) {
      const firms = fujian.filter((e) => isFirm(entities.get(e.source)));
      const remaining = link.fujianCovers - link.lostCovers;
      add(
        'LINK_FIRMS_LOST',
        link.entity,
        link.chain,
        firms,
        remaining,
        firms.map(viaFailed),
        `No firm in Fujian makes ${label(link.entity)} any more: ${names(
          firms.map((e) => e.source),
          entities,
        )} ` +
          `${firms.length === 1 ? 'fails' : 'fail'}; only ${remaining} park or region ${remaining === 1 ? 'focus remains' : 'focuses remain'}.`,
      );
    }
  }
  for (const hit of cutOff) {
    const walks = hit.inputs.map(viaProduct).filter((w): w is Walk => w !== undefined);
    const sources = hit.inputs.map((e) => e.source);
    add(
      'SOURCE_LOST',
      hit.entity,
      hit.chain,
      hit.inputs,
      0,
      walks,
      hit.inputCount === 1
        ? `${label(hit.entity)} loses its only source: ${names(sources, entities)}, which feeds it, is lost.`
        : `${label(hit.entity)} loses every source: all ${hit.inputCount} products that feed it (${names(sources, entities)}) are lost.`,
    );
  }
  for (const hit of raw.inputsLost) {
    const target = entity(hit.node);
    const lost = hit.lost.map(toEdgeRow);
    const walks = lost.map(viaProduct).filter((w): w is Walk => w !== undefined);
    add(
      'INPUT_LOST',
      target,
      hit.chain,
      lost,
      hit.inputCount - lost.length,
      walks,
      `${label(target)} loses ${lost.length} of its ${hit.inputCount} inputs (${names(
        lost.map((e) => e.source),
        entities,
      )}); ` +
        `${hit.inputCount - lost.length} ${hit.inputCount - lost.length === 1 ? 'remains' : 'remain'}.`,
    );
  }
  for (const hit of raw.anchorsLost) {
    const park = entity(hit.node);
    const lost = hit.lost.map(toEdgeRow);
    const remaining = hit.total - lost.length;
    add(
      'ANCHOR_LOST',
      park,
      null,
      lost,
      remaining,
      lost.map(viaFailed),
      `${label(park)} loses ${lost.length === 1 ? 'its anchor' : `${lost.length} anchors`} ` +
        `${names(
          lost.map((e) => e.source),
          entities,
        )}; ${remaining === 0 ? 'none remains' : `${remaining} remain`}.`,
    );
  }
  for (const hit of raw.ownersLost) {
    const owned = entity(hit.node);
    const lost = hit.lost.map(toEdgeRow);
    const remaining = hit.total - lost.length;
    const fails = owned.type === 'Project' && remaining === 0;
    add(
      'OWNER_LOST',
      owned,
      null,
      lost,
      remaining,
      lost.map(viaFailed),
      `${label(owned)} loses ${lost.length === 1 ? 'its owner' : `${lost.length} owners`} ` +
        `${names(
          lost.map((e) => e.source),
          entities,
        )}` +
        (fails
          ? ', and fails with it.'
          : remaining === 0
            ? '; no owner remains.'
            : `; ${remaining} other owners remain.`),
    );
  }

  consequences.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.distance - b.distance ||
      (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0),
  );
  const truncation = raw.failVisitLimit || raw.cutVisitLimit ? [visitLimit(visits)] : [];
  return {
    missing: raw.missing,
    failing,
    failedWith: raw.failedWith.map((hit) => {
      const id = toEntityRow(hit.node).id;
      return { entity: entities.get(id) as EntityRow, path: toPath(failPath(id), entities) };
    }),
    consequences: consequences.slice(0, first),
    consequenceCount: consequences.length,
    truncation,
  };
}

// ------------------------------------------------------------------------------------------- paths

/** A path under construction: entity ids, and the facts between them. */
interface Walk {
  readonly nodes: readonly string[];
  readonly edges: readonly EdgeRow[];
}

function extend(walk: Walk, edge: EdgeRow, to: string): Walk {
  return { nodes: [...walk.nodes, to], edges: [...walk.edges, edge] };
}

function toPath(walk: Walk, entities: ReadonlyMap<string, EntityRow>): PathRow {
  return {
    nodes: walk.nodes.map((id) => entities.get(id)).filter((e): e is EntityRow => e !== undefined),
    edges: [...walk.edges],
    length: walk.edges.length,
  };
}

// ----------------------------------------------------------------------------------- explanations

const isFirm = (e: EntityRow | undefined) => e?.type === 'Enterprise' || e?.type === 'Project';

const label = (e: EntityRow) => `${e.name} (${e.nameEn})`;

function names(ids: readonly string[], entities: ReadonlyMap<string, EntityRow>): string {
  const unique = [...new Set(ids)];
  const shown = unique.slice(0, SHOWN).map((id) => entities.get(id)?.name ?? id);
  return unique.length > shown.length
    ? `${shown.join('、')} and ${unique.length - shown.length} more`
    : shown.join('、');
}

function explainUncovered(
  link: EntityRow,
  lost: readonly EdgeRow[],
  entities: ReadonlyMap<string, EntityRow>,
) {
  return (
    `Nothing in Fujian covers ${label(link)} any more: ` +
    `${lost.length === 1 ? 'its one cover' : `all ${lost.length} of its covers`} in Fujian ` +
    `(${names(
      lost.map((e) => e.source),
      entities,
    )}) ${lost.length === 1 ? 'fails' : 'fail'}.`
  );
}
