// The explorer end to end, shared by the Chromium test files: the built page served by the real HTTP server
// over the plan graph in Neo4j, a Chromium (tests/support/chromium.ts) with one context, and what every such
// test reads — a page with its console errors, the moment the page has settled, what the canvas holds, and
// a search box walked with the keyboard. Screenshots go to SHOTS (test-results/; look at them: Chinese must
// render, which needs a CJK font such as Debian's fonts-noto-cjk, see README.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect } from 'vitest';
import { PROJECT_ROOT } from '../../src/infra/config.ts';
import type { Database } from '../../src/infra/database.ts';
import { launchChromium } from './chromium.ts';
import { connectTestDatabase } from './neo4j.ts';
import { ensurePlanLoaded } from './plan.ts';
import { startTestServer, type TestServer } from './server.ts';

export const SHOTS = path.join(PROJECT_ROOT, 'test-results');

export type ExplorerPage = Page & { errors: string[] };

export interface ExplorerHarness {
  readonly server: TestServer;
  readonly browser: Browser;
  /** the one context every page of the file opens in (a test file may route its requests) */
  readonly context: BrowserContext;
  /** A page at `url` with its console errors collected, once it has settled; every test checks errors. */
  open(url?: string): Promise<ExplorerPage>;
}

/** Starts the server, builds the page and launches Chromium before the file's tests; stops them after. */
export function useExplorerInChromium(): ExplorerHarness {
  let db: Database;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let webDir: string;

  beforeAll(async () => {
    db = connectTestDatabase();
    await ensurePlanLoaded(db);
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cskg-web-'));
    await build({
      configFile: path.join(PROJECT_ROOT, 'web/vite.config.ts'),
      build: { outDir: webDir, emptyOutDir: true },
      logLevel: 'warn',
    });
    server = await startTestServer(db, { webDir });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await db?.close();
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  });

  return {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
    get context() {
      return context;
    },
    async open(url = '/') {
      const page = (await context.newPage()) as ExplorerPage;
      page.errors = [];
      page.on('pageerror', (error) => page.errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') page.errors.push(message.text());
      });
      await page.goto(server.url + url);
      await settled(page);
      return page;
    },
  };
}

/** What the server lists in `extensions.truncation` when a limit cut a list field (src/read/truncation.ts). */
export interface TruncationNotice {
  readonly path: string;
  readonly reason: string;
  readonly limit: number;
  readonly message: string;
}

/**
 * Adds `notice` to the server's real answers to the GraphQL operation `operation` (e.g. `Paths`), as the
 * server does when a limit cuts a list: for limits the plan is too small to reach. Returns the variables of
 * each request answered so; unrouting the page's GraphQL route ends it.
 */
export async function answerCut(
  page: Page,
  operation: string,
  notice: TruncationNotice,
): Promise<Record<string, unknown>[]> {
  const asked: Record<string, unknown>[] = [];
  await page.route('**/graphql', async (route) => {
    const request = JSON.parse(route.request().postData() ?? '{}') as {
      query?: string;
      variables?: Record<string, unknown>;
    };
    if (!request.query?.includes(`query ${operation}`)) return route.fallback();
    asked.push(request.variables ?? {});
    const answer = await route.fetch();
    const body = (await answer.json()) as Record<string, unknown>;
    await route.fulfill({ response: answer, json: { ...body, extensions: { truncation: [notice] } } });
  });
  return asked;
}

/** The restore is over and no request is running. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.getElementById('app')?.getAttribute('aria-busy') === 'false' &&
      document.querySelector('.loading')?.hasAttribute('hidden') === true,
    null,
    { timeout: 60_000 }, // a busy two-core machine, replaying several steps
  );
  await page.waitForTimeout(350); // layout animations
}

/** What the canvas holds, read from the controller the page exposes as window.cskg. */
export function canvas(page: Page) {
  return page.evaluate(() => {
    const app = (
      window as unknown as {
        cskg: { graph: { cy: import('cytoscape').Core; kind: string; layoutName: string } };
      }
    ).cskg;
    const cy = app.graph.cy;
    return {
      kind: app.graph.kind,
      layout: app.graph.layoutName,
      nodes: cy.nodes().map((n) => n.id()),
      edges: cy.edges().map((e) => e.id()),
      filtered: cy.elements('.filtered').map((e) => e.id()),
      selected: cy.$(':selected').map((e) => e.id()),
      hubs: cy.nodes('.hub').map((n) => n.id()),
      labels: Object.fromEntries(cy.nodes().map((n) => [n.id(), String(n.data('label'))])),
      x: Object.fromEntries(cy.nodes().map((n) => [n.id(), n.position().x])),
      pathEdges: cy.edges('.path').map((e) => e.id()),
      gaps: cy.nodes('.gap').map((n) => n.id()),
    };
  });
}

/** Types `query` into the combobox named `comboboxName` and walks to the option with `optionText` by keyboard. */
export async function pick(
  page: Page,
  comboboxName: string,
  query: string,
  optionText: string,
): Promise<void> {
  const box = page.getByRole('combobox', { name: comboboxName });
  await box.fill(query);
  const listbox = page.locator(`#${await box.getAttribute('aria-controls')}`);
  await listbox
    .getByRole('option', { name: new RegExp(optionText) })
    .first()
    .waitFor();
  // Walk to the wanted option with the keyboard, as a user would.
  const options = await listbox.getByRole('option').allTextContents();
  const index = options.findIndex((text) => text.includes(optionText));
  expect(index, `${optionText} among ${options.join(' | ')}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < index; i++) await box.press('ArrowDown');
  const prefix = (await box.getAttribute('aria-controls'))?.replace(/-listbox$/, '');
  expect(await box.getAttribute('aria-activedescendant')).toBe(`${prefix}-option-${index}`);
  await box.press('Enter');
  await page.waitForTimeout(200);
  await settled(page);
}
