// npm run bench:web — the explorer's speed in Chromium (the one tests/support/chromium.ts picks; headless,
// software rendering, as on the development machines): the whole plan graph of data/ drawn and laid out by the explorer's controller, and
// 5,000 synthetic nodes panned and zoomed with cytoscape's canvas renderer and its WebGL renderer, both
// programmatically and by real mouse gestures (a drag, a wheel), with edges drawn in motion and hidden
// (the explorer's choice above a size) or a texture. Prints tables; the figures go to bench/RESULTS.md,
// section "explorer"; screenshots of a drag go to bench/out/web/. Needs no database: the plan graph is
// read from data/ exactly as the loader reads it.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { validateDataDir } from '../../src/data/validate.ts';
import { CHROMIUM_ARGS, findChromium, launchChromium } from '../../tests/support/chromium.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = path.join(ROOT, 'bench/out/web');
const BASE_ARGS = [...CHROMIUM_ARGS];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PAN_MS = Number(process.env.BENCH_PAN_MS ?? 4000);
/** the graph the gestures run on: nodes × edges synthetic (BENCH_GESTURE_GRAPH=2000x5000), or `plan` */
const GESTURE_GRAPH = process.env.BENCH_GESTURE_GRAPH ?? '5000x12000';
const [GESTURE_NODES, GESTURE_EDGES] = GESTURE_GRAPH.split('x').map(Number) as [number, number];

interface DrawResult {
  nodes: number;
  edges: number;
  totalMs: number;
  elementsMs: number;
  layoutMs: number;
  firstFrameMs: number;
  refinedMs: number;
  againMs: number;
}
interface PanResult {
  renderer: string;
  mode: string;
  nodes: number;
  edges: number;
  layoutMs: number;
  fps: number;
  rendersPerSecond: number;
  p95FrameMs: number;
  webglAvailable: boolean;
  fitZoom: number;
  labelled: number;
}

async function planSubgraph() {
  const { graph, errors } = await validateDataDir();
  if (errors.length > 0)
    console.warn(`(data/ has ${errors.length} validation issues; measuring what it holds)`);
  const degree = new Map<string, number>();
  for (const r of graph.relations) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  return {
    nodes: graph.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      nameEn: e.nameEn,
      aliases: [...e.aliases],
      attributes: Object.entries(e.properties).map(([key, value]) => ({ key, value: String(value) })),
      degree: degree.get(e.id) ?? 0,
    })),
    edges: graph.relations.map((r) => ({
      id: r.id,
      type: r.type,
      source: r.from,
      target: r.to,
      attributes: [{ key: 'status', value: r.status }],
    })),
    truncated: false,
  };
}

function serve(dir: string): Promise<{ url: string; close(): void }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
  };
  const server = http.createServer((request, response) => {
    const file = path.join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    }),
  );
}

async function withPage<T>(
  args: string[],
  url: string,
  run: (page: import('playwright-core').Page) => Promise<T>,
): Promise<T> {
  let browser: Browser | undefined;
  try {
    browser = await launchChromium(args);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(url);
    await page.waitForFunction(() => 'explorerBench' in window);
    return await run(page);
  } finally {
    await browser?.close();
  }
}

interface GestureResult {
  mode: 'overview' | 'reading';
  drawing: 'edges' | 'hide-edges' | 'texture';
  gesture: 'drag' | 'wheel';
  zoom: number;
  controllerHidesEdges: boolean;
  fps: number;
  rendersPerSecond: number;
  p95FrameMs: number;
  events: number;
  panned: number;
  zoomRatio: number;
  settleMs: number;
}
type GestureView = Awaited<ReturnType<Window['explorerBench']['gestureView']>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A drag on the background for `ms`: down, a mouse move every 8 ms (a 125 Hz mouse) along a loop of up to
 * 200 px, and up unless `keepDown`. Returns the number of moves. `during` runs once, halfway.
 */
async function drag(
  page: Page,
  view: GestureView,
  ms: number,
  during?: () => Promise<void>,
): Promise<number> {
  const { x, y } = view.start;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const t0 = Date.now();
  let moves = 0;
  let duringDone = !during;
  for (let t = 0; t < ms; t = Date.now() - t0) {
    await page.mouse.move(x + 200 * Math.sin(t / 450), y + 120 * Math.sin(t / 600));
    moves++;
    if (!duringDone && t > ms / 2) {
      duringDone = true;
      await during?.();
    }
    await sleep(8);
  }
  return moves;
}

