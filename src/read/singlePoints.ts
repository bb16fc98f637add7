// Single points of failure (docs/design.md "The analyses"): the chain links that hang on one firm, and the
// firms ranked by the links their loss would leave without a maker in Fujian. The loader finds each link's
// single points (src/write/derive.ts); one statement, cypher/single-points.cypher, reads those links in chain
// order with their makers; this module ranks the firms and explains each link and each firm with its paths
// (the firm → OWNS → the project → PRODUCES → the link, every hop with its evidence). The GraphQL field
// singlePoints and `cskg query single-points` both call readSinglePoints.
import type { CypherQuery, Reader } from '../infra/database.ts';
import { chainOf, chainsById, type ChainRow } from './chainGaps.ts';
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
import type { Bilingual } from '../data/language.ts';

/** Names one sentence lists before "and N more", and paths one ranked firm shows. */
const SHOWN = 10;

export interface SinglePointsRequest {
  /** only the chain of this product (null: every chain) */
  readonly product: string | null;
  /** most firms ranked */
  readonly first: number;
  /** most links read (WALK_VISITS unless a test asks for fewer) */
  readonly visits?: number;
  /**
   * false when no path, link explanation or evidence is wanted: the makers, their facts and the passages are
   * not read, and those come back empty (default true). The ranking and each link's points are the same.
   */
  readonly details?: boolean;
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
  readonly explanation: Bilingual;
  readonly evidence: PassageRow[];
}

export interface SinglePointRankRow {
  readonly entity: EntityRow;
  /** the links its loss leaves without a maker in Fujian, in chain order */
  readonly links: EntityRow[];
  /** of those, the links nothing else covers (no park's or region's focus) */
  readonly uncovers: number;
  readonly paths: PathRow[];
  readonly explanation: Bilingual;
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
    details: request.details ?? true,
  });
}

interface RawLink {
  /** the chain's id: the statement lists each chain once (`chains`) */
  chain: string;
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
  const chains = chainsById(row?.chains);
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
      chain: chainOf(chains, raw.chain),
      link,
      points,
      coverCount,
      firmCount,
      uncoveredByLoss,
      paths,
      explanation: explainLink(
        link,
        names(
          covers.map((c) => c.source),
          entities,
        ),
        points.length > 1 || !covers.some((c) => c.source === points[0]?.id)
          ? {
              count: points.length,
              who: names(
                points.map((p) => p.id),
                entities,
              ),
            }
          : null,
        uncoveredByLoss ? null : coverCount - firmCount,
      ),
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
        explanation: explainRank(
          entity,
          held.length,
          uncovers,
          names(
            held.map((l) => l.link.id),
            new Map(held.map((l) => [l.link.id, l.link])),
          ),
        ),
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

/**
 * "X is made in Fujian only by A, which B alone stands behind; its loss leaves the link uncovered." `behind`:
 * the single points when they are not the makers themselves; `focuses`: the park or region focuses left
 * (null: none, the link is uncovered).
 */
function explainLink(
  link: EntityRow,
  makers: Bilingual,
  behind: { count: number; who: Bilingual } | null,
  focuses: number | null,
): Bilingual {
  return {
    en:
      `${label(link)} is made in Fujian only by ${makers.en}` +
      (behind
        ? `, which ${behind.who.en} alone ${behind.count === 1 ? 'stands' : 'each stand'} behind`
        : '') +
      (focuses === null
        ? '; its loss leaves the link uncovered.'
        : `; its loss leaves only ${focuses} park or region ${focuses === 1 ? 'focus' : 'focuses'}.`),
    zh:
      `福建只有${makers.zh}生产${link.name}` +
      (behind ? `，而${behind.who.zh}${behind.count === 1 ? '是其唯一的支撑' : '各自是其唯一的支撑'}` : '') +
      (focuses === null
        ? '；失去它，这一环节便无人覆盖。'
        : `；失去它，只剩${focuses}个园区或地区以它为重点。`),
  };
}

function explainRank(entity: EntityRow, links: number, uncovers: number, which: Bilingual): Bilingual {
  return {
    en:
      `Losing ${label(entity)} leaves ${links} ${links === 1 ? 'link' : 'links'} without a maker in Fujian ` +
      `(${which.en}), ${uncovers} of them with nothing else covering ${uncovers === 1 ? 'it' : 'them'}.`,
    zh: `失去${entity.name}，福建将有${links}个环节没有生产者（${which.zh}），其中${uncovers}个再无其他主体覆盖。`,
  };
}
