// Chain gaps (补链, docs/design.md "The analyses"): a chain is a connected set of INPUT_TO links between products;
// a link (a product on it) is a gap when nothing in Fujian covers it, when only Taiwan-invested firms make
// it, when no firm makes it (only parks or regions focus on it), or when everything that covers it is only
// planned or sought. Covering means PRODUCES (enterprise, project, park) or FOCUSES_ON (park, region);
// "in Fujian" means not located, through LOCATED_IN / PART_OF, in a Taiwan-side place. One statement,
// cypher/chain-gaps.cypher, fetches every link with its coverage and passages; the grouping into chains
// and the classification are plain TypeScript below. The GraphQL field and `cskg query chain-gaps` both
// call readChainGaps, so they cannot disagree.
import type { RelationStatus } from '../data/model.ts';
import type { CypherQuery, Reader } from '../infra/database.ts';
import { bindNamedQuery, loadNamedQuery } from './namedQueries.ts';
import {
  toEdgeRow,
  toEntityRow,
  toPassageRow,
  type EdgeRow,
  type EntityRow,
  type PassageRow,
} from './rows.ts';


export type ChainGapKindName = 'UNCOVERED' | 'TAIWAN_ONLY' | 'NO_ENTERPRISE' | 'PLANNED_OR_SOUGHT_ONLY';

export interface ChainGapsRequest {
  readonly sector: string | null;
  readonly product: string | null;
  readonly first: number;
}

export interface ChainRow {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** upstream first */
  readonly products: EntityRow[];
}

export interface CoverageRow {
  readonly entity: EntityRow;
  readonly relation: EdgeRow;
  readonly taiwanInvested: boolean;
}

export interface ChainGapRow {
  readonly chain: ChainRow;
  readonly link: EntityRow;
  readonly kinds: ChainGapKindName[];
  readonly upstream: EntityRow[];
  readonly downstream: EntityRow[];
  readonly coverage: CoverageRow[];
  readonly coverageOutsideFujian: CoverageRow[];
  readonly explanation: string;
  readonly evidence: PassageRow[];
}

export interface ChainGapsResult {
  /** type of the `sector` entity asked for (null: none asked, or no such entity) */
  readonly sectorType: string | null;
  readonly productType: string | null;
  readonly gaps: ChainGapRow[];
}

/**
 * Every product on an INPUT_TO link, with its links, coverage, sectors and passages; the grouping into
 * chains (connected components) and the filters are done on these few rows in TypeScript, which costs far
 * less than a breadth-first walk from every product.
 */
export function chainGapsQuery(request: Pick<ChainGapsRequest, 'sector' | 'product'>): CypherQuery {
  return bindNamedQuery(loadNamedQuery('chain-gaps'), { sector: request.sector, product: request.product });
}

interface RawCover {
  entity: unknown;
  relation: unknown;
  ownerOrigins: string[];
  outsideFujian: boolean;
}

interface RawLink {
  link: unknown;
  sectors: string[];
  chainRels: unknown[];
  covers: RawCover[];
  passages: unknown[];
}

interface LinkData {
  readonly link: EntityRow;
  /** the sectors of the product and their parent sectors */
  readonly sectors: readonly string[];
  readonly chainRels: EdgeRow[];
  readonly covers: (CoverageRow & { outsideFujian: boolean })[];
  readonly passages: PassageRow[];
}

export async function readChainGaps(db: Reader, request: ChainGapsRequest): Promise<ChainGapsResult> {
  const [row] = await db.read(chainGapsQuery(request));
  const links = ((row?.links ?? []) as RawLink[]).map((raw): LinkData => ({
    link: toEntityRow(raw.link),
    sectors: raw.sectors,
    chainRels: raw.chainRels.map(toEdgeRow),
    covers: raw.covers.map((cover) => {
      const entity = toEntityRow(cover.entity);
      return {
        entity,
        relation: toEdgeRow(cover.relation),
        taiwanInvested: isTaiwanInvested(entity, cover.ownerOrigins),
        outsideFujian: Boolean(cover.outsideFujian),
      };
    }),
    passages: raw.passages.map((p) => toPassageRow(p)),
  }));

  const gaps: ChainGapRow[] = [];
  for (const [chainId, chainLinks] of groupIntoChains(links)) {
    if (request.product !== null && !chainLinks.some((l) => l.link.id === request.product)) continue;
    if (request.sector !== null && !chainLinks.some((l) => l.sectors.includes(request.sector as string)))
      continue;
    const chain = describeChain(chainId, chainLinks);
    const byId = new Map(chainLinks.map((l) => [l.link.id, l.link]));
    for (const product of chain.products) {
      const data = chainLinks.find((l) => l.link.id === product.id);
      const gap = data ? classify(chain, data, byId) : null;
      if (gap) gaps.push(gap);
    }
  }
  return {
    sectorType: (row?.sectorType as string | null | undefined) ?? null,
    productType: (row?.productType as string | null | undefined) ?? null,
    gaps: gaps.slice(0, request.first),
  };
}

