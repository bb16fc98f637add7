// Paths read left to right: the start on the left, the end on the right, each path on its own row and
// each hop one column further, whatever the direction of the relations (dagre would follow the arrows and
// could put the end in the middle). A node shared by several paths stays where its first path put it.

export function pathPositions(
  paths: readonly { readonly nodes: readonly { readonly id: string }[] }[],
  options: { columnGap?: number; rowGap?: number } = {},
): Map<string, { x: number; y: number }> {
  const columnGap = options.columnGap ?? 190;
  const rowGap = options.rowGap ?? 110;
  const positions = new Map<string, { x: number; y: number }>();
  const longest = Math.max(0, ...paths.map((p) => p.nodes.length - 1));
  const rows = paths.length;
  paths.forEach((path, row) => {
    const y = (row - (rows - 1) / 2) * rowGap;
    const last = path.nodes.length - 1;
    path.nodes.forEach((node, i) => {
      if (positions.has(node.id)) return;
      // The two ends sit on the middle row, the end in the last column even when this path is shorter.
      if (i === 0) positions.set(node.id, { x: 0, y: 0 });
      else if (i === last) positions.set(node.id, { x: longest * columnGap, y: 0 });
      else
        positions.set(node.id, {
          x: (i * longest * columnGap) / last,
          y: rows === 1 ? 0 : y === 0 ? rowGap / 2 : y,
        });
    });
  });
  return positions;
}

/**
 * Many paths from a few starts (what a failure leaves behind): each node in the column of the fewest hops
 * at which any path reaches it, the starts on the left; within a column, in the order the paths first
 * reach them, centred on the middle row.
 */
export function layeredPositions(
  paths: readonly { readonly nodes: readonly { readonly id: string }[] }[],
  options: { columnGap?: number; rowGap?: number } = {},
): Map<string, { x: number; y: number }> {
  const columnGap = options.columnGap ?? 220;
  const rowGap = options.rowGap ?? 70;
  const column = new Map<string, number>();
  for (const path of paths)
    path.nodes.forEach((node, i) => column.set(node.id, Math.min(i, column.get(node.id) ?? i)));
  const columns = new Map<number, string[]>();
  for (const [id, c] of column) columns.set(c, [...(columns.get(c) ?? []), id]);
  const positions = new Map<string, { x: number; y: number }>();
  for (const [c, ids] of columns)
    ids.forEach((id, row) =>
      positions.set(id, { x: c * columnGap, y: (row - (ids.length - 1) / 2) * rowGap }),
    );
  return positions;
}
