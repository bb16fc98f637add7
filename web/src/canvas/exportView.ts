// Exports of what is on the canvas: SVG drawn from the graph itself (real <text> for every label, so the
// Chinese stays text you can search, copy and edit in Inkscape or Illustrator, and the result does not
// depend on the canvas renderer), and JSON with every entity and fact shown. PNG comes from cytoscape.
import type cytoscape from 'cytoscape';
import type { NodeData } from './elements.ts';
import { EDGE_COLOR, GAP_COLOR, PATH_COLOR, TAIWAN_RING, typeStyle } from './palette.ts';
import { LABEL_FONT } from './style.ts';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const LINE_HEIGHT = 1.2;

export function exportSvg(
  cy: cytoscape.Core,
  options: {
    padding?: number;
    title?: string;
    /** drawn under the graph, in the canvas's coordinates (the map: map/drawing.ts) */
    underlay?: { readonly svg: string; readonly box: Box };
  } = {},
): string {
  const padding = options.padding ?? 24;
  const nodes = cy.nodes().filter((n) => !n.hasClass('filtered'));
  const edges = cy
    .edges()
    .filter(
      (e) => !e.hasClass('filtered') && !e.source().hasClass('filtered') && !e.target().hasClass('filtered'),
    );
  const box: Box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  const grow = (x1: number, y1: number, x2: number, y2: number) => {
    box.x1 = Math.min(box.x1, x1);
    box.y1 = Math.min(box.y1, y1);
    box.x2 = Math.max(box.x2, x2);
    box.y2 = Math.max(box.y2, y2);
  };

  const edgeParts: string[] = [];
  const pairCount = new Map<string, number>();
  edges.forEach((edge) => {
    const key = [edge.source().id(), edge.target().id()].sort().join('\u0000');
    const index = pairCount.get(key) ?? 0;
    pairCount.set(key, index + 1);
    edgeParts.push(edgeSvg(edge, index));
  });

  const nodeParts: string[] = [];
  nodes.forEach((node) => {
    const { x, y } = node.position();
    const size = Number(node.data('size')) || 20;
    const attached = node.hasClass('attached');
    const drawn = attached ? 16 : size;
    grow(x - drawn / 2 - 4, y - drawn / 2 - 4, x + drawn / 2 + 4, y + drawn / 2 + 4);
    nodeParts.push(nodeSvg(node, drawn));
    const label = labelSvg(node, drawn);
    if (label) {
      nodeParts.push(label.svg);
      grow(label.box.x1, label.box.y1, label.box.x2, label.box.y2);
    }
  });
  if (options.underlay) {
    const under = options.underlay.box;
    grow(under.x1, under.y1, under.x2, under.y2);
  }
  if (!Number.isFinite(box.x1)) grow(0, 0, 100, 100);

  const width = Math.ceil(box.x2 - box.x1 + 2 * padding);
  const height = Math.ceil(box.y2 - box.y1 + 2 * padding);
  const tx = padding - box.x1;
  const ty = padding - box.y1;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${escapeXml(LABEL_FONT)}'>`,
    options.title ? `<title>${escapeXml(options.title)}</title>` : '',
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g transform="translate(${round(tx)} ${round(ty)})">`,
    options.underlay ? `<g class="underlay">${options.underlay.svg}</g>` : '',
    `<g class="edges" fill="none">`,
    ...edgeParts,
    `</g>`,
    `<g class="nodes">`,
    ...nodeParts,
    `</g>`,
    `</g>`,
    `</svg>`,
  ].join('\n');
}

function edgeSvg(edge: cytoscape.EdgeSingular, index: number): string {
  const s = edge.source().position();
  const t = edge.target().position();
  const rs = (Number(edge.source().data('size')) || 20) / 2;
  const rt = (Number(edge.target().data('size')) || 20) / 2;
  const onPath = edge.hasClass('path');
  const faded = edge.hasClass('faded');
  const chain = edge.data('type') === 'INPUT_TO';
  const color = onPath ? PATH_COLOR : chain ? '#e07b24' : EDGE_COLOR;
  const width = onPath ? 4 : chain ? 2.4 : 1.4;
  const status = String(edge.data('status'));
  const dash =
    status === 'planned'
      ? ` stroke-dasharray="6 4"`
      : status === 'sought'
        ? ` stroke-dasharray="0.5 4" stroke-linecap="round"`
        : '';
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  // Parallel edges between one pair bend apart, alternately to each side.
  const bend = index === 0 ? 0 : (index % 2 === 1 ? 1 : -1) * Math.ceil(index / 2) * 18;
  const mx = (s.x + t.x) / 2 - uy * bend;
  const my = (s.y + t.y) / 2 + ux * bend;
  const start = towards(s, { x: mx, y: my }, rs);
  const end = towards(t, { x: mx, y: my }, rt + 1);
  const head = arrowHead(end, { x: mx, y: my }, 4 + width * 1.6);
  const opacity = faded ? ` opacity="0.16"` : '';
  const d =
    bend === 0
      ? `M${round(start.x)} ${round(start.y)} L${round(end.x)} ${round(end.y)}`
      : `M${round(start.x)} ${round(start.y)} Q${round(mx)} ${round(my)} ${round(end.x)} ${round(end.y)}`;
  const label =
    onPath || edge.selected()
      ? `<text x="${round(mx)}" y="${round(my)}" font-size="9" text-anchor="middle" dominant-baseline="central" fill="#3b4650" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(String(edge.data('label') ?? ''))}</text>`
      : '';
  return `<g${opacity} data-id="${escapeXml(edge.id())}"><path d="${d}" stroke="${color}" stroke-width="${width}"${dash}/><polygon points="${head}" fill="${color}"/>${label}</g>`;
}

function towards(from: cytoscape.Position, to: cytoscape.Position, distance: number): cytoscape.Position {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: from.x + (dx / length) * distance, y: from.y + (dy / length) * distance };
}

function arrowHead(tip: cytoscape.Position, from: cytoscape.Position, size: number): string {
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const bx = tip.x - ux * size;
  const by = tip.y - uy * size;
  const half = size * 0.55;
  return [
    [tip.x, tip.y],
    [bx - uy * half, by + ux * half],
    [bx + uy * half, by - ux * half],
  ]
    .map(([x, y]) => `${round(x ?? 0)},${round(y ?? 0)}`)
    .join(' ');
}

function nodeSvg(node: cytoscape.NodeSingular, size: number): string {
  const data = node.data() as NodeData;
  const { x, y } = node.position();
  const { color, shape } = typeStyle(data.type);
  const taiwan = node.hasClass('taiwan');
  const stroke = taiwan
    ? ` stroke="${TAIWAN_RING}" stroke-width="3"`
    : ` stroke="#ffffff" stroke-width="1.5"`;
  const opacity = node.hasClass('faded') ? ` opacity="0.16"` : '';
  const parts: string[] = [];
  if (node.hasClass('path'))
    parts.push(
      `<circle cx="${round(x)}" cy="${round(y)}" r="${round(size / 2 + 7)}" fill="${PATH_COLOR}" opacity="0.25"/>`,
    );
  parts.push(shapeSvg(shape, x, y, size, `fill="${color}"${stroke}`));
  if (node.hasClass('gap')) {
    const dotted = node.hasClass('gap-uncovered') ? '5 3' : '1.5 3';
    parts.push(
      `<circle cx="${round(x)}" cy="${round(y)}" r="${round(size / 2 + 5)}" fill="none" stroke="${GAP_COLOR}" stroke-width="2.5" stroke-dasharray="${dotted}"/>`,
    );
  }
  if (node.hasClass('pinned')) {
    parts.push(
      `<circle cx="${round(x)}" cy="${round(y)}" r="${round(size / 2 + 4)}" fill="none" stroke="#1d2329" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    );
  }
  return `<g${opacity} data-id="${escapeXml(node.id())}" data-type="${escapeXml(data.type)}">${parts.join('')}</g>`;
}

