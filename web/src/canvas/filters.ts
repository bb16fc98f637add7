// What the legend's check-boxes hide: entity types, relation types and statuses. A hidden node hides its
// edges; nothing is removed from the graph, so clearing a filter brings everything back where it was.
import type { RelationStatus } from '../model.ts';

export interface Filters {
  readonly hiddenTypes: ReadonlySet<string>;
  readonly hiddenRelations: ReadonlySet<string>;
  readonly hiddenStatuses: ReadonlySet<RelationStatus>;
}

export const NO_FILTERS: Filters = {
  hiddenTypes: new Set(),
  hiddenRelations: new Set(),
  hiddenStatuses: new Set(),
};

export function nodePasses(filters: Filters, node: { readonly type: string }): boolean {
  return !filters.hiddenTypes.has(node.type);
}

export function edgePasses(
  filters: Filters,
  edge: { readonly type: string; readonly status: string },
): boolean {
  return (
    !filters.hiddenRelations.has(edge.type) && !filters.hiddenStatuses.has(edge.status as RelationStatus)
  );
}

/** A copy of `filters` with one entry of one dimension switched on or off. */
export function toggleFilter(
  filters: Filters,
  dimension: 'hiddenTypes' | 'hiddenRelations' | 'hiddenStatuses',
  value: string,
): Filters {
  const next = new Set<string>(filters[dimension]);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return { ...filters, [dimension]: next };
}
