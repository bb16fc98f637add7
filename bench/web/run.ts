// npm run bench:web — the explorer's speed in Debian's Chromium (headless, software rendering, as on the
// development machines): the whole plan graph of data/ drawn and laid out by the explorer's controller, and
// 5,000 synthetic nodes panned and zoomed with cytoscape's canvas renderer and its WebGL renderer. Prints
// a table; the figures go to bench/RESULTS.md, section "explorer". Needs no database: the plan graph is
// read from data/ exactly as the loader reads it.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { validateDataDir } from '../../src/data/validate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = path.join(ROOT, 'bench/out/web');
const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PAN_MS = Number(process.env.BENCH_PAN_MS ?? 4000);

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
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(url);
    await page.waitForFunction(() => 'explorerBench' in window);
    return await run(page);
  } finally {
    await browser?.close();
  }
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
  } finally {
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