function shapeSvg(shape: string, x: number, y: number, size: number, paint: string): string {
  const r = size / 2;
  const poly = (points: [number, number][]) =>
    `<polygon points="${points.map(([px, py]) => `${round(x + px * r)},${round(y + py * r)}`).join(' ')}" ${paint}/>`;
  switch (shape) {
    case 'rectangle':
      return `<rect x="${round(x - r)}" y="${round(y - r)}" width="${round(size)}" height="${round(size)}" ${paint}/>`;
    case 'round-rectangle':
      return `<rect x="${round(x - r)}" y="${round(y - r)}" width="${round(size)}" height="${round(size)}" rx="${round(size * 0.2)}" ${paint}/>`;
    case 'round-hexagon':
    case 'hexagon':
      return poly([
        [-1, 0],
        [-0.5, -0.87],
        [0.5, -0.87],
        [1, 0],
        [0.5, 0.87],
        [-0.5, 0.87],
      ]);
    case 'round-diamond':
    case 'diamond':
      return poly([
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
      ]);
    case 'round-triangle':
    case 'triangle':
      return poly([
        [0, -1],
        [1, 0.8],
        [-1, 0.8],
      ]);
    case 'round-tag':
    case 'tag':
      return poly([
        [-1, -0.75],
        [0.35, -0.75],
        [1, 0],
        [0.35, 0.75],
        [-1, 0.75],
      ]);
    case 'star': {
      const points: [number, number][] = [];
      for (let i = 0; i < 10; i++) {
        const angle = -Math.PI / 2 + (i * Math.PI) / 5;
        const radius = i % 2 === 0 ? 1 : 0.45;
        points.push([Math.cos(angle) * radius, Math.sin(angle) * radius]);
      }
      return poly(points);
    }
    default:
      return `<circle cx="${round(x)}" cy="${round(y)}" r="${round(r)}" ${paint}/>`;
  }
}

