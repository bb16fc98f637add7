// Chain gaps (补链; what a chain and a gap are: src/data/derived.ts). The chains, each
// link's place on its chain and its gap kinds are computed when the graph is loaded (src/write/derive.ts),
// so one statement, cypher/chain-gaps.cypher, reads the first `first` gaps in their order with what covers
// each; the explanation is written here, in English and Chinese. The GraphQL field and `cskg query chain-gaps` both call
// readChainGaps, so they cannot disagree. The products of a chain are read on demand (readChainProducts),
// a page at a time, since a chain of an industrial registry can hold thousands.
//
// With `asOf`, the gaps as known on that day differ from the stored ones (a cover or an owner known later
// does not count yet), so readChainGaps runs cypher/chain-gaps-as-of.cypher instead: the same answer
// computed live from the facts known that day, a walk over the stored chains bounded by CHAIN_AS_OF_VISITS links
// and stopped at `first` gaps, slower at scale; a result cut by the budget says so (VISIT_LIMIT).
import { gapKinds, type ChainGapKindName, type CoverCounts } from '../data/derived.ts';
import type { Bilingual } from '../data/language.ts';
import type { RelationStatus } from '../data/model.ts';
import { cypherInteger, type CypherQuery, type Reader } from '../infra/database.ts';
import { readEvidence } from './entities.ts';
import { bindNamedQuery, loadNamedQuery } from './namedQueries.ts';
import {
  entityProjection,
  STATUS_ZH,
  entityRowsOn,
  toEdgeRow,
  toEntityRow,
  type EdgeRow,
  type EntityRow,
  type PassageRow,
} from './rows.ts';
import { CHAIN_AS_OF_VISITS, chainVisitLimit, type TruncationRow } from './truncation.ts';

export type { ChainGapKindName } from '../data/derived.ts';

/** Most covers named in a gap's explanation before "and N more". */
const NAMED_COVERS = 10;

export interface ChainGapsRequest {
  readonly sector: string | null;
  readonly product: string | null;
  readonly first: number;
  /** YYYY-MM-DD: the gaps as known on that day (src/read/time.ts); null or absent for the stored ones */
  readonly asOf?: string | null;
  /** as of a day: most chain links the walk looks at (default CHAIN_AS_OF_VISITS, the most) */
  readonly visits?: number;
  /**
   * Most INPUT_TO links of each gap read with their other product (`upstream`, `downstream`): 0 when the
   * request selects neither (default CHAIN_NEIGHBOURS, the most the API serves).
   */
  readonly neighbours?: number;
  /** false when no gap's `evidence` is wanted: none is read or listed (default true) */
  readonly evidence?: boolean;
  /** false: the passages are not read here, each gap names them by id (`evidenceIds`) for the caller (default true) */
  readonly readPassages?: boolean;
}

/** Most products of a gap's `upstream` and `downstream` (LIMITS.chainListFirst), and of its links read. */
export const CHAIN_NEIGHBOURS = 1000;

export interface ChainRow {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly productCount: number;
}

/** The chains a statement listed once (`${chainsOf(ids)}`, src/read/fragments.ts), by id. */
export function chainsById(raw: unknown): Map<string, ChainRow> {
  return new Map(
    ((raw ?? []) as ChainRow[]).map((c) => [c.id, { ...c, productCount: Number(c.productCount) }]),
  );
}

/** The chain a row names by id, from chainsById (every id a row names is among them). */
export function chainOf(chains: ReadonlyMap<string, ChainRow>, id: string): ChainRow {
  const chain = chains.get(id);
  if (!chain) throw new Error(`chain ${id} is named by a row but was not read`);
  return chain;
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
  /** the products that feed it (the first 1000 links by id) */
  readonly upstream: EntityRow[];
  readonly upstreamCount: number;
  readonly downstream: EntityRow[];
  readonly downstreamCount: number;
  /** what covers it in Fujian (of its first 1000 covers by id) */
  readonly coverage: CoverageRow[];
  readonly coverageCount: number;
  readonly coverageOutsideFujian: CoverageRow[];
  readonly coverageOutsideFujianCount: number;
  /** why it is a gap, in English and Chinese */
  readonly explanation: Bilingual;
  readonly evidence: PassageRow[];
  /**
   * When the request left the passages to its caller (`readPassages: false`): the ids of `evidence`, which is
   * then empty (the API reads them with the rest of a request's passages, in one statement). Else null.
   */
  readonly evidenceIds: string[] | null;
}

export interface ChainGapsResult {
  /** type of the `sector` entity asked for (null: none asked, or no such entity) */
  readonly sectorType: string | null;
  readonly productType: string | null;
  readonly gaps: ChainGapRow[];
  /** with asOf only: the walk ran out of its budget of links before `first` gaps were found */
  readonly truncation: TruncationRow | null;
}

