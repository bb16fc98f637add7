// Runs BulkImport.java (the offline importer, then the index build) on a new store folder and reports
// its progress and result. Its whole output goes to a log file that every error names; the lines it
// addresses to cskg ("CSKG PHASE …", "CSKG PROGRESS …", "CSKG RESULT {…}") are parsed here, and the
// importer's own stage lines ("(2/4) Relationship import …", "… 45% …") become progress too.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Neo4jStartError } from '../errors.ts';
import { javaArguments, type Neo4jRuntime } from './localServer.ts';

export interface BulkImportOptions {
  /** the new store folder (a Neo4j home); the database goes to <home>/data/databases/neo4j */
  readonly home: string;
  /** arguments of `neo4j-admin database import full`, without the database name */
  readonly importArgs: readonly string[];
  /** the importer's working directory: the folder of the CSV files, which the arguments name relatively */
  readonly csvDir: string;
  /** Cypher statements run once the import is done (cypher/schema.cypher) */
  readonly schema: readonly string[];
  readonly heap: string;
  readonly pageCacheMb: number;
  /** appended to; named by every error */
  readonly logFile: string;
  readonly onProgress?: (progress: BulkImportProgress) => void;
}

export interface BulkImportProgress {
  readonly phase: 'import' | 'indexes';
  /** 0..100 */
  readonly percent: number;
  /** the importer's stage, e.g. "Relationship import" */
  readonly stage?: string;
}

/** What the new store holds, as counted by Neo4j once the indexes were online. */
export interface BulkImportResult {
  readonly entities: number;
  readonly passages: number;
  readonly meta: number;
  readonly chains: number;
  readonly chainLinks: number;
  readonly nodes: number;
  readonly relationships: number;
  readonly indexesNotOnline: number;
  /** peak resident memory of the import JVM, -1 when unknown */
  readonly peakRssMb: number;
}

const IMPORT_STAGES = 4; // node import, relationship import, relationship linking, post processing

export async function runBulkImport(
  runtime: Neo4jRuntime,
  options: BulkImportOptions,
): Promise<BulkImportResult> {
  fs.mkdirSync(options.home, { recursive: true });
  const argsFile = path.join(options.home, 'cskg-import-args.txt');
  const schemaFile = path.join(options.home, 'cskg-schema.cypher');
  fs.writeFileSync(argsFile, options.importArgs.join('\n')); // the database: the default, neo4j
  fs.writeFileSync(schemaFile, options.schema.map((s) => s.replace(/\s*\n\s*/g, ' ')).join('\n'));
  const log = fs.createWriteStream(options.logFile, { flags: 'a' });
  log.write(`\n=== ${new Date().toISOString()} bulk import into ${options.home}\n`);
  const child = spawn(
    runtime.javaBin,
    javaArguments(runtime, options.heap, 'BulkImport', [
      options.home,
      argsFile,
      schemaFile,
      String(options.pageCacheMb),
    ]),
    // stdin stays an open pipe: BulkImport halts when it closes, i.e. when this process dies.
    { cwd: options.csvDir, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  // If this process exits without waiting (an uncaught error), take the importer along.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  child.stderr.pipe(log, { end: false });

  let result: BulkImportResult | undefined;
  let peakRssMb = -1;
  let failure: string | undefined;
  let stage = 0;
  let stageName = '';
  const lines = readline.createInterface({ input: child.stdout });
  // Listened for now: stdout may close before the process's exit is seen.
  const linesClosed = new Promise<void>((resolve) => lines.once('close', resolve));
  lines.on('line', (line) => {
    log.write(`${line}\n`);
    const cskg = /^CSKG (\w+) ?(.*)$/.exec(line);
    if (cskg) {
      const [, kind, rest = ''] = cskg;
      if (kind === 'PHASE' && rest === 'indexes') options.onProgress?.({ phase: 'indexes', percent: 0 });
      else if (kind === 'PROGRESS')
        options.onProgress?.({ phase: 'indexes', percent: Number(rest.split(' ')[1] ?? 0) });
      else if (kind === 'RESULT') result = JSON.parse(rest) as BulkImportResult;
      else if (kind === 'DONE') peakRssMb = Number(/peakRssMb=(-?\d+)/.exec(rest)?.[1] ?? -1);
      else if (kind === 'FAILED') failure = rest;
      return;
    }
    const stageLine = /^\((\d+)\/(\d+)\) (.+?) \d{4}-\d\d-\d\d/.exec(line);
    if (stageLine) {
      stage = Number(stageLine[1]);
      stageName = stageLine[3] ?? '';
    }
    const percent = /(\d+)% ∆/.exec(line);
    if (stageLine || percent) {
      const within = percent ? Number(percent[1]) / 100 : 0;
      options.onProgress?.({
        phase: 'import',
        percent: Math.min(100, Math.round(((Math.max(stage, 1) - 1 + within) / IMPORT_STAGES) * 100)),
        stage: stageName,
      });
    }
  });

  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  }).finally(() => {
    process.off('exit', killOnExit);
    fs.rmSync(argsFile, { force: true });
    fs.rmSync(schemaFile, { force: true });
  });
  await linesClosed;
  await new Promise<void>((resolve) => log.end(resolve));
  if (code !== 0 || !result) {
    const what =
      failure ??
      (result ? `exit ${code}` : code === 0 ? 'no result reported' : `the index build failed (exit ${code})`);
    throw new Neo4jStartError(
      `The bulk import into ${options.home} failed: ${what}.\n${tail(options.logFile, 12)}\n` +
        `Full log: ${options.logFile}. The current graph is unchanged.`,
    );
  }
  return { ...result, peakRssMb };
}

function tail(file: string, count: number): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text
      .split('\n')
      .filter((line) => line.trim() !== '' && !/^[.-]/.test(line))
      .slice(-count)
      .join('\n');
  } catch {
    return '';
  }
}
