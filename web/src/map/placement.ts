// Where an entity goes on the map: at the region it lies in. From the entity (a region itself, or what lies
// in one) the walk follows LOCATED_IN up the hierarchy (古雷石化园 → 古雷 → 漳州), level by level, to the
// nearest region the map knows (geography.ts); at one level, a place beats a province as a whole. An entity
// that lies in no known region is not placed: the map never makes up coordinates. Each region is visited
// once, so a cycle in the data cannot loop. Pure, tested in tests/unit/web-map.test.ts.
import { anchorOfRegion, type Anchor, type RegionLike } from './geography.ts';

/** What the map needs of the graph: its regions, and what lies in what (LOCATED_IN). */
export interface GeographyIndex {
  readonly regions: ReadonlyMap<string, RegionLike>;
  /** entity id → the regions it lies in */
  readonly locatedIn: ReadonlyMap<string, readonly string[]>;
}

export interface Placement {
  /** the region the entity is placed at (itself, when it is a region the map knows) */
  readonly region: string;
  readonly anchor: Anchor;
  /** the regions walked through, from the entity to `region` */
  readonly via: readonly string[];
}

export function buildGeographyIndex(
  regions: readonly (RegionLike & { readonly id: string })[],
  locatedIn: readonly { readonly source: string; readonly target: string }[],
): GeographyIndex {
  const parents = new Map<string, string[]>();
  for (const { source, target } of locatedIn) {
    const list = parents.get(source) ?? [];
    if (!list.includes(target)) list.push(target);
    parents.set(source, list);
  }
  for (const list of parents.values()) list.sort();
  return { regions: new Map(regions.map((r) => [r.id, r])), locatedIn: parents };
}

/** The region an entity is placed at, or undefined when it lies in none the map knows. */
export function placeEntity(id: string, index: GeographyIndex): Placement | undefined {
  const cache = anchors(index);
  const cameFrom = new Map<string, string | null>([[id, null]]);
  let level = [id];
  while (level.length > 0) {
    const found = level
      .map((region) => ({ region, anchor: cache(region) }))
      .filter((c): c is { region: string; anchor: Anchor } => c.anchor !== undefined)
      .sort((a, b) => Number(a.anchor.wide) - Number(b.anchor.wide))[0];
    if (found) return { ...found, via: route(found.region, cameFrom) };
    const next: string[] = [];
    for (const region of level) {
      for (const parent of index.locatedIn.get(region) ?? []) {
        if (cameFrom.has(parent)) continue;
        cameFrom.set(parent, region);
        next.push(parent);
      }
    }
    level = next;
  }
  return undefined;
}

function route(region: string, cameFrom: ReadonlyMap<string, string | null>): string[] {
  const path = [region];
  for (let at = cameFrom.get(region); at; at = cameFrom.get(at)) path.unshift(at);
  return path;
}

const anchorCaches = new WeakMap<GeographyIndex, (id: string) => Anchor | undefined>();

function anchors(index: GeographyIndex): (id: string) => Anchor | undefined {
  let lookup = anchorCaches.get(index);
  if (!lookup) {
    const known = new Map<string, Anchor | undefined>();
    lookup = (id) => {
      if (!known.has(id)) {
        const region = index.regions.get(id);
        known.set(id, region ? anchorOfRegion(region) : undefined);
      }
      return known.get(id);
    };
    anchorCaches.set(index, lookup);
  }
  return lookup;
}