export function chainGapsQuery(request: ChainGapsRequest): CypherQuery {
  const asOf = request.asOf ?? null;
  const common = {
    sector: request.sector,
    product: request.product,
    first: request.first,
    neighbours: request.neighbours ?? CHAIN_NEIGHBOURS,
    evidence: request.evidence ?? true,
  };
  return asOf === null
    ? bindNamedQuery(loadNamedQuery('chain-gaps'), common)
    : bindNamedQuery(loadNamedQuery('chain-gaps-as-of'), {
        ...common,
        asOf,
        visits: request.visits ?? CHAIN_AS_OF_VISITS,
      });
}

interface RawCover {
  entity: unknown;
  relation: unknown;
  /** a project's owners' origins, each once; empty for anything else */
  ownerOrigins: string[];
  outsideFujian: boolean;
}

interface RawGap {
  /** as of a day: the gap's place among the links visited */
  order?: number;
  /** as of a day: the counts its kinds follow from (stored: `kinds`, `coverCount`, `fujianCoverCount`) */
  counts?: Record<keyof CoverCounts, unknown>;
  /** the chain's id: the statement lists each chain once (`chains`) */
  chain: string;
  link: unknown;
  kinds?: ChainGapKindName[];
  coverCount?: number;
  fujianCoverCount?: number;
  upstreamCount: number;
  downstreamCount: number;
  chainRels: unknown[];
  chainNeighbours: unknown[];
  covers: RawCover[];
  /** the ids of the gap's passages, read once for the whole answer (readEvidence) */
  passageIds: string[];
}

export async function readChainGaps(db: Reader, request: ChainGapsRequest): Promise<ChainGapsResult> {
  const asOf = request.asOf ?? null;
  const [row] = await db.read(chainGapsQuery(request));
  const raws = (row?.links ?? []) as RawGap[];
  if (asOf !== null) raws.sort((a, b) => Number(a.order) - Number(b.order));
  // The gaps name their passages by id: one more statement reads each once for the whole answer.
  const ids = [...new Set(raws.flatMap((raw) => raw.passageIds))];
  const byId =
    request.readPassages === false
      ? null
      : ids.length === 0
        ? new Map<string, PassageRow>()
        : (await readEvidence(db, [], ids)).passages;
  const chains = chainsById(row?.chains);
  const gaps = raws.map((raw) => toGapRow(raw, chainOf(chains, raw.chain), asOf, byId));
  // As of a day, the walk read one link more than its budget when it had more to read.
  const visits = request.visits ?? CHAIN_AS_OF_VISITS;
  const cut = asOf !== null && Number(row?.visitedCount ?? 0) > visits && gaps.length < request.first;
  return {
    sectorType: (row?.sectorType as string | null | undefined) ?? null,
    productType: (row?.productType as string | null | undefined) ?? null,
    gaps,
    truncation: cut ? chainVisitLimit(visits) : null,
  };
}

/** The stored counts of a gap, or those counted live as of a day (then its kinds are named here). */
function countsOf(raw: RawGap): { kinds: ChainGapKindName[]; covers: number; fujianCovers: number } {
  if (raw.counts) {
    const counts = Object.fromEntries(
      Object.entries(raw.counts).map(([key, value]) => [key, Number(value)]),
    ) as unknown as CoverCounts;
    return { kinds: gapKinds(counts), covers: counts.covers, fujianCovers: counts.fujianCovers };
  }
  return {
    kinds: raw.kinds ?? [],
    covers: Number(raw.coverCount),
    fujianCovers: Number(raw.fujianCoverCount),
  };
}

/** `passages`: the passages read for the stored gaps' ids; null when the caller reads them (evidenceIds). */
function toGapRow(
  raw: RawGap,
  chain: ChainRow,
  asOf: string | null,
  passages: ReadonlyMap<string, PassageRow> | null,
): ChainGapRow {
  const toRow = entityRowsOn(asOf);
  const link = toRow(raw.link);
  const rels = raw.chainRels.map(toEdgeRow);
  const neighbours = raw.chainNeighbours.map(toRow);
  const { kinds, covers: coverCount, fujianCovers } = countsOf(raw);
  const covers = raw.covers.map((cover) => {
    const entity = toRow(cover.entity);
    return {
      entity,
      relation: toEdgeRow(cover.relation),
      taiwanInvested: isTaiwanInvested(entity, cover.ownerOrigins),
      outsideFujian: Boolean(cover.outsideFujian),
    };
  });
  const strip = ({ entity, relation, taiwanInvested }: CoverageRow) => ({ entity, relation, taiwanInvested });
  const inFujian = covers.filter((c) => !c.outsideFujian).map(strip);
  const outside = covers.filter((c) => c.outsideFujian).map(strip);
  const coverageCount = fujianCovers;
  const coverageOutsideFujianCount = coverCount - coverageCount;
  return {
    chain,
    link,
    kinds,
    upstream: rels.flatMap((edge, i) => (edge.target === link.id ? [neighbours[i] as EntityRow] : [])),
    upstreamCount: Number(raw.upstreamCount),
    downstream: rels.flatMap((edge, i) => (edge.source === link.id ? [neighbours[i] as EntityRow] : [])),
    downstreamCount: Number(raw.downstreamCount),
    coverage: inFujian,
    coverageCount,
    coverageOutsideFujian: outside,
    coverageOutsideFujianCount,
    explanation: explain(link, kinds, inFujian, coverageCount, outside, coverageOutsideFujianCount),
    evidence: inReadingOrder([...new Set(raw.passageIds)].flatMap((id) => passages?.get(id) ?? [])),
    evidenceIds: passages === null ? [...new Set(raw.passageIds)] : null,
  };
}

