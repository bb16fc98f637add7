// The opening view: the plan's own summary of its layout, 专栏三 "五区十园" — five zones and ten specialised
// parks — with the regions they lie in (up to their city) and the sectors 专栏三 gives each of them. It is
// chosen from the data, not hard-coded: the layout's halves 五区 and 十园 APPLY_TO the fifteen, and the
// passages that state each FOCUSES_ON say whether 专栏三 is where it comes from.
import type { OverviewAnswer } from '../api/explorerApi.ts';
import { selectOverviewTargets } from '../api/explorerApi.ts';
import { attribute, type EdgeSummary, type EntitySummary, type Subgraph } from '../model.ts';

export interface Overview {
  readonly subgraph: Subgraph;
  /** the five zones, in the plan's order */
  readonly zones: readonly string[];
  /** the ten parks, in the plan's order */
  readonly parks: readonly string[];
}

/** The box of chapter 4 that lists 五区十园. */
const OVERVIEW_SECTION = '五区十园';
/** Sectors per zone or park when 专栏三 names none for it. */
const FALLBACK_SECTORS = 4;
const CITY_LEVELS = new Set(['city']);
const TOP_LEVELS = new Set(['province']);

export function buildOverview(answer: OverviewAnswer): Overview {
  const chosen = selectOverviewTargets(answer.targets, answer.halves)
    .map((t) => {
      const box = t.evidence.filter((p) => p.section.includes(OVERVIEW_SECTION));
      const passage = box[0] ?? t.evidence[0];
      // 专栏三 has two lists, 1.“五区” and 2.“十园”: the innermost heading of the passage says which.
      const heading = passage
        ? (passage.sectionPath?.at(-1) ?? passage.section.split(' › ').at(-1) ?? '')
        : '';
      const isZone = heading.includes('五区')
        ? true
        : heading.includes('十园')
          ? false
          : ['comprehensive-zone', 'taiwan-investment-zone'].includes(attribute(t.park, 'kind') ?? '');
      return { park: t.park, isZone, order: passage?.ordinal ?? Number.MAX_SAFE_INTEGER };
    })
    .sort((a, b) => a.order - b.order);

  const zoneIds = chosen.filter((c) => c.isZone).map((c) => c.park.id);
  const parkIds = chosen.filter((c) => !c.isZone).map((c) => c.park.id);
  const members = new Set([...zoneIds, ...parkIds]);

  const nodes = new Map<string, EntitySummary>(chosen.map((c) => [c.park.id, c.park]));
  for (const n of [...answer.around.nodes, ...answer.regionParents.nodes])
    if (!nodes.has(n.id)) nodes.set(n.id, n);
  const keep = new Set(members);
  const edges: EdgeSummary[] = [];

  // Where each zone and park lies, and the city of a district or town.
  const regionsOf = answer.around.edges.filter((e) => e.type === 'LOCATED_IN' && members.has(e.source));
  for (const e of regionsOf) {
    const region = nodes.get(e.target);
    if (!region || region.type !== 'Region' || TOP_LEVELS.has(attribute(region, 'level') ?? '')) continue;
    keep.add(e.target);
    edges.push(e);
  }
  for (const e of answer.regionParents.edges) {
    const from = nodes.get(e.source);
    const to = nodes.get(e.target);
    if (e.type !== 'LOCATED_IN' || !from || !to || !keep.has(e.source) || members.has(e.source)) continue;
    if (CITY_LEVELS.has(attribute(from, 'level') ?? '') || !CITY_LEVELS.has(attribute(to, 'level') ?? ''))
      continue;
    keep.add(e.target);
    edges.push(e);
  }

  // What each focuses on: the sectors 专栏三 names, else its first few sectors.
  const focuses = answer.around.edges.filter(
    (e) => e.type === 'FOCUSES_ON' && members.has(e.source) && nodes.get(e.target)?.type === 'Sector',
  );
  for (const id of members) {
    const own = focuses.filter((e) => e.source === id);
    const fromBox = own.filter((e) =>
      (answer.around.sections.get(e.id) ?? []).some((s) => s.includes(OVERVIEW_SECTION)),
    );
    const picked = fromBox.length > 0 ? fromBox : own.slice(0, FALLBACK_SECTORS);
    for (const e of picked) {
      keep.add(e.target);
      edges.push(e);
    }
  }

  // A zone or park that is part of another one of the fifteen.
  for (const e of answer.around.edges) {
    if (e.type === 'PART_OF' && members.has(e.source) && members.has(e.target)) edges.push(e);
  }

  const unique = [...new Map(edges.map((e) => [e.id, e])).values()];
  return {
    subgraph: {
      nodes: [...keep].map((id) => nodes.get(id)).filter((n): n is EntitySummary => !!n),
      edges: unique,
      truncated: false,
    },
    zones: zoneIds,
    parks: parkIds,
  };
}
