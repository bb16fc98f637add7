// The map as a layout: every entity placed at the region it lies in (placement.ts), projected onto the
// canvas. The region itself sits on its point; what lies in it is arranged around it on a sunflower spiral
// (the best-connected closest), so a city with twenty firms stays readable. Entities the map cannot place
// (sectors, products, policies, whatever lies in no known region) stand in a grid left of the map, in a
// frame of their own: nothing is put at a place it is not in. Pure, tested in tests/unit/web-map.test.ts.
import { ENTITY_TYPES } from '../model.ts';
import { OUTLINES, type Anchor, type LonLat } from './geography.ts';
import { placeEntity, type GeographyIndex, type Placement } from './placement.ts';

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Canvas pixels per degree of latitude: Xiamen and Zhangzhou's seats end up about 120 px apart. */
const PIXELS_PER_DEGREE = 320;
/** The projection's centre, in the strait: an equirectangular projection true at 25° N. */
const ORIGIN: LonLat = [119.5, 25];
const COS_LAT = Math.cos((ORIGIN[1] * Math.PI) / 180);
/** Distance between neighbours on a spiral around a place. */
const SPIRAL_STEP = 24;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** The grid of entities not on the map: cell size, and its gap to the map. */
const GRID_COLUMN = 150;
const GRID_ROW = 38;
const GRID_GAP = 120;

/** Canvas coordinates of a point (y grows southwards). */
export function project([lon, lat]: LonLat): Position {
  return {
    x: (lon - ORIGIN[0]) * PIXELS_PER_DEGREE * COS_LAT,
    y: -(lat - ORIGIN[1]) * PIXELS_PER_DEGREE,
  };
}

/** The box around every outline the map draws. */
export function mapBounds(): Box {
  let box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const outline of OUTLINES)
    for (const ring of outline.rings)
      for (const point of ring) {
        const { x, y } = project(point);
        box = {
          x1: Math.min(box.x1, x),
          y1: Math.min(box.y1, y),
          x2: Math.max(box.x2, x),
          y2: Math.max(box.y2, y),
        };
      }
  return box;
}

export interface MapNode {
  readonly id: string;
  readonly type: string;
  readonly degree: number;
}

export interface MapLayout {
  readonly positions: ReadonlyMap<string, Position>;
  /** where each placed entity is, and why */
  readonly placements: ReadonlyMap<string, Placement>;
  /** the entities not on the map, in the order of their grid */
  readonly unplaced: readonly string[];
  /** the frame of their grid, when there are any */
  readonly unplacedBox: Box | null;
  /** what the map covers (its outlines and the frame): the canvas fits it */
  readonly extent: Box;
  /**
   * The places that stand for a province as a whole (its centre), with what is there: the map circles them,
   * so an entity known only to lie in Fujian does not read as lying in the middle of it.
   */
  readonly wholeProvinces: readonly {
    readonly region: string;
    readonly centre: Position;
    readonly radius: number;
  }[];
}

/** In the legend's order of types, then the best connected first. */
const typeRank = (type: string) => {
  const rank = (ENTITY_TYPES as readonly string[]).indexOf(type);
  return rank < 0 ? ENTITY_TYPES.length : rank;
};
const byImportance = (a: MapNode, b: MapNode) =>
  typeRank(a.type) - typeRank(b.type) || b.degree - a.degree || a.id.localeCompare(b.id);

export function mapLayout(nodes: readonly MapNode[], index: GeographyIndex): MapLayout {
  const positions = new Map<string, Position>();
  const placements = new Map<string, Placement>();
  const around = new Map<string, { anchor: Anchor; nodes: MapNode[] }>();
  const unplacedNodes: MapNode[] = [];
  for (const node of nodes) {
    const placement = placeEntity(node.id, index);
    if (!placement) {
      unplacedNodes.push(node);
      continue;
    }
    placements.set(node.id, placement);
    const group = around.get(placement.region) ?? { anchor: placement.anchor, nodes: [] };
    group.nodes.push(node);
    around.set(placement.region, group);
  }
  const wholeProvinces: { region: string; centre: Position; radius: number }[] = [];
  for (const [region, { anchor, nodes: members }] of around) {
    const centre = project(anchor.point);
    if (anchor.wide)
      wholeProvinces.push({ region, centre, radius: SPIRAL_STEP * Math.sqrt(members.length + 0.5) + 22 });
    // The region on its point, the rest around it: the i-th at radius step·√i, turning by the golden angle.
    let i = 0;
    for (const node of members.sort(byImportance)) {
      if (node.id === region) {
        positions.set(node.id, centre);
        continue;
      }
      i++;
      const radius = SPIRAL_STEP * Math.sqrt(i + 0.5);
      const angle = i * GOLDEN_ANGLE;
      positions.set(node.id, {
        x: centre.x + radius * Math.cos(angle),
        y: centre.y + radius * Math.sin(angle),
      });
    }
  }
  const unplaced = unplacedNodes.sort(byImportance).map((n) => n.id);
  let unplacedBox: Box | null = null;
  if (unplaced.length > 0) {
    const bounds = mapBounds();
    const rows = Math.max(1, Math.floor((bounds.y2 - bounds.y1) / GRID_ROW));
    const columns = Math.ceil(unplaced.length / rows);
    const right = bounds.x1 - GRID_GAP;
    const left = right - columns * GRID_COLUMN;
    unplaced.forEach((id, k) => {
      const column = Math.floor(k / rows);
      const row = k % rows;
      positions.set(id, { x: left + (column + 0.5) * GRID_COLUMN, y: bounds.y1 + (row + 0.5) * GRID_ROW });
    });
    unplacedBox = {
      x1: left - 20,
      y1: bounds.y1 - 40,
      x2: right + 20,
      y2: bounds.y1 + Math.min(unplaced.length, rows) * GRID_ROW + 10,
    };
  }
  const bounds = mapBounds();
  const extent = unplacedBox
    ? {
        x1: Math.min(bounds.x1, unplacedBox.x1),
        y1: Math.min(bounds.y1, unplacedBox.y1),
        x2: Math.max(bounds.x2, unplacedBox.x2),
        y2: Math.max(bounds.y2, unplacedBox.y2),
      }
    : bounds;
  return { positions, placements, unplaced, unplacedBox, extent, wholeProvinces };
}

/** The relations the map draws across the strait when their ends are on its two sides. */
export const CROSS_STRAIT_TYPES: ReadonlySet<string> = new Set([
  'COUNTERPART_OF',
  'COOPERATES_WITH',
  'PARTNERS_WITH',
]);

/** True when a relation of a cross-strait type joins the two sides of the strait. */
export function crossesStrait(
  type: string,
  source: Placement | undefined,
  target: Placement | undefined,
): boolean {
  return CROSS_STRAIT_TYPES.has(type) && !!source && !!target && source.anchor.side !== target.anchor.side;
}
