// npm run bench:web:scale — the explorer on big graphs (issue 12: "no frozen tab; the canvas is given what it
// can draw, with show more"). For each graph — the plan, then generated ones (bench/scale/graphs.ts: the
// industry-shaped and power-law generators at 100k and 1M facts by default) — a fresh store of the project's
// Neo4j with the graph loaded, the API and the built page served over real HTTP, and Chromium (the one
// tests/support/chromium.ts picks) driving what an analyst does: open the page, search from the search box,
// open the most connected entity and expand it, show more, the downstream chain of the input that feeds
// the most products (with its gaps) and more of it, the chain both ways, the whole graph (what the canvas can draw of it), and
// the paths from that hub to a typical entity.
// For each step: the time until the page is settled again, the longest task that blocked the tab
// (PerformanceObserver 'longtask'; a frozen tab is a long task), and what the canvas holds. One table per
// run, each step's time also as a ratio to the plan's time for the same step in the same run.
//
//   npm run bench:web:scale                                              # plan, industry and power-law 100k and 1M
//   npm run bench:web:scale -- --sizes 100000 --generators industry
//   npm run bench:web:scale -- --screenshots test-results                 # the page after each step, to look at
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import type { Reader } from '../../src/infra/database.ts';
import { launchChromium } from '../../tests/support/chromium.ts';
import { dataFor, PLAN_SIZE, withServedGraph, type Generator } from '../scale/graphs.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const SIZES = option('sizes', '100000,1000000').split(',').map(Number);
const GENERATORS = option('generators', 'industry,power-law').split(',') as Generator[];
/** a step that takes longer than this is reported as not settled, and the run goes on */
const STEP_TIMEOUT_MS = Number(option('timeout', '120000'));
/** a folder for a screenshot of the page after each step, if given */
const SCREENSHOTS = args.includes('--screenshots')
  ? path.resolve(option('screenshots', '').replace(/^--.*/, '') || 'test-results')
  : '';
const log = (message: string) => process.stderr.write(`[bench:web:scale] ${message}\n`);

interface Operands {
  readonly hub: string;
  readonly platform: string;
  readonly typical: string;
  readonly searchText: string;
}

interface StepResult {
  readonly step: string;
  readonly ms: number;
  readonly longestTaskMs: number;
  readonly nodes: number;
  readonly edges: number;
  readonly note: string;
}

interface GraphRun {
  readonly label: string;
  readonly facts: number;
  readonly steps: readonly StepResult[];
}

/** The hub (most relations), the product feeding the most others, an entity at a third of id order. */
async function operands(db: Reader): Promise<Operands> {
  const [row] = await db.read({
    cypher: /* Cypher */ `
      CALL () { MATCH (n:Entity) RETURN n.id AS hub ORDER BY COUNT { (n)--() } DESC, n.id LIMIT 1 }
      CALL () {
        MATCH (p:Product) WHERE EXISTS { (p)-[:INPUT_TO]->() }
        RETURN p.id AS platform ORDER BY COUNT { (p)-[:INPUT_TO]->() } DESC, p.id LIMIT 1
      }
      CALL () {
        MATCH (n:Entity) WITH n ORDER BY n.id
        WITH collect(n) AS every
        WITH every[toInteger(size(every) / 3)] AS n
        RETURN n.id AS typical, n.name AS typicalName
      }
      RETURN hub, platform, typical, typicalName`,
  });
  const name = String(row?.typicalName ?? '');
  const han = [...name].filter((c) => /\p{Script=Han}/u.test(c));
  return {
    hub: String(row?.hub),
    platform: String(row?.platform),
    typical: String(row?.typical),
    searchText: han.length >= 2 ? han.slice(0, 2).join('') : name.slice(0, 4),
  };
}