function labelSvg(node: cytoscape.NodeSingular, size: number): { svg: string; box: Box } | null {
  const attached = node.hasClass('attached');
  const text = String((attached ? node.data('line') : node.data('label')) ?? '');
  if (text === '') return null;
  const lines = text.split('\n');
  const big = node.hasClass('hub') || node.hasClass('focus') || node.hasClass('path-end');
  const fontSize = big ? 13 : 11;
  const weight = big ? ' font-weight="bold"' : '';
  const fill = node.hasClass('gap') ? GAP_COLOR : '#1d2329';
  const { x, y } = node.position();
  const widest = Math.max(...lines.map((l) => approxWidth(l, fontSize)));
  const opacity = node.hasClass('faded') ? ` opacity="0.3"` : '';
  if (attached) {
    const lx = x + size / 2 + 5;
    return {
      svg: `<text x="${round(lx)}" y="${round(y)}" font-size="${fontSize}"${weight} dominant-baseline="central" fill="${fill}" stroke="#ffffff" stroke-width="3" paint-order="stroke"${opacity}>${escapeXml(text)}</text>`,
      box: { x1: lx, y1: y - fontSize, x2: lx + widest, y2: y + fontSize },
    };
  }
  const top = y + size / 2 + 3;
  const tspans = lines
    .map(
      (line, i) =>
        `<tspan x="${round(x)}" dy="${i === 0 ? round(fontSize * 0.9) : round(fontSize * LINE_HEIGHT)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return {
    svg: `<text x="${round(x)}" y="${round(top)}" font-size="${fontSize}"${weight} text-anchor="middle" fill="${fill}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"${opacity}>${tspans}</text>`,
    box: {
      x1: x - widest / 2,
      y1: top,
      x2: x + widest / 2,
      y2: top + lines.length * fontSize * LINE_HEIGHT + 2,
    },
  };
}

function approxWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e80 ? fontSize : fontSize * 0.58;
  return width;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch,
  );
}

/**
 * Everything on the canvas as data: entities and facts with their ids, so the JSON can be joined to the API,
 * and each with its label as the canvas shows it, in the reading language (`view.lang`).
 */
export function exportJson(cy: cytoscape.Core, view: { url: string; lang: string; kind: string }): object {
  return {
    source: 'cskg explorer',
    exportedAt: new Date().toISOString(),
    view,
    nodes: visibleNodes(cy).map((node) => {
      const d = node.data() as NodeData;
      return {
        id: d.id,
        type: d.type,
        name: d.name,
        nameEn: d.nameEn,
        label: d.line,
        aliases: d.aliases,
        attributes: Object.fromEntries(d.attributes.map((a) => [a.key, a.value])),
        degree: d.degree >= 0 ? d.degree : null,
        position: { x: round(node.position().x), y: round(node.position().y) },
        pinned: node.hasClass('pinned'),
        ...(node.hasClass('gap') ? { gap: true } : {}),
      };
    }),
    edges: visibleEdges(cy).map((edge) => ({
      id: edge.id(),
      type: edge.data('type'),
      source: edge.data('source'),
      target: edge.data('target'),
      status: edge.data('status'),
      label: edge.data('label'),
      attributes: Object.fromEntries(
        (edge.data('attributes') as { key: string; value: string }[]).map((a) => [a.key, a.value]),
      ),
    })),
  };
}

/** Nodes the filters leave on the canvas (cytoscape selectors have no :not(.class)). */
function visibleNodes(cy: cytoscape.Core): cytoscape.NodeSingular[] {
  return cy
    .nodes()
    .toArray()
    .filter((n) => !n.hasClass('filtered')) as cytoscape.NodeSingular[];
}

function visibleEdges(cy: cytoscape.Core): cytoscape.EdgeSingular[] {
  return cy
    .edges()
    .toArray()
    .filter((e) => !e.hasClass('filtered')) as cytoscape.EdgeSingular[];
}
