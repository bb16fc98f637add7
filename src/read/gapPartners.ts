// Partners for the gaps (补链招商, 对接; docs/design.md "The analyses"). One statement,
// cypher/gap-partners.cypher, reads chainGaps' gaps with, for each, the reasons entities elsewhere in the
// graph could fill it and the facts that carry each reason; this module ranks the partners of each gap and
// explains them. The rank: the plan's own 对接 first (PLAN_COOPERATION with the product or its sector, then
// PARK_COOPERATION with a park that focuses on it: a zone's 对接 may be about another of its industries), then those that make the product
// elsewhere, the sector's associations, and those that focus on its sector; within a kind, Taiwan-side
// entities first (the plan seeks Taiwan's firms and associations), then the closest reason (fewest facts),
// then the most reasons, then id. The GraphQL field gapPartners and `cskg query gap-partners` both call
// readGapPartners.
import type { Bilingual } from '../data/language.ts';
import type { CypherQuery, Reader } from '../infra/database.ts';
import { chainOf, chainsById, type ChainGapKindName, type ChainRow } from './chainGaps.ts';
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

export type PartnerReasonName =
  'PLAN_COOPERATION' | 'PARK_COOPERATION' | 'MAKES_ELSEWHERE' | 'SECTOR_ASSOCIATION' | 'SECTOR_FOCUS';

const REASON_ORDER: readonly PartnerReasonName[] = [
  'PLAN_COOPERATION',
  'PARK_COOPERATION',
  'MAKES_ELSEWHERE',
  'SECTOR_ASSOCIATION',
  'SECTOR_FOCUS',
];

export interface GapPartnersRequest {
  readonly sector: string | null;
  readonly product: string | null;
  /** most gaps */
  readonly first: number;
  /** most partners of each gap */
  readonly partners: number;
}

export interface PartnerReasonRow {
  readonly kind: PartnerReasonName;
  /** from the gap's product to the partner: every hop a fact with its evidence */
  readonly path: PathRow;
}

export interface GapPartnerRow {
  readonly entity: EntityRow;
  /** lies in a Taiwan-side place, is a Taiwan association, or a Taiwan firm seated nowhere in the graph */
  readonly taiwanSide: boolean;
  readonly reasons: PartnerReasonRow[];
  /** why it could fill the gap, in English and Chinese */
  readonly explanation: Bilingual;
  readonly evidence: PassageRow[];
}

export interface GapPartnersRow {
  readonly chain: ChainRow;
  readonly link: EntityRow;
  readonly kinds: ChainGapKindName[];
  readonly partners: GapPartnerRow[];
  /** how many partners it has, `partners` or not */
  readonly partnerCount: number;
}

export interface GapPartnersResult {
  readonly sectorType: string | null;
  readonly productType: string | null;
  readonly gaps: GapPartnersRow[];
}

export function gapPartnersQuery(request: GapPartnersRequest): CypherQuery {
  return bindNamedQuery(loadNamedQuery('gap-partners'), {
    sector: request.sector,
    product: request.product,
    first: request.first,
    partners: request.partners,
  });
}

interface RawGap {
  /** the chain's id: the statement lists each chain once (`chains`) */
  chain: string;
  link: unknown;
  kinds: ChainGapKindName[];
  reasons: { kind: PartnerReasonName; entity: string; facts: unknown[] }[];
  entities: (Record<string, unknown> & { taiwanSide: boolean })[];
  passages: unknown[];
}

export async function readGapPartners(db: Reader, request: GapPartnersRequest): Promise<GapPartnersResult> {
  const [row] = await db.read(gapPartnersQuery(request));
  const chains = chainsById(row?.chains);
  return {
    sectorType: (row?.sectorType as string | null | undefined) ?? null,
    productType: (row?.productType as string | null | undefined) ?? null,
    gaps: ((row?.gaps ?? []) as RawGap[]).map((raw) =>
      toGapPartners(raw, chainOf(chains, raw.chain), request.partners),
    ),
  };
}