/** Watches long tasks from the first script on; the page keeps the longest since the last reset. */
const LONG_TASKS = `
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

async function settled(page: Page): Promise<boolean> {
  try {
    await page.waitForFunction(
      () =>
        document.getElementById('app')?.getAttribute('aria-busy') === 'false' &&
        document.querySelector('.loading')?.hasAttribute('hidden') === true,
      null,
      { timeout: STEP_TIMEOUT_MS, polling: 50 },
    );
    return true;
  } catch {
    return false;
  }
}

interface CanvasCounts {
  readonly nodes: number;
  readonly edges: number;
  readonly more: number;
  /** the error banner's words, if the step ended with one */
  readonly error: string;
}

async function canvasCounts(page: Page): Promise<CanvasCounts> {
  return page.evaluate(() => {
    const cy = (window as unknown as { cskg: { graph: { cy: import('cytoscape').Core } } }).cskg.graph.cy;
    const banner = document.getElementById('error-banner');
    return {
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      more: cy.nodes('.has-more').length,
      error: banner && !banner.hidden ? (banner.querySelector('.message')?.textContent ?? '') : '',
    };
  });
}

/** Runs one step in the page: resets the long-task watch, acts, waits until settled, reads the canvas. */
async function stepIn(
  page: Page,
  shot: string,
  name: string,
  act: () => Promise<unknown>,
  note: (counts: CanvasCounts) => string = () => '',
): Promise<StepResult> {
  await page.evaluate(() => {
    (window as unknown as { __longest: number }).__longest = 0;
  });
  const started = performance.now();
  // A chain is drawn before its gaps arrive: when it was drawn, apart from when the page settled.
  let drawnMs = 0;
  const drawn = page
    .waitForFunction(
      () =>
        (window as unknown as { cskg: { controller: { chain: { gapsPending: boolean } | null } } }).cskg
          .controller.chain?.gapsPending === true,
      null,
      { timeout: STEP_TIMEOUT_MS, polling: 50 },
    )
    .then(
      () => (drawnMs = performance.now() - started),
      () => {},
    );
  let error = '';
  try {
    await act();
  } catch (e) {
    error = (e as Error).message.split('\n')[0]?.slice(0, 60) ?? 'error';
  }
  const done = await settled(page);
  if (!drawnMs) await Promise.race([drawn, Promise.resolve()]);
  const ms = performance.now() - started;
  const longestTaskMs = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  const counts = await canvasCounts(page);
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${shot}.png`) }).catch(() => {});
  const result = {
    step: name,
    ms,
    longestTaskMs,
    nodes: counts.nodes,
    edges: counts.edges,
    note: [
      done ? '' : `not settled in ${STEP_TIMEOUT_MS / 1000} s`,
      error,
      drawnMs ? `chain drawn in ${drawnMs.toFixed(0)} ms, its gaps after` : '',
      counts.error ? `error shown: “${counts.error.slice(0, 100)}”` : '',
      note(counts),
    ]
      .filter(Boolean)
      .join('; '),
  };
  log(
    `  ${name}: ${ms.toFixed(0)} ms, longest task ${longestTaskMs.toFixed(0)} ms, ${counts.nodes} nodes ${result.note}`,
  );
  return result;
}

