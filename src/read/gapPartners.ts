// Partners for the gaps (补链招商, 对接; docs/design.md "The analyses"). cypher/gap-partners.cypher reads
// chainGaps' gaps with the nodes a reason may pass through (the product, its sectors and their parents,
// the parks that focus on it), each node's first reasons of each kind, by id; this module merges each
// gap's lists (less what covers it), ranks its partners, then reads the entities, facts and passages of
// the partners it keeps, and explains them. The rank: the plan's own 对接 first (PLAN_COOPERATION with the
// product or its sector, then PARK_COOPERATION with a park that focuses on it: a zone's 对接 may be about
// another of its industries), then those that make the product elsewhere, the sector's associations, and
// those that focus on its sector; within a kind, Taiwan-side entities first (the plan seeks Taiwan's
// firms and associations), then the closest reason (fewest facts), then the most reasons, then id. The
// GraphQL field gapPartners and `cskg query gap-partners` both call readGapPartners.
import type { Bilingual } from '../data/language.ts';
import type { CypherQuery, Reader } from '../infra/database.ts';
import { chainOf, chainsById, type ChainGapKindName, type ChainRow } from './chainGaps.ts';
import { readEntitiesById, readEvidence, readRelationsById } from './entities.ts';
import { bindNamedQuery, loadNamedQuery } from './namedQueries.ts';
import type { PathRow } from './paths.ts';
import { type EdgeRow, type EntityRow, type PassageRow } from './rows.ts';

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
  /**
   * false when no reason's path, partner's explanation or evidence is wanted: the facts of the reasons and
   * their passages are not read, and those come back empty (default true). The gaps, partners, their
   * ranking, sides and reasons' kinds are the same.
   */
  readonly details?: boolean;
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

/** One reason of a node's list (or of a gap's own MAKES_ELSEWHERE list), in the order the statement sorted it. */
export interface RawReason {
  entity: string;
  fact: string;
  /** 0 for a Taiwan firm or association by its own origin or side, else 1: the first sort key */
  side: number;
  /** on the Taiwan side, places included (what the ranking and the answer call taiwanSide) */
  taiwan: boolean;
}

/** A node a reason passes through, with its first reasons of each kind (cypher/gap-partners.cypher). */
export interface RawReach {
  node: string;
  park: boolean;
  cooperation: RawReason[];
  associations: RawReason[];
  focus: RawReason[];
}

export interface RawGap {
  rank: number;
  /** the chain's id: the statement lists each chain once (`chains`) */
  chain: string;
  link: string;
  kinds: ChainGapKindName[];
  covering: string[];
  /** the gap's product (via none), its sectors and their parents, the parks that focus on it */
  targets: { node: string; via: string[] }[];
}

/** A reason of one gap, named by ids until the partners kept are read. */
export interface Candidate {
  kind: PartnerReasonName;
  entity: string;
  /** from the gap's product to the partner */
  facts: string[];
  side: number;
  taiwan: boolean;
}

/** A partner of one gap, ranked on ids and counts only. */
export interface RankedPartner {
  entity: string;
  taiwan: boolean;
  reasons: Candidate[];
}

export async function readGapPartners(db: Reader, request: GapPartnersRequest): Promise<GapPartnersResult> {
  const [row] = await db.read(gapPartnersQuery(request));
  const chains = chainsById(row?.chains);
  const reaches = new Map(((row?.reaches ?? []) as RawReach[]).map((r) => [r.node, r]));
  const elsewhere = new Map<string, RawReason[]>();
  for (const x of (row?.elsewhere ?? []) as (RawReason & { gap: string })[]) {
    const list = elsewhere.get(x.gap) ?? [];
    list.push(x);
    elsewhere.set(x.gap, list);
  }
  const raws = ((row?.gaps ?? []) as RawGap[]).sort((a, b) => Number(a.rank) - Number(b.rank));
  const ranked = raws.map((raw) => {
    const partners = rankPartners(
      candidatesOf(raw, reaches, elsewhere.get(raw.link) ?? [], request.partners),
    );
    return { raw, partners: partners.slice(0, request.partners), partnerCount: partners.length };
  });
  // The partners kept, read in full: their entities, the facts of their reasons and those facts' passages.
  const details = request.details ?? true;
  const factIds = details
    ? [...new Set(ranked.flatMap((g) => g.partners.flatMap((p) => p.reasons.flatMap((r) => r.facts))))]
    : [];
  const entityIds = new Set(ranked.flatMap((g) => [g.raw.link, ...g.partners.map((p) => p.entity)]));
  for (const id of factIds) for (const end of endsOf(id)) entityIds.add(end);
  const [facts, entities] = await Promise.all([
    factIds.length === 0 ? new Map<string, EdgeRow>() : readRelationsById(db, factIds),
    readEntitiesById(db, [...entityIds]),
  ]);
  const passageIds = [...new Set([...facts.values()].flatMap((f) => f.evidence))];
  const passages =
    passageIds.length === 0
      ? new Map<string, PassageRow>()
      : (await readEvidence(db, [], passageIds)).passages;
  return {
    sectorType: (row?.sectorType as string | null | undefined) ?? null,
    productType: (row?.productType as string | null | undefined) ?? null,
    gaps: ranked.flatMap(({ raw, partners, partnerCount }) => {
      const link = entities.get(raw.link);
      // (a load that replaced the graph between the two statements: the gap is gone)
      if (!link) return [];
      const rows = partners.flatMap((p) =>
        details ? partnerRow(p, link, facts, entities, passages) : partnerWithoutDetails(p, entities),
      );
      return [{ chain: chainOf(chains, raw.chain), link, kinds: raw.kinds, partners: rows, partnerCount }];
    }),
  };
}

