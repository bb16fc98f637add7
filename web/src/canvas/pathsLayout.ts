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