/** The analyst's session on one served graph. */
async function session(browser: Browser, origin: string, db: Reader, label: string): Promise<StepResult[]> {
  const o = await operands(db);
  log(`  hub ${o.hub}, platform ${o.platform}, typical ${o.typical}, search “${o.searchText}”`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(LONG_TASKS);
  const page = await context.newPage();
  const controller = (code: string) => () =>
    page.evaluate(`(async () => { const c = window.cskg.controller; ${code} })()`);
  const steps: StepResult[] = [];
  const step = (name: string, act: () => Promise<unknown>, note?: Parameters<typeof stepIn>[4]) =>
    stepIn(page, `web-scale-${label.replace(/\W+/g, '-')}-${steps.length + 1}`, name, act, note);
  try {
    steps.push(await step('open the page', () => page.goto(origin)));
    steps.push(
      await step('search from the search box', async () => {
        const box = page.getByRole('combobox').first();
        await box.fill(o.searchText);
        // the suggestions' list is the combobox's aria-controls (not inside it)
        await page
          .locator(`[id="${(await box.getAttribute('aria-controls')) ?? ''}"]`)
          .getByRole('option')
          .first()
          .waitFor({ timeout: STEP_TIMEOUT_MS });
        await box.press('Escape'); // the suggestions close, as a user leaves them
      }),
    );
    steps.push(
      await step(
        'open and expand the hub',
        controller(`await c.open(${JSON.stringify(o.hub)}, { expand: true });`),
        (c) => `${c.more} with more to show`,
      ),
    );
    steps.push(
      await step('show more around the hub', controller(`await c.showMore(${JSON.stringify(o.hub)});`)),
    );
    steps.push(
      await step(
        'downstream chain of the platform input, with gaps',
        controller(`await c.showChain(${JSON.stringify(o.platform)}, 'DOWNSTREAM', 6);`),
      ),
    );
    steps.push(await step('show more of the chain', controller(`await c.showMoreChain();`)));
    steps.push(
      await step(
        'chain both ways',
        controller(`await c.showChain(${JSON.stringify(o.platform)}, 'BOTH', 6);`),
      ),
    );
    steps.push(
      await step('the whole graph', controller(`await c.showWholeGraph();`), (c) =>
        c.nodes < 1000 ? '' : `${c.edges} edges`,
      ),
    );
    steps.push(
      await step(
        'paths from the hub to a typical entity',
        controller(`await c.findPaths(${JSON.stringify(o.hub)}, ${JSON.stringify(o.typical)}, 4);`),
      ),
    );
  } finally {
    await context.close();
  }
  return steps;
}

function report(runs: readonly GraphRun[], started: Date): string {
  const plan = runs[0];
  const lines = [
    `Command: \`npm run bench:web:scale${args.length ? ` -- ${args.join(' ')}` : ''}\`, commit ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim()}, ${started.toISOString()} – ${new Date().toISOString()}; load average ${os.loadavg()[0]?.toFixed(1)} at the end.`,
    'Each cell: time until the page is settled (ms) · longest task that blocked the tab (ms) · nodes on the canvas; ×: time over the plan’s time for the same step.',
    '',
    `| step | ${runs.map((r) => `${r.label} (${r.facts.toLocaleString('en')} facts)`).join(' | ')} |`,
    `|---|${runs.map(() => '--:').join('|')}|`,
  ];
  for (const [i, s] of (plan?.steps ?? []).entries()) {
    const cells = runs.map((r) => {
      const x = r.steps[i];
      if (!x) return '–';
      const ratio = r === plan ? '' : ` (×${(x.ms / Math.max(1, s.ms)).toFixed(1)})`;
      return `${x.ms.toFixed(0)}${ratio} · ${x.longestTaskMs.toFixed(0)} · ${x.nodes}${x.note ? ` — ${x.note}` : ''}`;
    });
    lines.push(`| ${s.step} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

const started = new Date();
if (SCREENSHOTS) fs.mkdirSync(SCREENSHOTS, { recursive: true });
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cskg-web-scale-'));
log('building the explorer…');
await build({
  configFile: path.join(ROOT, 'web/vite.config.ts'),
  build: { outDir: webDir, emptyOutDir: true },
  logLevel: 'warn',
});
const graphs: { label: string; dataDir: string }[] = [{ label: 'plan', dataDir: path.join(ROOT, 'data') }];
for (const generator of GENERATORS)
  for (const size of SIZES)
    graphs.push({
      label: `${generator} ${size.toLocaleString('en')}`,
      dataDir: await dataFor(generator, size),
    });
const browser = await launchChromium();
const runs: GraphRun[] = [];
try {
  for (const graph of graphs) {
    runs.push(
      await withServedGraph(graph.dataDir, { label: graph.label, webDir }, async ({ db, origin }) => {
        const [row] = await db.read({
          cypher: /* Cypher */ `MATCH (m:Meta {key: 'graph'}) RETURN m.relationCount AS facts`,
        });
        log(`${graph.label}: the explorer…`);
        return {
          label: graph.label,
          facts: Number(row?.facts ?? PLAN_SIZE),
          steps: await session(browser, origin, db, graph.label),
        };
      }),
    );
  }
} finally {
  await browser.close();
  fs.rmSync(webDir, { recursive: true, force: true });
}
process.stdout.write(`${report(runs, started)}\n`);