/** The two entities of a fact id, `<from>|<TYPE>|<to>[|<key>]` (relationId, src/data/model.ts). */
function endsOf(factId: string): string[] {
  const [from = '', , to = ''] = factId.split('|');
  return [from, to];
}

const byKey = (a: Candidate, b: Candidate) =>
  a.side - b.side ||
  a.facts.length - b.facts.length ||
  compareIds(a.entity, b.entity) ||
  compareIds(a.facts[a.facts.length - 1] ?? '', b.facts[b.facts.length - 1] ?? '') ||
  // two parallel facts on the way (a sector PART_OF its parent twice): the path by its facts' ids
  compareIds(a.facts.join('>'), b.facts.join('>'));

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A gap's reasons: of each kind, the first 3 × `partners` (the Taiwan side first, then the closest, then by
 * id), from the lists of the nodes it passes through, less what covers the gap (an association is never
 * coverage). The plan's 对接 with the product or a sector and with a park are one list, as in the plan.
 */
export function candidatesOf(
  raw: RawGap,
  reaches: ReadonlyMap<string, RawReach>,
  elsewhere: readonly RawReason[],
  partners: number,
): Candidate[] {
  const covering = new Set(raw.covering);
  const kept = 3 * partners;
  const pick = (
    list: (reach: RawReach) => RawReason[],
    kind: (reach: RawReach) => PartnerReasonName,
    leaveOutCovering: boolean,
  ): Candidate[] =>
    raw.targets
      .flatMap((t) => {
        const reach = reaches.get(t.node);
        if (!reach) return [];
        return list(reach)
          .filter((x) => !leaveOutCovering || !covering.has(x.entity))
          .map((x) => ({
            kind: kind(reach),
            entity: x.entity,
            facts: [...t.via, x.fact],
            side: x.side,
            taiwan: x.taiwan,
          }));
      })
      .sort(byKey)
      .slice(0, kept);
  return [
    ...pick(
      (r) => r.cooperation,
      (r) => (r.park ? 'PARK_COOPERATION' : 'PLAN_COOPERATION'),
      true,
    ),
    ...elsewhere.map((x): Candidate => ({
      kind: 'MAKES_ELSEWHERE',
      entity: x.entity,
      facts: [x.fact],
      side: x.side,
      taiwan: x.taiwan,
    })),
    ...pick(
      (r) => r.associations,
      () => 'SECTOR_ASSOCIATION',
      false,
    ),
    ...pick(
      (r) => r.focus,
      () => 'SECTOR_FOCUS',
      true,
    ),
  ];
}

/**
 * The partners of one gap, best first: by their best reason's kind, then the Taiwan side, then the closest
 * reason (fewest facts), then the most reasons, then id. A reason repeated (the same kind and facts) counts once.
 */
export function rankPartners(candidates: readonly Candidate[]): RankedPartner[] {
  const byPartner = new Map<string, RankedPartner>();
  const seen = new Set<string>();
  for (const reason of candidates) {
    const key = `${reason.kind}|${reason.facts.join('>')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const partner = byPartner.get(reason.entity) ?? {
      entity: reason.entity,
      taiwan: reason.taiwan,
      reasons: [],
    };
    partner.reasons.push(reason);
    byPartner.set(reason.entity, partner);
  }
  const kindOf = (r: Candidate) => REASON_ORDER.indexOf(r.kind);
  for (const partner of byPartner.values()) {
    partner.reasons.sort((a, b) => kindOf(a) - kindOf(b) || a.facts.length - b.facts.length);
  }
  return [...byPartner.values()].sort((a, b) => {
    const [ra, rb] = [a.reasons[0] as Candidate, b.reasons[0] as Candidate];
    return (
      kindOf(ra) - kindOf(rb) ||
      Number(b.taiwan) - Number(a.taiwan) ||
      ra.facts.length - rb.facts.length ||
      b.reasons.length - a.reasons.length ||
      compareIds(a.entity, b.entity)
    );
  });
}

/** A partner kept, with its entities, facts and passages read; none when the graph changed in between. */
function partnerRow(
  partner: RankedPartner,
  link: EntityRow,
  facts: ReadonlyMap<string, EdgeRow>,
  entities: ReadonlyMap<string, EntityRow>,
  passages: ReadonlyMap<string, PassageRow>,
): GapPartnerRow[] {
  const entity = entities.get(partner.entity);
  const reasons = partner.reasons.flatMap((reason): PartnerReasonRow[] => {
    const edges = reason.facts.map((id) => facts.get(id));
    if (edges.some((e) => e === undefined)) return [];
    return [{ kind: reason.kind, path: pathFrom(link.id, edges as EdgeRow[], entities) }];
  });
  if (!entity || reasons.length === 0) return [];
  const ids = new Set(reasons.flatMap((r) => r.path.edges.flatMap((e) => e.evidence)));
  return [
    {
      entity,
      taiwanSide: partner.taiwan,
      reasons,
      explanation: explain(entity, link, reasons, partner.taiwan),
      evidence: [...ids]
        .map((p) => passages.get(p))
        .filter((p): p is PassageRow => p !== undefined)
        .sort((a, b) => a.ordinal - b.ordinal),
    },
  ];
}

/** A partner without what its reasons are made of: no path, explanation or evidence was asked for. */
function partnerWithoutDetails(
  partner: RankedPartner,
  entities: ReadonlyMap<string, EntityRow>,
): GapPartnerRow[] {
  const entity = entities.get(partner.entity);
  if (!entity) return [];
  const path: PathRow = { nodes: [], edges: [], length: 0 };
  return [
    {
      entity,
      taiwanSide: partner.taiwan,
      reasons: partner.reasons.map((reason) => ({ kind: reason.kind, path })),
      explanation: { en: '', zh: '' },
      evidence: [],
    },
  ];
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
