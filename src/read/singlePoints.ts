// Single points of failure (docs/design.md "The analyses"): the chain links that hang on one firm, and the
// firms ranked by the links their loss would leave without a maker in Fujian. The loader finds each link's
// single points (src/write/derive.ts); one statement, cypher/single-points.cypher, reads those links in chain
// order with their makers; this module ranks the firms and explains each link and each firm with its paths
// (the firm → OWNS → the project → PRODUCES → the link, every hop with its evidence). The GraphQL field
// singlePoints and `cskg query single-points` both call readSinglePoints.
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
import { WALK_VISITS, type TruncationRow } from './truncation.ts';

/** Names one sentence lists before "and N more", and paths one ranked firm shows. */
const SHOWN = 10;

export interface SinglePointsRequest {
  /** only the chain of this product (null: every chain) */
  readonly product: string | null;
  /** most firms ranked */
  readonly first: number;
  /** most links read (WALK_VISITS unless a test asks for fewer) */
  readonly visits?: number;
}

export interface SinglePointLinkRow {
  readonly chain: ChainRow;
  readonly link: EntityRow;
  /** the firms whose loss alone leaves no firm in Fujian making it */
  readonly points: EntityRow[];
  /** facts that cover it in Fujian, and of those by firms */
  readonly coverCount: number;
  readonly firmCount: number;
  /** true when nothing but those firms covers it: their loss leaves it uncovered (no park's focus either) */
  readonly uncoveredByLoss: boolean;
  /** from each single point to the link */
  readonly paths: PathRow[];
  readonly explanation: string;
  readonly evidence: PassageRow[];
}

export interface SinglePointRankRow {
  readonly entity: EntityRow;
  /** the links its loss leaves without a maker in Fujian, in chain order */
  readonly links: EntityRow[];
  /** of those, the links nothing else covers (no park's or region's focus) */
  readonly uncovers: number;
  readonly paths: PathRow[];
  readonly explanation: string;
  readonly evidence: PassageRow[];
}

export interface SinglePointsResult {
  readonly productType: string | null;
  readonly links: SinglePointLinkRow[];
  readonly ranking: SinglePointRankRow[];
  /** how many firms are single points of the links read */
  readonly rankCount: number;
  readonly truncation: TruncationRow[];
}

export function singlePointsQuery(request: SinglePointsRequest): CypherQuery {
  return bindNamedQuery(loadNamedQuery('single-points'), {
    product: request.product,
    visits: request.visits ?? WALK_VISITS,
  });
}

interface RawLink {
  chain: ChainRow;
  link: unknown;
  fujianCovers: number;
  fujianFirms: number;
  points: unknown[];
  makers: unknown[];
  covers: unknown[];
  owns: unknown[];
  passages: unknown[];
}

