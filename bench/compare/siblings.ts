// The figures of the other engineers' benches, for the same table: the loader's (`npm run bench:load`,
// relationships per second on synthetic data) and the explorer's (`npm run bench:web`, render time). Each is
// run as its own npm script when package.json has it, its output kept in bench/out/, and its figure lines
// (those with a unit per second, ms or s) summarised; "n/a (not built)" when the script does not exist.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

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

export async function runSiblingBenches(say: (message: string) => void): Promise<SiblingFigures> {
  const scripts =
    (
      JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
        scripts?: Record<string, string>;
      }
    ).scripts ?? {};
  const run = async (script: string, summarise: (output: string) => string): Promise<SiblingFigure> => {
    if (process.env.BENCH_SKIP_SIBLINGS === '1')
      return { summary: 'skipped (BENCH_SKIP_SIBLINGS=1)', output: '' };
    if (!scripts[script]) return NOT_BUILT;
    say(`npm run ${script}…`);
    const { code, output } = await npmRun(script);
    if (code !== 0) return { summary: `failed (exit ${code}; output in bench/out/${script}.log)`, output };
    return { summary: summarise(output) || 'ran; no figure found in its output', output };
  };
  const load = await run('bench:load', figureLines);
  const web = await run('bench:web', figureLines);
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

function npmRun(script: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => resolve({ code, output }));
  });
}
