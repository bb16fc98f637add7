// Why an answer is not whole. Every walk is bounded twice: in what it returns (a node limit, an edge limit,
// a depth) and in the work it does (it stops after visiting LIMITS.walkVisits entities, however many are
// within reach). An answer cut by any of these says which, with the limit and one sentence a reader can act
// on, in English and Chinese (Bilingual: the API answers in the reader's language); `truncated` is true
// exactly when the list is not empty.
import type { Bilingual } from '../data/language.ts';

export type TruncationReasonName = 'NODE_LIMIT' | 'EDGE_LIMIT' | 'VISIT_LIMIT' | 'DEPTH';

export interface TruncationRow {
  readonly reason: TruncationReasonName;
  /** the limit that was reached: nodes, edges, entities visited, or links of depth */
  readonly limit: number;
  readonly message: Bilingual;
}

/**
 * The most entities one walk visits (each ring of a neighborhood, each direction of a supply chain): the
 * bound on the work of a walk from a hub, whatever its limit. `limits { walkVisits }` reports it.
 */
export const WALK_VISITS = 20_000;

/**
 * The most facts each side of a `paths` search reads (`limits { pathFacts }`). A path between two firms of
 * a county of 14,000 members reads the county's facts from both sides; at 1M industry-shaped facts the
 * paths through such hubs need 30,000–50,000, and reading 100,000 ids takes about 0.2 s.
 */
export const PATH_FACTS = 100_000;

/**
 * The most chain links chainGaps looks at as of a day (`limits { chainAsOfVisits }`). Each link counts its
 * covers live, as known that day: at 1M industry-shaped facts a link costs about half a millisecond (44
 * covers on average), so 20,000 links ran past the query timeout. 2,000 answer in a second or two there.
 */
export const CHAIN_AS_OF_VISITS = 2_000;

/**
 * The most entities each walk of impact visits (what fails with the entities asked for, and what loses its
 * inputs downstream; `limits { impactVisits }`). Every entity that fails brings its covers, chain links and
 * owned entities, each with its facts and evidence, into the one answer: at 1M power-law facts a hub park's
 * cascade of 20,000 entities made a 72 MB answer that took 37 s to read; 1,000 take about 1.5 s there.
 */
export const IMPACT_VISITS = 1_000;

export function nodeLimit(limit: number): TruncationRow {
  return {
    reason: 'NODE_LIMIT',
    limit,
    message: {
      en:
        `More than ${limit} entities are within reach; the ${limit} closest are shown (by distance, then id). ` +
        'Ask for a larger limit, a smaller depth or fewer relation types to see the rest.',
      zh:
        `可达的实体多于 ${limit} 个，只列出最近的 ${limit} 个（按距离，再按 id）。` +
        '要看其余的，请调大 limit、减小深度或少选几种关系。',
    },
  };
}

export function edgeLimit(limit: number): TruncationRow {
  return {
    reason: 'EDGE_LIMIT',
    limit,
    message: {
      en: `More than ${limit} facts join the entities shown; the first ${limit} by id are shown.`,
      zh: `连接所列实体的关系多于 ${limit} 条，只列出按 id 排序的前 ${limit} 条。`,
    },
  };
}

export function visitLimit(limit: number): TruncationRow {
  return {
    reason: 'VISIT_LIMIT',
    limit,
    message: {
      en:
        `The walk stopped after visiting ${limit} entities, the most one walk may visit: entities farther out ` +
        'were not looked at, and those of the farthest distance shown are the first the walk met, not the first ' +
        'by id. Start from a less connected entity, or ask for a smaller depth or fewer relation types.',
      zh:
        `遍历访问了 ${limit} 个实体（一次遍历的上限）后停止：更远的实体未被查看，所列最远一层的实体是遍历先遇到的，` +
        '而非按 id 排在最前的。请从关联较少的实体出发，或减小深度、少选几种关系。',
    },
  };
}

/**
 * paths, whose search from both ends stopped before reading more than `limit` facts around one of them;
 * the paths shown are all those of up to `finished` facts (the lengths it finished).
 */
export function pathVisitLimit(limit: number, finished: number): TruncationRow {
  return {
    reason: 'VISIT_LIMIT',
    limit,
    message: {
      en:
        `The search for paths stopped before reading more than ${limit} facts around one end, the most one side ` +
        'of it may: ' +
        (finished > 0
          ? `the paths shown are the shortest of up to ${finished} facts, and longer ones were not looked for. `
          : 'no path could be looked for. ') +
        'Ask for fewer relation types, or for paths between less connected entities.',
      zh:
        `路径搜索在一端周围要读取超过 ${limit} 条关系（每一侧的上限）前停止：` +
        (finished > 0
          ? `所列路径是不超过 ${finished} 步的最短路径，更长的未被查找。`
          : '未能查找任何路径。') +
        '请少选几种关系，或在关联较少的实体之间查找。',
    },
  };
}

/** chainGaps as of a day, which looks at the links of the chains in order, at most `limit` of them. */
export function chainVisitLimit(limit: number): TruncationRow {
  return {
    reason: 'VISIT_LIMIT',
    limit,
    message: {
      en:
        `As of a day the gaps are computed live, and the walk stopped after looking at ${limit} chain links, ` +
        'the most one walk may: the gaps shown are those of the links before them (chains by id, each upstream ' +
        'first), and the chains after were not looked at. Ask for a sector or a product to look at fewer chains.',
      zh:
        `按日期查看时缺口是现算的：遍历查看了 ${limit} 个产业链环节（一次遍历的上限）后停止，所列缺口只来自这些环节` +
        '（按链 id 排序，每条链从上游起），其后的链未被查看。请指定产业或产品，以减少要查看的链。',
    },
  };
}

export function depthLimit(depth: number): TruncationRow {
  return {
    reason: 'DEPTH',
    limit: depth,
    message: {
      en: `The chain goes on beyond ${depth} links; ask for a larger depth to see more.`,
      zh: `产业链超出 ${depth} 个环节还在延续；调大深度可看到更多。`,
    },
  };
}