/** Passages in reading order (by ordinal, then id). */
export function inReadingOrder(passages: readonly PassageRow[]): PassageRow[] {
  return [...passages].sort((a, b) => a.ordinal - b.ordinal || a.id.localeCompare(b.id));
}

function isTaiwanInvested(entity: EntityRow, ownerOrigins: readonly string[]): boolean {
  if (entity.type === 'Enterprise') return entity.properties.origin === 'taiwan';
  if (entity.type === 'Project') return ownerOrigins.length > 0 && ownerOrigins.every((o) => o === 'taiwan');
  return false;
}

/**
 * One or two sentences, in English and in Chinese, with the names of what covers the link (the first
 * NAMED_COVERS, then how many more).
 */
function explain(
  link: EntityRow,
  kinds: readonly ChainGapKindName[],
  inFujian: readonly CoverageRow[],
  inFujianCount: number,
  outside: readonly CoverageRow[],
  outsideCount: number,
): Bilingual {
  const label = `${link.name} (${link.nameEn})`;
  const names = (covers: readonly CoverageRow[]) =>
    covers
      .slice(0, NAMED_COVERS)
      .map((c) => c.entity.name)
      .join('、');
  const list = (covers: readonly CoverageRow[], count: number) => {
    const more = count - Math.min(covers.length, NAMED_COVERS);
    return more > 0 ? `${names(covers)} and ${more} more` : names(covers);
  };
  const listZh = (covers: readonly CoverageRow[], count: number) => {
    const more = count - Math.min(covers.length, NAMED_COVERS);
    return more > 0 ? `${names(covers)}等${count}个` : names(covers);
  };
  const firms = inFujian.filter((c) => c.entity.type === 'Enterprise' || c.entity.type === 'Project');
  const en: string[] = [];
  const zh: string[] = [];
  if (kinds.includes('UNCOVERED')) {
    en.push(`No enterprise, project, park or region in Fujian covers ${label}.`);
    zh.push(`福建没有企业、项目、园区或地区覆盖${link.name}。`);
    if (outsideCount > 0) {
      en.push(`Outside Fujian: ${list(outside, outsideCount)}.`);
      zh.push(`福建以外：${listZh(outside, outsideCount)}。`);
    }
  }
  if (kinds.includes('NO_ENTERPRISE')) {
    en.push(`No enterprise or project makes ${label}; only ${list(inFujian, inFujianCount)} cover it.`);
    zh.push(`没有企业或项目生产${link.name}，只有${listZh(inFujian, inFujianCount)}覆盖它。`);
  }
  if (kinds.includes('TAIWAN_ONLY')) {
    en.push(`Only Taiwan-invested firms make ${label}: ${list(firms, firms.length)}.`);
    zh.push(`只有台资企业生产${link.name}：${listZh(firms, firms.length)}。`);
  }
  if (kinds.includes('PLANNED_OR_SOUGHT_ONLY')) {
    const statuses = [...new Set<RelationStatus>(inFujian.map((c) => c.relation.status))];
    en.push(
      `Everything that covers ${label} is ${statuses.join(' or ')} only: ${list(inFujian, inFujianCount)}.`,
    );
    zh.push(
      `覆盖${link.name}的都只是${statuses.map((s) => STATUS_ZH[s]).join('或')}：${listZh(inFujian, inFujianCount)}。`,
    );
  }
  return { en: en.join(' '), zh: zh.join('') };
}

// ------------------------------------------------------------------------------- products of chains

export interface ChainProductsRequest {
  readonly chainId: string;
  readonly first: number;
}

/** The first products of each chain, upstream first (the ChainLink index on chain and position). */
export function chainProductsQuery(requests: readonly ChainProductsRequest[]): CypherQuery {
  return {
    cypher: /* Cypher */ `
      UNWIND range(0, size($requests) - 1) AS i
      WITH i, $requests[i] AS request
      RETURN i, COLLECT {
        // positions are 0, 1, 2 … along the chain: the first ones are a range of the (chain, position) index
        MATCH (l:ChainLink) WHERE l.chain = request.chainId AND l.position < request.first
        WITH l ORDER BY l.position
        MATCH (p:Entity {id: l.product})
        RETURN ${entityProjection('p')} AS product
      } AS products
      ORDER BY i`,
    params: {
      requests: requests.map((r) => ({ chainId: r.chainId, first: cypherInteger(r.first) })),
    },
  };
}

export async function readChainProducts(
  db: Reader,
  requests: readonly ChainProductsRequest[],
): Promise<EntityRow[][]> {
  const rows = await db.read(chainProductsQuery(requests));
  return requests.map((_, i) => ((rows[i]?.products ?? []) as unknown[]).map(toEntityRow));
}
