// A Web Worker that runs fcose at full quality on a copy of the graph, so a large canvas (the whole plan
// graph) is drawn at once with a draft layout and then eases into the polished one without freezing the
// page. Headless cytoscape needs no DOM; node sizes (labels included) come estimated from the page.
import cytoscape from 'cytoscape';
import { layoutOptions, registerLayouts, seededRandom } from './layouts.ts';

export interface LayoutJob {
  readonly id: number;
  readonly nodes: readonly { id: string; w: number; h: number; x: number; y: number; fixed: boolean }[];
  readonly edges: readonly { id: string; source: string; target: string; type: string }[];
  readonly seed: number;
}

export interface LayoutAnswer {
  readonly id: number;
  readonly positions: Record<string, { x: number; y: number }>;
  readonly ms: number;
}

registerLayouts();

self.onmessage = (event: MessageEvent<LayoutJob>) => {
  const job = event.data;
  const t0 = performance.now();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...job.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, w: n.w, h: n.h },
        position: { x: n.x, y: n.y },
      })),
      ...job.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: e.id, source: e.source, target: e.target, type: e.type },
      })),
    ],
  });
  const fixed = job.nodes.filter((n) => n.fixed).map((n) => ({ nodeId: n.id, position: { x: n.x, y: n.y } }));
  const options = {
    ...layoutOptions({ name: 'fcose', randomize: true, animate: false, fixed }, 0),
    quality: 'default',
    nodeDimensionsIncludeLabels: false,
    fit: false,
  } as unknown as cytoscape.LayoutOptions;
  const random = Math.random;
  Math.random = seededRandom(job.seed);
  try {
    cy.layout(options).run();
  } finally {
    Math.random = random;
  }
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((n) => {
    positions[n.id()] = { ...n.position() };
  });
  const answer: LayoutAnswer = { id: job.id, positions, ms: performance.now() - t0 };
  (self as unknown as Worker).postMessage(answer);
  cy.destroy();
};
