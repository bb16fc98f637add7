// The figures of the other engineers' benches, for the same table: the loader's (`npm run bench:load`,
// relationships per second on synthetic data) and the explorer's (`npm run bench:web`, render time). Each is
// run as its own npm script when package.json has it, its output kept in bench/out/, and its figure lines
// (those with a unit per second, ms or s) summarised; "n/a (not built)" when the script does not exist.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/infra/config.ts';

export interface SiblingFigure {
  /** what the table prints */
  readonly summary: string;
  /** the whole output, for bench/out */
  readonly output: string;
}

export interface SiblingFigures {
  readonly load: SiblingFigure;
  readonly web: SiblingFigure;
}

const NOT_BUILT: SiblingFigure = { summary: 'n/a (not built)', output: '' };

/**
 * Sizes given to the loader's bench: 10k and 100k relationships by default (its full run adds 1M, about
 * ten minutes on the 2-core machine); BENCH_LOAD_SIZES="10000 100000 1000000" asks for more.
 */
const LOAD_SIZES = (process.env.BENCH_LOAD_SIZES ?? '10000 100000').split(/[\s,]+/).filter(Boolean);

export async function runSiblingBenches(say: (message: string) => void): Promise<SiblingFigures> {
  const scripts =
    (
      JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
        scripts?: Record<string, string>;
      }
    ).scripts ?? {};
  const run = async (
    script: string,
    args: string[],
    summarise: (output: string) => string,
  ): Promise<SiblingFigure> => {
    if (process.env.BENCH_SKIP_SIBLINGS === '1')
      return { summary: 'skipped (BENCH_SKIP_SIBLINGS=1)', output: '' };
    if (!scripts[script]) return NOT_BUILT;
    say(`npm run ${script} ${args.join(' ')}…`);
    const { code, output } = await npmRun(script, args);
    if (code !== 0)
      return {
        summary: `failed (exit ${code}; output in bench/out/${script.replace(':', '-')}.log)`,
        output,
      };
    return {
      summary: summarise(output) || figureLines(output) || 'ran; no figure found in its output',
      output,
    };
  };
  const load = await run('bench:load', ['--', ...LOAD_SIZES], loadSummary);
  const web = await run('bench:web', [], webSummary);
  const out = path.join(PROJECT_ROOT, 'bench', 'out');
  fs.mkdirSync(out, { recursive: true });
  for (const [name, figure] of [
    ['bench:load', load],
    ['bench:web', web],
  ] as const) {
    if (figure.output) fs.writeFileSync(path.join(out, `${name.replace(':', '-')}.log`), figure.output);
  }
  return { load, web };
}

/** Markdown table rows of `output` under the header that contains `marker`, as arrays of cells. */
function tableRows(output: string, marker: string): string[][] {
  const lines = output.split('\n');
  const header = lines.findIndex((line) => line.startsWith('|') && line.includes(marker));
  if (header < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** bench/load.ts's table: "10k rels 252 rels/s (127 MB RSS) · …". */
export function loadSummary(output: string): string {
  return tableRows(output, 'rels/s')
    .map(
      ([rels, , , rate, , rss]) =>
        `${Number(rels) >= 1000 ? `${Number(rels) / 1000}k` : rels} rels ${rate} rels/s (${rss} MB RSS)`,
    )
    .join(' · ');
}

/** The tables of a plain-text report: a header line with `marker`, rows until a blank line; cells split on 2+ spaces. */
function textTables(output: string, marker: string): { title: string; rows: Record<string, string>[] }[] {
  const lines = output.split('\n');
  const tables: { title: string; rows: Record<string, string>[] }[] = [];
  lines.forEach((line, i) => {
    if (!line.includes(marker)) return;
    const columns = line.trim().split(/\s{2,}/);
    const rows: Record<string, string>[] = [];
    for (const row of lines.slice(i + 1)) {
      if (row.trim() === '') break;
      const cells = row.trim().split(/\s{2,}/);
      // a name used twice (the explorer's "layout") keeps its first cell
      rows.push(Object.fromEntries(columns.map((column, k) => [column, cells[k] ?? '']).reverse()));
    }
    tables.push({ title: lines[i - 1]?.trim() ?? '', rows });
  });
  return tables;
}

/**
 * bench/web/run.ts's report: the time to the first frame of the whole plan graph per layout, and the
 * frames/s of the canvas renderer when panning (Chromium with the required flags only).
 */
export function webSummary(output: string): string {
  const parts: string[] = [];
  for (const { rows } of textTables(output, 'first frame')) {
    for (const row of rows) {
      const total = row['total (to first frame)'];
      if (row.layout && total)
        parts.push(`plan graph ${row.nodes} nodes (${row.layout}) ${total} ms to first frame`);
    }
  }
  for (const { title, rows } of textTables(output, 'frames/s')) {
    const what = title.startsWith('5,000') ? '5k synthetic nodes' : 'plan graph';
    for (const row of rows) {
      if (row.renderer !== 'canvas' || (row.chromium && row.chromium !== 'required flags')) continue;
      parts.push(`${what} pan${row.view ? ` (${row.view})` : ''} ${row['frames/s']} frames/s`);
    }
  }
  return parts.join(' · ');
}

/** Terminal colour codes (ESC [ … m). */
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The lines of a bench's output that carry a figure, joined with " · " (at most 6). */
export function figureLines(output: string): string {
  return output
    .split('\n')
    .map((line) => line.replace(ANSI_COLOUR, '').replace(/\|/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((line) => /\d/.test(line) && /(\/s\b|\bms\b|\d\s?s\b|MB|MiB)/.test(line))
    .slice(-6)
    .join(' · ');
}

function npmRun(script: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, ...args], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => resolve({ code, output }));
  });
}