function toGapPartners(raw: RawGap, chain: ChainRow, most: number): GapPartnersRow {
  const link = toEntityRow(raw.link);
  const entities = new Map<string, EntityRow>([[link.id, link]]);
  const taiwanSide = new Set<string>();
  for (const e of raw.entities) {
    const entity = toEntityRow(e);
    entities.set(entity.id, entity);
    if (e.taiwanSide) taiwanSide.add(entity.id);
  }
  const passages = new Map(raw.passages.map((p) => toPassageRow(p)).map((p) => [p.id, p]));
  const byPartner = new Map<string, PartnerReasonRow[]>();
  const seen = new Set<string>();
  for (const reason of raw.reasons) {
    const facts = reason.facts.map(toEdgeRow);
    const key = `${reason.kind}|${facts.map((f) => f.id).join('>')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byPartner.get(reason.entity) ?? [];
    list.push({ kind: reason.kind, path: pathFrom(link.id, facts, entities) });
    byPartner.set(reason.entity, list);
  }
  const partners = [...byPartner.entries()]
    .map(([id, reasons]): GapPartnerRow => {
      reasons.sort(
        (a, b) =>
          REASON_ORDER.indexOf(a.kind) - REASON_ORDER.indexOf(b.kind) || a.path.length - b.path.length,
      );
      const entity = entities.get(id) as EntityRow;
      const ids = new Set(reasons.flatMap((r) => r.path.edges.flatMap((e) => e.evidence)));
      return {
        entity,
        taiwanSide: taiwanSide.has(id),
        reasons,
        explanation: explain(entity, link, reasons, taiwanSide.has(id)),
        evidence: [...ids]
          .map((p) => passages.get(p))
          .filter((p): p is PassageRow => p !== undefined)
          .sort((a, b) => a.ordinal - b.ordinal),
      };
    })
    .sort((a, b) => {
      const [ra, rb] = [a.reasons[0] as PartnerReasonRow, b.reasons[0] as PartnerReasonRow];
      return (
        REASON_ORDER.indexOf(ra.kind) - REASON_ORDER.indexOf(rb.kind) ||
        Number(b.taiwanSide) - Number(a.taiwanSide) ||
        ra.path.length - rb.path.length ||
        b.reasons.length - a.reasons.length ||
        (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0)
      );
    });
  return {
    chain,
    link,
    kinds: raw.kinds,
    partners: partners.slice(0, most),
    partnerCount: partners.length,
  };
}

/** The facts of a reason, from the gap's product on, as a path (each fact in its own direction). */
function pathFrom(
  start: string,
  facts: readonly EdgeRow[],
  entities: ReadonlyMap<string, EntityRow>,
): PathRow {
  const ids = [start];
  for (const fact of facts) {
    const at = ids[ids.length - 1];
    ids.push(fact.source === at ? fact.target : fact.source);
  }
  return {
    nodes: ids.map((id) => entities.get(id)).filter((e): e is EntityRow => e !== undefined),
    edges: [...facts],
    length: facts.length,
  };
}

const REASON_TEXT: Readonly<Record<PartnerReasonName, Bilingual>> = {
  PLAN_COOPERATION: { en: 'the plan seeks cooperation (对接) with it on', zh: '规划寻求与它对接：' },
  PARK_COOPERATION: {
    en: 'the plan seeks cooperation (对接) with it for a park that focuses on the product:',
    zh: '规划为一个以该产品为重点的园区寻求与它对接：',
  },
  MAKES_ELSEWHERE: {
    en: 'it makes or focuses on the product outside Fujian:',
    zh: '它在福建以外生产该产品或以之为重点：',
  },
  SECTOR_ASSOCIATION: { en: 'it is an association of the sector:', zh: '它是该产业的协会：' },
  SECTOR_FOCUS: { en: 'it works in the sector:', zh: '它从事该产业：' },
};

function explain(
  entity: EntityRow,
  link: EntityRow,
  reasons: readonly PartnerReasonRow[],
  taiwan: boolean,
): Bilingual {
  const [best] = reasons;
  if (!best) return { en: '', zh: '' };
  const via =
    best.path.nodes
      .slice(1, -1)
      .map((n) => n.name)
      .join(' › ') || link.name;
  return {
    en:
      `${entity.name} (${entity.nameEn})${taiwan ? ', Taiwan side,' : ''} could fill ${link.name}: ` +
      `${REASON_TEXT[best.kind].en} ${via}` +
      (reasons.length > 1 ? ` (${reasons.length} reasons in all).` : '.'),
    zh:
      `${entity.name}${taiwan ? '（台湾方面）' : ''}可以填补${link.name}：${REASON_TEXT[best.kind].zh}${via}` +
      (reasons.length > 1 ? `（共${reasons.length}条理由）。` : '。'),
  };
}
