// What if these fail (impact; docs/design.md "The analyses"). One statement, cypher/impact.cypher, finds
// what fails with the entities asked for and what they leave behind on the supply chains, from the coverage
// the loader stored on each chain link; this module turns its rows into consequences, each with the paths
// that carry it (from a failing entity, every hop a fact with its evidence) and one English sentence. The
// GraphQL field impact and `cskg query impact` both call readImpact, so they cannot disagree.
import type { Bilingual } from '../data/language.ts';
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
import { IMPACT_VISITS, visitLimit, type TruncationRow } from './truncation.ts';

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
  /** most entities each walk visits (IMPACT_VISITS unless a test asks for fewer) */
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
  /** what is lost and what remains, in English and Chinese */
  readonly explanation: Bilingual;
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
    visits: request.visits ?? IMPACT_VISITS,
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
  return assembleImpact(sortRaw(row as unknown as RawImpact), request.visits ?? IMPACT_VISITS, request.first);
}

/**
 * The statement's lists in the order the assembly reads them (cypher/impact.cypher says why it does not sort):
 * entities by id, what failed and what is cut off level by level (a level's paths extend the level's
 * before it), chain links by chain and position, facts by id.
 */
function sortRaw(raw: RawImpact): RawImpact {
  const idOf = (node: unknown) => String((node as { props: { id: string } }).props.id);
  const byId = (a: unknown, b: unknown) => compare(idOf(a), idOf(b));
  const byLevel = (a: { steps: number; node: unknown }, b: { steps: number; node: unknown }) =>
    a.steps - b.steps || byId(a.node, b.node);
  const factsById = (facts: unknown[]) => [...facts].sort(byId);
  return {
    ...raw,
    failing: [...raw.failing].sort(byId),
    failedWith: [...raw.failedWith].sort(byLevel),
    links: [...raw.links]
      .map((link) => ({ ...link, lost: factsById(link.lost) }))
      .sort((a, b) => compare(a.chain?.id ?? '', b.chain?.id ?? '') || a.position - b.position),
    cutOff: [...raw.cutOff].map((hit) => ({ ...hit, inputs: factsById(hit.inputs) })).sort(byLevel),
    inputsLost: hitsById(raw.inputsLost),
    anchorsLost: hitsById(raw.anchorsLost),
    ownersLost: hitsById(raw.ownersLost),
  };

  /** Consequences for one entity each, by its id, with their lost facts by id. */
  function hitsById<T extends { node: unknown; lost: unknown[] }>(hits: T[]): T[] {
    return hits.map((hit) => ({ ...hit, lost: factsById(hit.lost) })).sort((a, b) => byId(a.node, b.node));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
    explanation: Bilingual,
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
        explainFirmsLost(link.entity, firms, remaining, entities),
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
      explainSourceLost(hit.entity, hit.inputCount, names(sources, entities)),
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
      explainInputsLost(
        target,
        lost.length,
        hit.inputCount,
        names(
          lost.map((e) => e.source),
          entities,
        ),
      ),
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
      explainAnchorsLost(
        park,
        lost.length,
        remaining,
        names(
          lost.map((e) => e.source),
          entities,
        ),
      ),
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
      explainOwnersLost(
        owned,
        lost.length,
        remaining,
        fails,
        names(
          lost.map((e) => e.source),
          entities,
        ),
      ),
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

/** The names of some entities (the first SHOWN), then how many more: 甲、乙 and 3 more / 甲、乙等5个. */
function names(ids: readonly string[], entities: ReadonlyMap<string, EntityRow>): Bilingual {
  const unique = [...new Set(ids)];
  const shown = unique
    .slice(0, SHOWN)
    .map((id) => entities.get(id)?.name ?? id)
    .join('、');
  const more = unique.length - Math.min(unique.length, SHOWN);
  return more > 0
    ? { en: `${shown} and ${more} more`, zh: `${shown}等${unique.length}个` }
    : { en: shown, zh: shown };
}

function explainUncovered(
  link: EntityRow,
  lost: readonly EdgeRow[],
  entities: ReadonlyMap<string, EntityRow>,
): Bilingual {
  const who = names(
    lost.map((e) => e.source),
    entities,
  );
  const one = lost.length === 1;
  return {
    en:
      `Nothing in Fujian covers ${label(link)} any more: ` +
      `${one ? 'its one cover' : `all ${lost.length} of its covers`} in Fujian (${who.en}) ${one ? 'fails' : 'fail'}.`,
    zh: `福建已没有主体覆盖${link.name}：它在福建的${one ? '唯一覆盖者' : `全部${lost.length}个覆盖者`}（${who.zh}）失效。`,
  };
}

function explainFirmsLost(
  link: EntityRow,
  firms: readonly EdgeRow[],
  remaining: number,
  entities: ReadonlyMap<string, EntityRow>,
): Bilingual {
  const who = names(
    firms.map((e) => e.source),
    entities,
  );
  return {
    en:
      `No firm in Fujian makes ${label(link)} any more: ${who.en} ${firms.length === 1 ? 'fails' : 'fail'}; ` +
      `only ${remaining} park or region ${remaining === 1 ? 'focus remains' : 'focuses remain'}.`,
    zh: `福建已没有企业生产${link.name}：${who.zh}失效；只剩${remaining}个园区或地区以它为重点。`,
  };
}

function explainSourceLost(target: EntityRow, inputCount: number, who: Bilingual): Bilingual {
  return inputCount === 1
    ? {
        en: `${label(target)} loses its only source: ${who.en}, which feeds it, is lost.`,
        zh: `${target.name}失去了唯一的来源：为它供料的${who.zh}已失去。`,
      }
    : {
        en: `${label(target)} loses every source: all ${inputCount} products that feed it (${who.en}) are lost.`,
        zh: `${target.name}失去了全部来源：为它供料的${inputCount}种产品（${who.zh}）都已失去。`,
      };
}

function explainInputsLost(target: EntityRow, lost: number, inputCount: number, who: Bilingual): Bilingual {
  const left = inputCount - lost;
  return {
    en: `${label(target)} loses ${lost} of its ${inputCount} inputs (${who.en}); ${left} ${left === 1 ? 'remains' : 'remain'}.`,
    zh: `${target.name}失去了${inputCount}种投入品中的${lost}种（${who.zh}）；还剩${left}种。`,
  };
}

function explainAnchorsLost(park: EntityRow, lost: number, remaining: number, who: Bilingual): Bilingual {
  return {
    en:
      `${label(park)} loses ${lost === 1 ? 'its anchor' : `${lost} anchors`} ${who.en}; ` +
      `${remaining === 0 ? 'none remains' : `${remaining} remain`}.`,
    zh:
      `${park.name}失去了${lost === 1 ? '龙头企业' : `${lost}家龙头企业`}${who.zh}；` +
      `${remaining === 0 ? '已没有龙头企业' : `还剩${remaining}家`}。`,
  };
}

function explainOwnersLost(
  owned: EntityRow,
  lost: number,
  remaining: number,
  fails: boolean,
  who: Bilingual,
): Bilingual {
  return {
    en:
      `${label(owned)} loses ${lost === 1 ? 'its owner' : `${lost} owners`} ${who.en}` +
      (fails
        ? ', and fails with it.'
        : remaining === 0
          ? '; no owner remains.'
          : `; ${remaining} other owners remain.`),
    zh:
      `${owned.name}失去了${lost === 1 ? '所有者' : `${lost}个所有者`}${who.zh}` +
      (fails ? '，并随之失效。' : remaining === 0 ? '；已没有所有者。' : `；还有${remaining}个其他所有者。`),
  };
}
