// A layered layout by kind of entity: where (cities, then districts and towns) on the left, the zones and
// parks in the middle, what they work on (firms, projects, then sectors and products) on the right. It is
// the opening view's layout: read left to right it says "in this city, this zone, focusing on these
// sectors", and top to bottom it follows the plan's own order of the zones and parks (node data `rank`).
// Pure: positions are computed from plain data, so tests need no browser.

export interface ColumnNode {
  readonly id: string;
  readonly type: string;
  readonly level?: string | undefined;
  /** fixed order within the anchor column (the plan's order); smaller first */
  readonly rank?: number | undefined;
  readonly degree?: number | undefined;
  /** diameter, for spacing */
  readonly size?: number | undefined;
  /** width of its label in px (its widest line), for the gap between columns */
  readonly labelWidth?: number | undefined;
  /** lines of its label, for the height of its row */
  readonly labelLines?: number | undefined;
}

export interface ColumnEdge {
  readonly source: string;
  readonly target: string;
}

export type LabelSide = 'left' | 'right';

export interface ColumnPlacement {
  readonly x: number;
  readonly y: number;
  readonly column: number;
  readonly side: LabelSide;
}

const TYPE_COLUMN: Record<string, number> = {
  Region: 1,
  Park: 2,
  Enterprise: 3,
  Project: 3,
  Association: 3,
  Agency: 3,
  Event: 3,
  Policy: 4,
  Measure: 4,
  Document: 4,
  Indicator: 4,
  Sector: 5,
  Product: 6,
};

export function columnOf(node: ColumnNode): number {
  if (node.type === 'Region') return node.level === 'province' || node.level === 'city' ? 0 : 1;
  return TYPE_COLUMN[node.type] ?? 4;
}

const COLUMN_GAP = 110;
/** labels longer than this are cut with an ellipsis (style.ts: text-max-width) */
const MAX_LABEL = 190;
const MIN_GAP = 6;
/** a row of the anchor column: a 13 px label beside its node */
const ANCHOR_ROW = 24;
/** height of a line of a 13 px label */
const LINE = 15;

export function columnsLayout(
  nodes: readonly ColumnNode[],
  edges: readonly ColumnEdge[],
): Map<string, ColumnPlacement> {
  const byColumn = new Map<number, ColumnNode[]>();
  for (const node of nodes) {
    const column = columnOf(node);
    byColumn.set(column, [...(byColumn.get(column) ?? []), node]);
  }
  const columns = [...byColumn.keys()].sort((a, b) => a - b);
  // The anchor is the column with ranked nodes (the plan's order), else the fullest one.
  const anchor =
    columns.find((c) => (byColumn.get(c) ?? []).some((n) => n.rank !== undefined)) ??
    columns.reduce(
      (best, c) => ((byColumn.get(c)?.length ?? 0) > (byColumn.get(best)?.length ?? 0) ? c : best),
      columns[0] ?? 0,
    );

  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  const gapOf = (n: ColumnNode) => (n.size ?? 24) + MIN_GAP;
  const y = new Map<string, number>();

  // The anchor column, evenly spaced in its fixed order.
  const anchorNodes = [...(byColumn.get(anchor) ?? [])].sort(
    (a, b) =>
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      (b.degree ?? 0) - (a.degree ?? 0) ||
      a.id.localeCompare(b.id),
  );
  // Anchor nodes as close as their sizes allow, with room for a label beside each.
  let at = 0;
  anchorNodes.forEach((n, i) => {
    const previous = anchorNodes[i - 1];
    const row = (node: ColumnNode) => Math.max(ANCHOR_ROW, (node.labelLines ?? 1) * LINE + 4);
    if (previous)
      at += Math.max(((previous.size ?? 24) + (n.size ?? 24)) / 2 + MIN_GAP, (row(previous) + row(n)) / 2);
    y.set(n.id, at);
  });
  const anchorGap = Math.max(...anchorNodes.map(gapOf), ANCHOR_ROW);

  // Every other column: each node at the mean height of its placed neighbours, then pushed apart. Columns
  // are placed outwards from the anchor so each sees its inner neighbour column already placed.
  const order = [
    ...columns.filter((c) => c > anchor).sort((a, b) => a - b),
    ...columns.filter((c) => c < anchor).sort((a, b) => b - a),
  ];
  for (let sweep = 0; sweep < 2; sweep++) {
    for (const column of order) {
      const list = byColumn.get(column) ?? [];
      const wanted = list.map((n) => {
        const placed = (neighbours.get(n.id) ?? [])
          .map((id) => y.get(id))
          .filter((v): v is number => v !== undefined);
        const centre = placed.length > 0 ? placed.reduce((s, v) => s + v, 0) / placed.length : Infinity;
        return { node: n, centre };
      });
      // Nodes with no placed neighbour go after the others.
      const tail = Math.max(0, ...[...y.values()]) + anchorGap;
      wanted.sort(
        (a, b) =>
          a.centre - b.centre ||
          (b.node.degree ?? 0) - (a.node.degree ?? 0) ||
          a.node.id.localeCompare(b.node.id),
      );
      const positions = spread(
        wanted.map((w, i) => (Number.isFinite(w.centre) ? w.centre : tail + i * gapOf(w.node))),
        wanted.map((w) => gapOf(w.node)),
      );
      wanted.forEach((w, i) => y.set(w.node.id, positions[i] ?? 0));
    }
  }

  // Labels go outwards on the outer columns; the anchor's go left, into the gap before it, so its nodes
  // can sit close together. A gap is wide enough for the labels that stand in it.
  const sideOf = (column: number): LabelSide => (column > anchor ? 'right' : 'left');
  const widest = (column: number) =>
    Math.min(MAX_LABEL, Math.max(0, ...(byColumn.get(column) ?? []).map((n) => n.labelWidth ?? 60)));
  const result = new Map<string, ColumnPlacement>();
  let x = 0;
  columns.forEach((column, index) => {
    const previous = columns[index - 1];
    if (previous !== undefined) {
      const labels =
        (sideOf(previous) === 'right' ? widest(previous) : 0) +
        (sideOf(column) === 'left' ? widest(column) : 0);
      x += Math.max(COLUMN_GAP, labels + 60);
    }
    for (const node of byColumn.get(column) ?? []) {
      result.set(node.id, { x, y: y.get(node.id) ?? 0, column, side: sideOf(column) });
    }
  });
  return result;
}

/**
 * Moves sorted wished-for positions apart so that neighbours are at least `gaps` apart, keeping them as
 * close to their wishes as a simple two-pass sweep allows (down, then the overflow shared back up).
 */
export function spread(wishes: readonly number[], gaps: readonly number[]): number[] {
  const out = [...wishes];
  for (let i = 1; i < out.length; i++) {
    const gap = Math.max(gaps[i - 1] ?? 0, gaps[i] ?? 0) / 2 + Math.min(gaps[i - 1] ?? 0, gaps[i] ?? 0) / 2;
    out[i] = Math.max(out[i] ?? 0, (out[i - 1] ?? 0) + gap);
  }
  // Centre the block on the wishes: shift everything up by half the mean displacement.
  if (out.length > 0) {
    const drift = out.reduce((s, v, i) => s + (v - (wishes[i] ?? 0)), 0) / out.length;
    for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) - drift / 2;
  }
  return out;
}