/** Connected components of the INPUT_TO links (union-find), each named by its smallest product id, in id order. */
function groupIntoChains(links: readonly LinkData[]): [string, LinkData[]][] {
  const parent = new Map(links.map((l) => [l.link.id, l.link.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root && parent.has(root)) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  for (const l of links) {
    for (const edge of l.chainRels) {
      if (!parent.has(edge.source) || !parent.has(edge.target)) continue;
      const [a, b] = [find(edge.source), find(edge.target)];
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const chains = new Map<string, LinkData[]>();
  for (const l of links) {
    const root = find(l.link.id);
    chains.set(root, [...(chains.get(root) ?? []), l]);
  }
  return [...chains].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function isTaiwanInvested(entity: EntityRow, ownerOrigins: readonly string[]): boolean {
  if (entity.type === 'Enterprise') return entity.properties.origin === 'taiwan';
  if (entity.type === 'Project') return ownerOrigins.length > 0 && ownerOrigins.every((o) => o === 'taiwan');
  return false;
}

/** Orders the products upstream first (Kahn's algorithm, ids breaking ties) and names the chain by its ends. */
function describeChain(id: string, links: readonly LinkData[]): ChainRow {
  const edges = new Map<string, EdgeRow>();
  for (const l of links) for (const e of l.chainRels) edges.set(e.id, e);
  const products = new Map(links.map((l) => [l.link.id, l.link]));
  const indegree = new Map([...products.keys()].map((k) => [k, 0]));
  for (const e of edges.values()) indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
  const roots = [...products.keys()].filter((k) => indegree.get(k) === 0).sort();
  const sinks = [...products.keys()].filter((k) => ![...edges.values()].some((e) => e.source === k)).sort();

  const order: string[] = [];
  const remaining = new Map(indegree);
  const ready = [...roots];
  while (ready.length > 0) {
    ready.sort();
    const next = ready.shift() as string;
    order.push(next);
    for (const e of edges.values()) {
      if (e.source !== next) continue;
      const left = (remaining.get(e.target) ?? 0) - 1;
      remaining.set(e.target, left);
      if (left === 0) ready.push(e.target);
    }
  }
  // A cycle leaves products unordered: append them by id.
  for (const k of [...products.keys()].sort()) if (!order.includes(k)) order.push(k);

  const names = (ids: string[], field: 'name' | 'nameEn') =>
    ids.map((k) => products.get(k)?.[field] ?? k).join(field === 'name' ? '、' : ', ');
  return {
    id,
    name: `${names(roots, 'name')} → ${names(sinks, 'name')}`,
    nameEn: `${names(roots, 'nameEn')} → ${names(sinks, 'nameEn')}`,
    products: order.map((k) => products.get(k)).filter((p): p is EntityRow => p !== undefined),
  };
}

function classify(chain: ChainRow, data: LinkData, products: Map<string, EntityRow>): ChainGapRow | null {
  const { link } = data;
  const inFujian = data.covers.filter((c) => !c.outsideFujian);
  const outside = data.covers.filter((c) => c.outsideFujian);
  const firms = inFujian.filter((c) => c.entity.type === 'Enterprise' || c.entity.type === 'Project');
  const kinds: ChainGapKindName[] = [];
  const sentences: string[] = [];
  const label = `${link.name} (${link.nameEn})`;
  const list = (covers: readonly CoverageRow[]) => covers.map((c) => c.entity.name).join('、');

  if (inFujian.length === 0) {
    kinds.push('UNCOVERED');
    sentences.push(`No enterprise, project, park or region in Fujian covers ${label}.`);
    if (outside.length > 0) sentences.push(`Outside Fujian: ${list(outside)}.`);
  } else {
    if (firms.length === 0) {
      kinds.push('NO_ENTERPRISE');
      sentences.push(`No enterprise or project makes ${label}; only ${list(inFujian)} cover it.`);
    } else if (firms.every((c) => c.taiwanInvested)) {
      kinds.push('TAIWAN_ONLY');
      sentences.push(`Only Taiwan-invested firms make ${label}: ${list(firms)}.`);
    }
    if (inFujian.every((c) => c.relation.status !== 'existing')) {
      kinds.push('PLANNED_OR_SOUGHT_ONLY');
      const statuses = [...new Set<RelationStatus>(inFujian.map((c) => c.relation.status))].join(' or ');
      sentences.push(`Everything that covers ${label} is ${statuses} only: ${list(inFujian)}.`);
    }
  }
  if (kinds.length === 0) return null;

  const neighbours = (end: 'source' | 'target') =>
    data.chainRels
      .filter((e) => (end === 'source' ? e.target === link.id : e.source === link.id))
      .map((e) => products.get(end === 'source' ? e.source : e.target))
      .filter((p): p is EntityRow => p !== undefined);
  const strip = ({ entity, relation, taiwanInvested }: CoverageRow) => ({ entity, relation, taiwanInvested });
  return {
    chain,
    link,
    kinds,
    upstream: neighbours('source'),
    downstream: neighbours('target'),
    coverage: inFujian.map(strip),
    coverageOutsideFujian: outside.map(strip),
    explanation: sentences.join(' '),
    evidence: data.passages,
  };
}
