// The shapes the explorer works with: what the GraphQL contract (schema.graphql, docs/design.md) returns,
// reduced to what the view needs. The explorer never imports server code; the types the API may add later
// (a new entity or relation type) are plain strings here and get a neutral style.

export type RelationStatus = 'existing' | 'planned' | 'sought';
export const STATUSES: readonly RelationStatus[] = ['existing', 'planned', 'sought'];

/** The entity types of schema.graphql, in the order the legend and the stylesheet list them. */
export const ENTITY_TYPES: readonly string[] = [
  'Region',
  'Park',
  'Sector',
  'Product',
  'Enterprise',
  'Project',
  'Association',
  'Agency',
  'Policy',
  'Measure',
  'Event',
  'Indicator',
  'Document',
];

/** The relation types of schema.graphql, in the order the legend lists them. */
export const RELATION_TYPES: readonly string[] = [
  'LOCATED_IN',
  'PART_OF',
  'FOCUSES_ON',
  'IN_SECTOR',
  'PRODUCES',
  'INPUT_TO',
  'SUPPORTS',
  'COOPERATES_WITH',
  'PARTNERS_WITH',
  'INVESTS_IN',
  'OWNS',
  'ANCHORS',
  'TARGETS',
  'APPLIES_TO',
  'BASED_ON',
  'MEASURES',
  'HOSTS',
  'COUNTERPART_OF',
];

export interface Attribute {
  readonly key: string;
  readonly value: string;
}

/** A passage of the plan that states a fact. `quote` is the cited words, when the API says which. */
export interface Passage {
  readonly id: string;
  readonly documentId: string;
  /** heading path joined with ` › ` */
  readonly section: string;
  readonly sectionPath?: readonly string[];
  /** position in reading order */
  readonly ordinal?: number;
  /** sentence, list-item, table-row, heading, ... */
  readonly kind?: string | null;
  readonly text: string;
  readonly quote?: string | null;
}

export interface EntitySummary {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly nameEn: string;
  readonly aliases: readonly string[];
  readonly attributes: readonly Attribute[];
  /** relations in the whole graph (not only those on screen), when the API told us */
  readonly degree?: number;
  /** what became of it on the day the view is seen as of (today without one), when the API told us */
  readonly status?: { readonly outcome: Outcome } | null;
}

export interface EntityDetails extends EntitySummary {
  readonly caveats: readonly string[];
  readonly evidence: readonly Passage[];
}

export interface EdgeSummary {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly attributes: readonly Attribute[];
}

export interface EdgeDetails extends EdgeSummary {
  readonly caveats: readonly string[];
  readonly evidence: readonly Passage[];
  readonly sourceEntity: EntitySummary;
  readonly targetEntity: EntitySummary;
}

/** One relation of an entity as its details panel lists it. */
export interface RelationItem {
  readonly edge: EdgeSummary;
  readonly direction: 'OUT' | 'IN';
  readonly neighbor: EntitySummary;
}

export interface EntityRecord extends EntityDetails {
  readonly relations: readonly RelationItem[];
  readonly relationCount: number;
}

export interface Subgraph {
  readonly nodes: readonly EntitySummary[];
  readonly edges: readonly EdgeSummary[];
  readonly truncated: boolean;
}

export interface GraphPath {
  readonly nodes: readonly EntitySummary[];
  readonly edges: readonly EdgeSummary[];
  readonly length: number;
}

/** A path whose every hop carries its evidence, as the path finder shows it. */
export interface PathWithEvidence extends GraphPath {
  readonly edges: readonly EdgeDetails[];
}

export interface SearchHit {
  readonly entity: EntitySummary;
  readonly score: number;
  /** the name, English name or alias that matched */
  readonly matched?: string;
}

/** Why a link of a chain is a gap, as the API's chainGaps says (docs/design.md, The analyses). */
export type GapKind = 'uncovered' | 'taiwan-only' | 'no-enterprise' | 'planned-only';

export interface ChainGap {
  readonly chainName: string;
  readonly chainNameEn: string;
  readonly link: EntitySummary;
  readonly kinds: readonly GapKind[];
  readonly explanation: string;
  readonly coverage: readonly {
    readonly entity: EntitySummary;
    readonly taiwanInvested: boolean;
    readonly status: RelationStatus;
  }[];
  readonly evidence: readonly Passage[];
  /** who could fill it, best first (the API's gapPartners) */
  readonly partners: readonly GapPartner[];
}

export type ChainDirection = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';

/**
 * What became of the plan's intention for an entity by a day (schema.graphql, Outcome), in the order that
 * says most for the plan: realised, transformed (another owner or name), pending, suspended, abandoned,
 * unknown (no later page dates it).
 */
export type Outcome = 'realised' | 'transformed' | 'pending' | 'suspended' | 'abandoned' | 'unknown';
export const OUTCOMES: readonly Outcome[] = [
  'realised',
  'transformed',
  'pending',
  'suspended',
  'abandoned',
  'unknown',
];

/** A page read later, as a step cites it. */
export interface SourcePage {
  readonly url: string;
  readonly publisher: string;
  readonly title: string;
  readonly date: string | null;
}

/** A step of an entity's timeline: what the plan said, or what a later page says became of it. */
export interface TimelineStep {
  readonly id: string;
  readonly basis: 'PLAN' | 'LATER';
  /** planned, under_construction, operating, … (null: an undated fact, or a plan step without one) */
  readonly status: string | null;
  readonly outcome: Outcome | null;
  readonly date: string | null;
  readonly summary: string;
  readonly summaryZh: string;
  /** where on the page */
  readonly where: string | null;
  readonly source: SourcePage | null;
}