/** Wheel zoom for `ms` over the middle of the stage: a notch of 5 px every 16 ms, in for 300 ms, out for 300 ms. */
async function wheel(page: Page, view: GestureView, ms: number): Promise<number> {
  await page.mouse.move(view.stage.x + view.stage.width / 2, view.stage.y + view.stage.height / 2);
  const t0 = Date.now();
  let events = 0;
  for (let t = 0; t < ms; t = Date.now() - t0) {
    await page.mouse.wheel(0, Math.floor(t / 300) % 2 === 0 ? -5 : 5);
    events++;
    await sleep(16);
  }
  return events;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main() {
  console.log('building the benchmark page…');
  await build({
    configFile: path.join(ROOT, 'web/vite.config.ts'),
    build: {
      outDir: OUT,
      emptyOutDir: true,
      rollupOptions: { input: path.join(ROOT, 'web/bench/index.html') },
    },
    logLevel: 'warn',
  });
  const plan = await planSubgraph();
  fs.writeFileSync(path.join(OUT, 'plan.json'), JSON.stringify(plan));
  const server = await serve(OUT);
  const page = `${server.url}/bench/index.html`;
  console.log(`chromium: ${(await findChromium()).source}`);
  console.log(
    `plan graph: ${plan.nodes.length} entities, ${plan.edges.length} relations; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  try {
    const draws: Record<string, DrawResult[]> = { fcose: [], columns: [] };
    if (process.env.BENCH_SKIP_DRAW !== '1')
      await withPage(BASE_ARGS, page, async (p) => {
        for (let run = 0; run < RUNS; run++) {
          for (const layout of ['fcose', 'columns'] as const) {
            draws[layout]!.push(
              await p.evaluate(async (name) => {
                const subgraph = await (await fetch('/plan.json')).json();
                return window.explorerBench.draw(subgraph, name);
              }, layout),
            );
          }
        }
      });

    const pans: (PanResult & { chromium: string })[] = [];
    const panRuns = async (args: string[], chromiumName: string) => {
      if (process.env.BENCH_SKIP_PAN === '1') return;
      await withPage(args, page, async (p) => {
        for (const mode of ['overview', 'reading'] as const) {
          for (const webgl of [false, true]) {
            const result = await p.evaluate(
              ([w, ms, m]) =>
                window.explorerBench.panZoom(
                  5000,
                  12000,
                  w as boolean,
                  ms as number,
                  m as 'overview' | 'reading',
                ),
              [webgl, PAN_MS, mode] as const,
            );
            pans.push({ ...result, chromium: chromiumName });
          }
        }
      });
    };
    await panRuns(BASE_ARGS, 'required flags');

    // Real gestures on the 5,000 nodes: cytoscape hides edges (or draws a texture) only while the user
    // drags, pinches or turns the wheel, which cy.viewport() above is not.
    const gestures: GestureResult[] = [];
    if (process.env.BENCH_SKIP_GESTURES !== '1')
      await withPage(BASE_ARGS, page, async (p) => {
        if (GESTURE_GRAPH === 'plan')
          await p.evaluate(async () =>
            window.explorerBench.gestureGraph(0, 0, await (await fetch('/plan.json')).json()),
          );
        else
          await p.evaluate(([n, e]) => window.explorerBench.gestureGraph(n, e), [
            GESTURE_NODES,
            GESTURE_EDGES,
          ] as const);
        for (const mode of ['overview', 'reading'] as const) {
          for (const gesture of ['drag', 'wheel'] as const) {
            for (const drawing of ['edges', 'hide-edges', 'texture'] as const) {
              const view = await p.evaluate(([m, d]) => window.explorerBench.gestureView(m, d), [
                mode,
                drawing,
              ] as const);
              const before = await p.evaluate(() => window.explorerBench.startFrames());
              const events = gesture === 'drag' ? await drag(p, view, PAN_MS) : await wheel(p, view, PAN_MS);
              const stats = await p.evaluate((b) => window.explorerBench.stopFrames(b), before);
              if (gesture === 'drag') await p.mouse.up();
              const settleMs = await p.evaluate(() => window.explorerBench.settle(1000));
              gestures.push({
                mode,
                drawing,
                gesture,
                zoom: view.zoom,
                controllerHidesEdges: view.controllerHidesEdges,
                ...stats,
                events,
                settleMs,
              });
            }
          }
        }
        // What a drag looks like with the explorer's choice, at zoom 1: before, mid-drag, after release.
        const view = await p.evaluate(() => window.explorerBench.gestureView('reading', 'hide-edges'));
        const clip = view.stage;
        await p.screenshot({ path: path.join(OUT, 'gesture-before.png'), clip });
        await drag(p, view, 1500, () =>
          p.screenshot({ path: path.join(OUT, 'gesture-mid-drag.png'), clip }).then(() => undefined),
        );
        await p.mouse.up();
        await p.evaluate(() => window.explorerBench.settle(1000));
        await sleep(500);
        await p.screenshot({ path: path.join(OUT, 'gesture-after.png'), clip });
      });
    const planPans: PanResult[] = [];
    if (process.env.BENCH_SKIP_PAN !== '1') {
      await withPage(BASE_ARGS, page, async (p) => {
        for (const mode of ['overview', 'reading'] as const) {
          for (const webgl of [false, true]) {
            planPans.push(
              await p.evaluate(
                async ([w, ms, m]) => {
                  const subgraph = await (await fetch('/plan.json')).json();
                  return window.explorerBench.panPlan(
                    subgraph,
                    w as boolean,
                    ms as number,
                    m as 'overview' | 'reading',
                  );
                },
                [webgl, PAN_MS, mode] as const,
              ),
            );
          }
        }
      });
    }
    // Software WebGL (SwiftShader) is off by default in current Chromium; measure it explicitly too.
    await panRuns([...BASE_ARGS, '--enable-unsafe-swiftshader', '--use-angle=swiftshader'], '+ swiftshader');

    console.log('\nWhole plan graph, drawn by the explorer (median of %d runs, ms):', RUNS);
    console.log(
      'layout    nodes  edges  elements  layout  first frame  total (to first frame)  polished (worker)  again (cached)',
    );
    for (const [layout, results] of Object.entries(draws)) {
      const first = results[0];
      const m = (pick: (r: DrawResult) => number, width: number) =>
        String(median(results.map(pick))).padStart(width);
      console.log(
        `${layout.padEnd(8)} ${String(first?.nodes ?? 0).padStart(6)} ${String(first?.edges ?? 0).padStart(6)} ${m((r) => r.elementsMs, 9)} ${m((r) => r.layoutMs, 7)} ${m((r) => r.firstFrameMs, 12)} ${m((r) => r.totalMs, 9)} ${m((r) => r.refinedMs, 24)} ${m((r) => r.againMs, 15)}   (totals: ${results.map((r) => r.totalMs).join(', ')})`,
      );
    }
    console.log(
      `\nThe whole plan graph in its polished layout, panned and zoomed for ${PAN_MS / 1000} s (required flags):`,
    );
    console.log(
      'view      renderer  layout (draft + worker) ms  frames/s  renders/s  p95 frame ms  zoom    labelled',
    );
    for (const r of planPans) {
      console.log(
        `${r.mode.padEnd(9)} ${r.renderer.padEnd(9)} ${String(r.layoutMs).padStart(26)} ${String(r.fps).padStart(9)} ${String(r.rendersPerSecond).padStart(10)} ${String(r.p95FrameMs).padStart(13)} ${String(r.fitZoom).padStart(9)} ${String(r.labelled).padStart(9)}`,
      );
    }
    console.log(`\n5,000 synthetic nodes / 12,000 edges, panned and zoomed for ${PAN_MS / 1000} s:`);
    console.log(
      'chromium         view      renderer  webgl?  fcose draft ms  frames/s  renders/s  p95 frame ms  zoom    labelled',
    );
    for (const r of pans) {
      console.log(
        `${r.chromium.padEnd(16)} ${r.mode.padEnd(9)} ${r.renderer.padEnd(9)} ${String(r.webglAvailable).padEnd(7)} ${String(r.layoutMs).padStart(14)} ${String(r.fps).padStart(9)} ${String(r.rendersPerSecond).padStart(10)} ${String(r.p95FrameMs).padStart(13)} ${String(r.fitZoom).padStart(9)} ${String(r.labelled).padStart(9)}`,
      );
    }
    if (gestures.length > 0) {
      console.log(
        `\n${GESTURE_GRAPH === 'plan' ? 'The whole plan graph (polished layout)' : `${GESTURE_NODES} synthetic nodes / ${GESTURE_EDGES} edges`}, real mouse gestures for ${PAN_MS / 1000} s each (required flags; the explorer hides edges in motion: ${gestures[0]?.controllerHidesEdges}):`,
      );
      console.log(
        'view      zoom   gesture  drawn in motion  frames/s  renders/s  p95 frame ms  events  moved px  zoom ×  last input → redrawn ms  frames/s vs edges',
      );
      for (const r of gestures) {
        const base = gestures.find(
          (g) => g.mode === r.mode && g.gesture === r.gesture && g.drawing === 'edges',
        );
        const ratio = base && base.fps > 0 ? `${(r.fps / base.fps).toFixed(1)}×` : '';
        console.log(
          `${r.mode.padEnd(9)} ${String(r.zoom).padStart(5)}  ${r.gesture.padEnd(8)} ${r.drawing.padEnd(16)} ${String(r.fps).padStart(9)} ${String(r.rendersPerSecond).padStart(10)} ${String(r.p95FrameMs).padStart(13)} ${String(r.events).padStart(7)} ${String(r.panned).padStart(9)} ${String(r.zoomRatio).padStart(7)} ${String(r.settleMs).padStart(23)} ${ratio.padStart(18)}`,
        );
      }
      console.log(
        `screenshots of a drag at zoom 1: ${path.relative(ROOT, OUT)}/gesture-{before,mid-drag,after}.png`,
      );
    }
  } finally {
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
