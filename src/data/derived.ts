// What the loader derives from the graph once per load (src/write/derive.ts) and the analyses read
// (docs/graph-model.md, "Derived at load time"): supply chains and their gaps (补链), and the facts of each
// passage. The definitions live here, beside the model, so the loader and the queries share them.
//
// Supply chains and gaps:
// A chain is a connected set of INPUT_TO links between products (whatever their status); a link of it is a
// product on it. What covers a link: PRODUCES (an enterprise, project or park makes it) or FOCUSES_ON (a
// park or region develops it). A cover is in Fujian unless the covering entity lies, through up to
// TAIWAN_SIDE_STEPS LOCATED_IN / PART_OF steps, in a Taiwan-side place. A firm is an enterprise or a
// project; it is Taiwan-invested when the enterprise's origin is taiwan, or when every enterprise that owns
// the project is (and one does).
import type { EntityType, RelationStatus, RelationType } from './model.ts';

/** The Region level of the Taiwan-side places (REGION_LEVELS of model.ts). */
export const TAIWAN_SIDE_LEVEL = 'taiwan-place';
/** How many LOCATED_IN / PART_OF steps up from a covering entity a Taiwan-side place is looked for. */
export const TAIWAN_SIDE_STEPS = 6;
/** The relation types that cover a link, and the types of entity they count from. */
export const COVER_TYPES: readonly RelationType[] = ['PRODUCES', 'FOCUSES_ON'];
export const COVERING_ENTITIES: readonly EntityType[] = ['Park', 'Region', 'Enterprise', 'Project'];
const FIRMS: readonly EntityType[] = ['Enterprise', 'Project'];

export type ChainGapKindName = 'UNCOVERED' | 'TAIWAN_ONLY' | 'NO_ENTERPRISE' | 'PLANNED_OR_SOUGHT_ONLY';

/** One cover of a link, as far as the gap kinds need it. */
export interface CoverFacts {
  readonly entityType: EntityType;
  readonly status: RelationStatus;
  readonly inFujian: boolean;
  readonly taiwanInvested: boolean;
}

/** The counts a link's gap kinds follow from (stored on each ChainLink, so analyses can reuse them). */
export interface CoverCounts {
  /** every cover, in Fujian or not */
  readonly covers: number;
  readonly fujianCovers: number;
  /** covers in Fujian whose relation is existing */
  readonly fujianExisting: number;
  /** covers in Fujian by an enterprise or a project */
  readonly fujianFirms: number;
  /** of those, by a Taiwan-invested firm */
  readonly fujianTaiwanFirms: number;
}

export function countCovers(covers: Iterable<CoverFacts>): CoverCounts {
  const counts = { covers: 0, fujianCovers: 0, fujianExisting: 0, fujianFirms: 0, fujianTaiwanFirms: 0 };
  for (const cover of covers) {
    counts.covers += 1;
    if (!cover.inFujian) continue;
    counts.fujianCovers += 1;
    if (cover.status === 'existing') counts.fujianExisting += 1;
    if (FIRMS.includes(cover.entityType)) {
      counts.fujianFirms += 1;
      if (cover.taiwanInvested) counts.fujianTaiwanFirms += 1;
    }
  }
  return counts;
}

/**
 * Why a link is a gap, in this order: nothing in Fujian covers it (which excludes the others); no firm
 * makes it (only parks or regions focus on it); only Taiwan-invested firms make it; everything in Fujian
 * that covers it is only planned or sought. Empty: not a gap.
 */
export function gapKinds(counts: CoverCounts): ChainGapKindName[] {
  if (counts.fujianCovers === 0) return ['UNCOVERED'];
  const kinds: ChainGapKindName[] = [];
  if (counts.fujianFirms === 0) kinds.push('NO_ENTERPRISE');
  else if (counts.fujianTaiwanFirms === counts.fujianFirms) kinds.push('TAIWAN_ONLY');
  if (counts.fujianExisting === 0) kinds.push('PLANNED_OR_SOUGHT_ONLY');
  return kinds;
}

export function isFirm(type: EntityType): boolean {
  return FIRMS.includes(type);
}

/**
 * The facts of a passage: the loader stores on each the ids of the first PASSAGE_FACTS facts that cite it,
 * by id, and how many do; `PassageHit.edges(first:)` and `entities(first:)` return at most this many.
 */
export const PASSAGE_FACTS = 500;