export interface Timeline {
  readonly status: {
    readonly status: string | null;
    readonly date: string | null;
    readonly outcome: Outcome;
  };
  readonly steps: readonly TimelineStep[];
  readonly undated: readonly TimelineStep[];
}

/** What the plan intended in a park, zone or sector and what became of each member (schema.graphql, Scorecard). */
export interface Scorecard {
  readonly total: number;
  readonly outcomes: readonly { readonly outcome: Outcome; readonly count: number }[];
  readonly members: readonly {
    readonly entity: EntitySummary;
    readonly intended: RelationStatus | null;
    readonly status: {
      readonly status: string | null;
      readonly date: string | null;
      readonly outcome: Outcome;
      readonly source: SourcePage | null;
    };
    readonly explanation: string;
  }[];
  readonly truncated: boolean;
}

/** A policy or measure reaching an entity, and why (docs/design.md, The analyses). */
export interface PolicyReachItem {
  readonly policy: EntitySummary;
  /** DIRECT, PARK, SECTOR, REGION or OTHER */
  readonly via: string;
  readonly status: RelationStatus;
  readonly explanation: string;
  /** the policy first, the entity last, every hop with its evidence */
  readonly path: PathWithEvidence;
}

/** What a failure leaves behind (schema.graphql, ImpactKind). */
export type ImpactKind =
  'LINK_UNCOVERED' | 'LINK_FIRMS_LOST' | 'SOURCE_LOST' | 'INPUT_LOST' | 'ANCHOR_LOST' | 'OWNER_LOST';

/**
 * The paths between two entities, shortest first. `cut` is the server's word, in the reading language, when
 * a limit stopped the search before it had looked at every length (a hub's neighbourhood on a large graph):
 * longer paths may exist. Null otherwise.
 */
export interface PathsAnswer {
  readonly paths: readonly PathWithEvidence[];
  readonly cut: string | null;
}

/**
 * The gaps of a product's chain. `cut` is the server's word, in the reading language, when as of a day its
 * walk along the chain stopped at its budget of links before it had found them all; null otherwise.
 */
export interface ChainGapsAnswer {
  readonly gaps: readonly ChainGap[];
  readonly cut: string | null;
}

/** One consequence of a failure, with the paths from a failing entity that carry it. */
export interface ImpactConsequence {
  readonly kind: ImpactKind;
  readonly entity: EntitySummary;
  /** covers in Fujian, inputs, anchors or owners that remain */
  readonly remaining: number;
  readonly explanation: string;
  readonly paths: readonly PathWithEvidence[];
  readonly evidence: readonly Passage[];
}

/** What the failure of some entities would do (the API's impact). */
export interface Impact {
  readonly failing: readonly EntitySummary[];
  /** what fails with them, each with the path from one of them */
  readonly failedWith: readonly { readonly entity: EntitySummary; readonly path: PathWithEvidence }[];
  readonly consequences: readonly ImpactConsequence[];
  readonly consequenceCount: number;
  readonly truncated: boolean;
}

/** Who could fill a chain gap, and why (the API's gapPartners). */
export interface GapPartner {
  readonly entity: EntitySummary;
  readonly taiwanSide: boolean;
  /** the strongest reason first (PLAN_COOPERATION, PARK_COOPERATION, MAKES_ELSEWHERE, …) */
  readonly reasons: readonly string[];
  readonly explanation: string;
}

/** A side of the strait (schema.graphql, PartnerSide). */
export type PartnerSide = 'TAIWAN' | 'MAINLAND' | 'CROSS_STRAIT';

/** An entity's role in the partnership network. */
export interface PartnerRole {
  readonly entity: EntitySummary;
  readonly side: PartnerSide;
  /** 0–1: the share of shortest ways between two others through it */
  readonly betweenness: number;
  readonly degree: number;
  readonly community: number;
  readonly bridge: boolean;
  readonly explanation: string;
}

/** The partnership network with each member's role. */
export interface PartnerRoles {
  readonly roles: readonly PartnerRole[];
  /** the partnership facts among them */
  readonly ties: readonly EdgeSummary[];
  readonly communities: number;
}

/** The maxima the API enforces that the explorer's requests and forms keep within (schema.graphql, Limits). */
export interface Limits {
  /** most hits of search(first) */
  readonly searchFirst: number;
  /** most entities of a page of entities(first) */
  readonly entitiesFirst: number;
  /** most ids of neighborhood(ids) */
  readonly neighborhoodIds: number;
  /** most nodes of neighborhood(limit) */
  readonly neighborhoodLimit: number;
  /** longest paths(maxHops) */
  readonly pathsMaxHops: number;
  /** most paths of paths(first) */
  readonly pathsFirst: number;
  /** deepest supplyChain(depth) */
  readonly supplyChainDepth: number;
  /** most entities of supplyChain(limit) */
  readonly supplyChainLimit: number;
  /** most passages before and after in passageContext */
  readonly passageContext: number;
}

export interface TypeCount {
  readonly type: string;
  readonly count: number;
}

export interface GraphStats {
  readonly entities: number;
  readonly relations: number;
  readonly passages: number;
  readonly byType: readonly TypeCount[];
  readonly byRelation: readonly TypeCount[];
  readonly loadedAt: string | null;
}

export function attribute(
  item: { readonly attributes: readonly Attribute[] },
  key: string,
): string | undefined {
  return item.attributes.find((a) => a.key === key)?.value;
}

/** existing | planned | sought; an edge without a readable status counts as existing (the plan states it). */
export function statusOf(edge: { readonly attributes: readonly Attribute[] }): RelationStatus {
  const value = attribute(edge, 'status');
  return value === 'planned' || value === 'sought' ? value : 'existing';
}