export async function readSinglePoints(
  db: Reader,
  request: SinglePointsRequest,
): Promise<SinglePointsResult> {
  const [row] = await db.read(singlePointsQuery(request));
  const visits = request.visits ?? WALK_VISITS;
  const perPoint = new Map<string, { entity: EntityRow; links: SinglePointLinkRow[]; paths: PathRow[] }>();
  const links = ((row?.links ?? []) as RawLink[]).map((raw): SinglePointLinkRow => {
    const link = toEntityRow(raw.link);
    const points = raw.points.map(toEntityRow);
    const entities = new Map([...points, ...raw.makers.map(toEntityRow), link].map((e) => [e.id, e]));
    const covers = raw.covers.map(toEdgeRow);
    const owns = raw.owns.map(toEdgeRow);
    const pathsOf = (point: EntityRow): PathRow[] => [
      ...covers.filter((c) => c.source === point.id).map((c) => path(entities, [point.id, link.id], [c])),
      ...owns
        .filter((o) => o.source === point.id)
        .flatMap((o) =>
          covers
            .filter((c) => c.source === o.target)
            .map((c) => path(entities, [point.id, o.target, link.id], [o, c])),
        ),
    ];
    const coverCount = Number(raw.fujianCovers);
    const firmCount = Number(raw.fujianFirms);
    const uncoveredByLoss = coverCount === firmCount;
    const paths = points.flatMap(pathsOf);
    const row: SinglePointLinkRow = {
      chain: { ...raw.chain, productCount: Number(raw.chain.productCount) },
      link,
      points,
      coverCount,
      firmCount,
      uncoveredByLoss,
      paths,
      explanation:
        `${label(link)} is made in Fujian only by ${names(
          covers.map((c) => c.source),
          entities,
        )}` +
        (points.length > 1 || !covers.some((c) => c.source === points[0]?.id)
          ? `, which ${names(
              points.map((p) => p.id),
              entities,
            )} alone ${points.length === 1 ? 'stands' : 'each stand'} behind`
          : '') +
        (uncoveredByLoss
          ? '; its loss leaves the link uncovered.'
          : `; its loss leaves only ${coverCount - firmCount} park or region ${coverCount - firmCount === 1 ? 'focus' : 'focuses'}.`),
      evidence: raw.passages.map((p) => toPassageRow(p)),
    };
    for (const point of points) {
      const entry = perPoint.get(point.id) ?? { entity: point, links: [], paths: [] };
      entry.links.push(row);
      entry.paths.push(...pathsOf(point));
      perPoint.set(point.id, entry);
    }
    return row;
  });
  const ranking = [...perPoint.values()]
    .map(({ entity, links: held, paths }): SinglePointRankRow => {
      const uncovers = held.filter((l) => l.uncoveredByLoss).length;
      const evidence = new Map(held.flatMap((l) => l.evidence).map((p) => [p.id, p]));
      return {
        entity,
        links: held.map((l) => l.link),
        uncovers,
        paths: paths.slice(0, SHOWN),
        explanation:
          `Losing ${label(entity)} leaves ${held.length} ${held.length === 1 ? 'link' : 'links'} without a maker in Fujian ` +
          `(${held
            .slice(0, SHOWN)
            .map((l) => l.link.name)
            .join('、')}${held.length > SHOWN ? ` and ${held.length - SHOWN} more` : ''})` +
          `, ${uncovers} of them with nothing else covering ${uncovers === 1 ? 'it' : 'them'}.`,
        evidence: [...evidence.values()].sort((a, b) => a.ordinal - b.ordinal),
      };
    })
    .sort(
      (a, b) =>
        b.uncovers - a.uncovers ||
        b.links.length - a.links.length ||
        (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0),
    );
  return {
    productType: (row?.productType as string | null | undefined) ?? null,
    links,
    ranking: ranking.slice(0, request.first),
    rankCount: ranking.length,
    truncation: row?.more ? [linkLimit(visits)] : [],
  };
}

function linkLimit(limit: number): TruncationRow {
  return {
    reason: 'VISIT_LIMIT',
    limit,
    message: {
      en:
        `More than ${limit} links hang on one firm; the first ${limit} in chain order were read and the ranking ` +
        'counts only those. Ask for the chain of one product to see the rest.',
      zh: `依赖一家企业的环节多于 ${limit} 个；只读取了按产业链顺序的前 ${limit} 个，排名只计这些。要看其余的，请查询单个产品的产业链。`,
    },
  };
}

function path(entities: ReadonlyMap<string, EntityRow>, ids: readonly string[], edges: EdgeRow[]): PathRow {
  return {
    nodes: ids.map((id) => entities.get(id)).filter((e): e is EntityRow => e !== undefined),
    edges,
    length: edges.length,
  };
}

const label = (e: EntityRow) => `${e.name} (${e.nameEn})`;

function names(ids: readonly string[], entities: ReadonlyMap<string, EntityRow>): string {
  const unique = [...new Set(ids)];
  const shown = unique.slice(0, SHOWN).map((id) => entities.get(id)?.name ?? id);
  return unique.length > shown.length
    ? `${shown.join('、')} and ${unique.length - shown.length} more`
    : shown.join('、');
}
