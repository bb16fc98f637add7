// The project's own Neo4j, for machines without Docker and without a NEO4J_URI: Neo4j Community
// (org.neo4j:neo4j from Maven Central, resolved by the machine's `mvn`, so its settings and mirrors apply)
// run by Launcher.java through the embedded API with a Bolt connector. The runtime (classpath and compiled
// launcher) is cached outside the repository; each server gets its own store folder and free port, and
// dies with its parent (see Launcher.java for how). BulkImport.java, compiled beside it, is the offline
// importer of the bulk loader (src/infra/neo4jServer/bulkImport.ts); a start first completes or undoes a store swap
// that a killed bulk load left half done (storeSwap.ts).
//
// Every JVM start loads some ten thousand of Neo4j's classes, which costs more CPU than anything else in a
// start (a bulk load starts three JVMs). The first server that stops cleanly leaves an archive of the classes
// it loaded (class-data sharing, -XX:ArchiveClassesAtExit) beside the compiled launcher; later JVMs map it
// instead of loading and verifying those classes again: a server start takes about 30 % less time and CPU.
// An archive the JVM does not accept (another JDK, changed jars) is ignored by the JVM, never an error.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import type { LocalNeo4jConfig } from '../config.ts';
import { Neo4jStartError } from '../errors.ts';
import { processAlive } from '../processes.ts';
import { recoverStoreSwap, storeLockHolder } from './storeSwap.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The Java entry points compiled into the cache: the server, and the bulk loader's importer. */
const JAVA_SOURCES = ['Launcher.java', 'BulkImport.java'].map((name) => path.join(HERE, name));

export interface Neo4jRuntime {
  readonly version: string;
  readonly classpath: string;
  readonly javaBin: string;
  /** the class-data-sharing archive of the classpath (written by the first clean server stop) */
  readonly classArchive: string;
}

export type ProgressListener = (message: string) => void;

/** Resolves Neo4j from Maven Central (first time only) and compiles the launcher; returns the classpath. */
export async function ensureNeo4jRuntime(
  local: Pick<LocalNeo4jConfig, 'version' | 'cacheDir'>,
  onProgress: ProgressListener = () => {},
): Promise<Neo4jRuntime> {
  const javaBin = await findJava();
  const home = path.join(local.cacheDir, `neo4j-${local.version}`);
  fs.mkdirSync(home, { recursive: true });
  const classpathFile = path.join(home, 'classpath.txt');
  writeIfChanged(path.join(home, 'pom.xml'), pomFor(local.version));

  let jars = readClasspath(classpathFile);
  if (!jars || jars.some((jar) => !fs.existsSync(jar))) {
    onProgress(`Resolving Neo4j Community ${local.version} from Maven Central with mvn (first run only)…`);
    await runMaven(home, classpathFile, onProgress);
    jars = readClasspath(classpathFile);
    if (!jars) throw new Neo4jStartError(`mvn finished but wrote no classpath to ${classpathFile}`);
  }

  // One folder per digest of the sources, compiled aside and renamed into place: processes running
  // other versions of the Java sources (another worktree, an older checkout) share this cache without
  // deleting each other's classes.
  const digest = createHash('sha256');
  for (const source of JAVA_SOURCES) digest.update(fs.readFileSync(source, 'utf8')).update('\0');
  // "jar": the classes are packed into a jar, since the JVM archives classes from jars only.
  const sourcesDigest = digest.update(local.version).update('\0jar').digest('hex');
  const classesDir = path.join(home, `classes-${sourcesDigest.slice(0, 16)}`);
  const classesJar = path.join(classesDir, 'cskg-neo4j.jar');
  const compiled = fs.existsSync(classesJar);
  if (!compiled) {
    onProgress('Compiling the Neo4j launcher and importer…');
    const building = `${classesDir}.tmp-${process.pid}`;
    fs.rmSync(building, { recursive: true, force: true });
    fs.mkdirSync(building, { recursive: true });
    const javac = path.join(path.dirname(javaBin), 'javac');
    await run(
      javac,
      ['-encoding', 'UTF-8', '-cp', jars.join(path.delimiter), '-d', building, ...JAVA_SOURCES],
      {
        what: 'javac (compiling src/infra/neo4jServer/Launcher.java and BulkImport.java)',
        hint: 'a JDK 17 or newer with javac is required: apt-get install -y openjdk-17-jdk-headless',
      },
    );
    await run(
      path.join(path.dirname(javaBin), 'jar'),
      ['--create', '--file', path.join(building, 'cskg-neo4j.jar'), '-C', building, '.'],
      {
        what: 'jar (packing the compiled launcher and importer)',
        hint: 'a JDK 17 or newer with its jar tool is required: apt-get install -y openjdk-17-jdk-headless',
      },
    );
    try {
      fs.renameSync(building, classesDir);
    } catch (error) {
      // another process compiled the same sources meanwhile: theirs are as good
      fs.rmSync(building, { recursive: true, force: true });
      if (!fs.existsSync(classesDir)) throw error;
    }
  }
  const classArchive = path.join(classesDir, 'neo4j-classes.jsa');
  removeAbandonedArchives(classArchive);
  return {
    version: local.version,
    classpath: [classesJar, ...jars].join(path.delimiter),
    javaBin,
    classArchive,
  };
}

/** Archives being written (`<archive>.tmp-<pid>-<n>`) whose process is gone: it was killed, not stopped. */
function removeAbandonedArchives(archive: string): void {
  const prefix = `${path.basename(archive)}.tmp-`;
  for (const name of fs.readdirSync(path.dirname(archive))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || !processAlive(pid))
      fs.rmSync(path.join(path.dirname(archive), name), { force: true });
  }
}

export interface StartOptions {
  readonly dataDir: string;
  readonly heap: string;
  readonly pageCacheMb: number;
  readonly startTimeoutMs: number;
  readonly port?: number;
  readonly onProgress?: ProgressListener;
}

export interface LocalNeo4j {
  readonly uri: string;
  readonly pid: number;
  readonly dataDir: string;
  readonly logFile: string;
  /** Shuts Neo4j down cleanly (kills it after 30 s) and resolves when the process has exited. */
  stop(): Promise<void>;
}

/** The JVM command line of one of the compiled entry points (Launcher, BulkImport) on the runtime's classpath. */
export function javaArguments(
  runtime: Neo4jRuntime,
  heap: string,
  mainClass: 'Launcher' | 'BulkImport',
  args: readonly string[],
  /** write the class archive to this file when the JVM exits (startLocalNeo4j, while there is none) */
  writeClassArchive?: string,
): string[] {
  const sharing = writeClassArchive
    ? [`-XX:ArchiveClassesAtExit=${writeClassArchive}`]
    : fs.existsSync(runtime.classArchive)
      ? [`-XX:SharedArchiveFile=${runtime.classArchive}`]
      : [];
  return [
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    ...sharing,
    '-Xlog:cds*=off', // the archive's notes (signed jars skipped, an archive refused) are not the server's
    '-cp',
    runtime.classpath,
    mainClass,
    ...args,
  ];
}

/** Starts a Neo4j server on a free loopback port and resolves once it answers on Bolt. */
export async function startLocalNeo4j(runtime: Neo4jRuntime, options: StartOptions): Promise<LocalNeo4j> {
  const dataDir = path.resolve(options.dataDir);
  const holder = storeLockHolder(dataDir);
  if (holder !== undefined) throw storeInUseError(dataDir, holder);
  const recovery = recoverStoreSwap(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, 'cskg-neo4j.log');
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  if (recovery.action !== 'none') {
    const what = `Store folders: ${recovery.action}${recovery.reason ? ` (${recovery.reason})` : ''} (an interrupted bulk load; src/infra/neo4jServer/storeSwap.ts).`;
    log.write(`\n=== ${new Date().toISOString()} ${what}\n`);
    options.onProgress?.(what);
  }
  const port = options.port ?? (await freePort());
  const uri = `bolt://127.0.0.1:${port}`;
  const started = Date.now();
  log.write(
    `\n=== ${new Date().toISOString()} starting Neo4j ${runtime.version} on ${uri}, store ${dataDir}\n`,
  );
  options.onProgress?.(`Starting Neo4j ${runtime.version} on ${uri} (store ${dataDir}, log ${logFile})…`);

  // No class archive yet: this server writes one as it exits, kept if it stops cleanly (see the header).
  const archiving = fs.existsSync(runtime.classArchive)
    ? undefined
    : `${runtime.classArchive}.tmp-${process.pid}-${(archivesStarted += 1)}`;
  const child = spawn(
    runtime.javaBin,
    javaArguments(
      runtime,
      options.heap,
      'Launcher',
      [dataDir, String(port), String(options.pageCacheMb)],
      archiving,
    ),
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  // If this process exits without stop() (an uncaught error), take Neo4j along. A SIGKILL of this
  // process cannot run this hook; the launcher then sees its stdin close and stops by itself.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))).then(
    (code) => {
      if (archiving) keepClassArchive(archiving, runtime.classArchive, code === 0);
      return code;
    },
  );
  const failure = (reason: string) =>
    new Neo4jStartError(
      `${reason}\n${tail(logFile, 15)}\nFull log: ${logFile}\n${hintFor(readText(logFile) ?? '', dataDir)}`,
    );

  try {
    await Promise.race([
      waitForLine(child, /^READY /),
      exited.then((code) => {
        throw failure(`Neo4j exited with code ${code} while starting.`);
      }),
      delay(options.startTimeoutMs).then(() => {
        throw failure(
          `Neo4j did not start within ${options.startTimeoutMs / 1000} s (CSKG_NEO4J_START_TIMEOUT_MS).`,
        );
      }),
    ]);
    await waitForBolt(uri, Math.max(5_000, options.startTimeoutMs - (Date.now() - started)));
  } catch (error) {
    child.kill('SIGKILL');
    process.off('exit', killOnExit);
    throw error instanceof Neo4jStartError
      ? error
      : failure(`Neo4j did not answer on ${uri}: ${String(error)}`);
  }
  options.onProgress?.(
    `Neo4j (pid ${child.pid}) is up on ${uri} after ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );

  let stopping: Promise<void> | undefined;
  return {
    uri,
    pid: child.pid ?? -1,
    dataDir,
    logFile,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.stdin?.end(); // the launcher shuts down cleanly on EOF
          const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
          await exited;
          clearTimeout(timer);
        }
        process.off('exit', killOnExit);
        log.end();
      })();
      return stopping;
    },
  };
}

let archivesStarted = 0;

/** Puts a class archive written at a clean exit in place (atomically: JVMs starting meanwhile see all or none). */
function keepClassArchive(written: string, archive: string, cleanExit: boolean): void {
  try {
    if (cleanExit && fs.statSync(written).size > 0) fs.renameSync(written, archive);
  } catch {
    // not written (the JVM could not archive): later starts run without one, as before
  }
  fs.rmSync(written, { force: true });
}

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForBolt(uri: string, timeoutMs: number): Promise<void> {
  const driver = neo4j.driver(uri, undefined, { connectionTimeout: 5_000 });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await driver.verifyConnectivity();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await delay(250);
      }
    }
  } finally {
    await driver.close();
  }
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    if (!child.stdout) return;
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (pattern.test(line)) {
        lines.close();
        resolve();
      }
    });
  });
}

/** The store folder is open in another process: say which, and what to do. */
export function storeInUseError(dataDir: string, pid: number): Neo4jStartError {
  return new Neo4jStartError(
    `Another Neo4j is using ${dataDir} (pid ${pid}; is \`npm start\` or another cskg command running?). ` +
      'Stop that process first, or point CSKG_NEO4J_DATA at another folder, or load through that server with ' +
      `NEO4J_URI=<its bolt URI> (the transactional loader). Its log: ${path.join(dataDir, 'cskg-neo4j.log')}`,
  );
}

function hintFor(log: string, dataDir: string): string {
  if (/StoreLockException|Unable to obtain lock/i.test(log)) {
    const holder = storeLockHolder(dataDir);
    return `Another Neo4j${holder === undefined ? '' : ` (pid ${holder})`} is using ${dataDir} (is \`npm start\` already running?). Stop it, or point CSKG_NEO4J_DATA at another folder.`;
  }
  if (/OutOfMemory/i.test(log)) return 'Neo4j ran out of memory: raise CSKG_NEO4J_HEAP (e.g. 2g).';
  if (/Address already in use|BindException/i.test(log))
    return 'The Bolt port was taken at the last moment; start again.';
  return 'Check the log above; delete the store folder to start from an empty database.';
}

function pomFor(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by cskg (src/infra/neo4jServer/localServer.ts): resolves Neo4j Community for the local server. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>cskg.local</groupId>
  <artifactId>neo4j-runtime</artifactId>
  <version>${version}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

async function runMaven(home: string, classpathFile: string, onProgress: ProgressListener): Promise<void> {
  let artifacts = 0;
  let bytes = 0;
  let lastReport = 0;
  const report = (force = false) => {
    if (force || Date.now() - lastReport > 1_000) {
      lastReport = Date.now();
      onProgress(`  downloaded ${artifacts} files (${(bytes / 1e6).toFixed(1)} MB) from Maven…`);
    }
  };
  await run(
    'mvn',
    ['-B', 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`, '-Dmdep.includeScope=runtime'],
    {
      cwd: home,
      what: 'mvn dependency:build-classpath (resolving org.neo4j:neo4j)',
      hint:
        'Maven 3 and access to Maven Central (or the mirror in ~/.m2/settings.xml) are required: apt-get install -y maven. ' +
        'If you have a Neo4j elsewhere, set NEO4J_URI instead.',
      onLine(line) {
        const done = /Downloaded from \S+: \S+ \(([\d.]+) (B|kB|KB|MB|GB)/.exec(line);
        if (done) {
          artifacts += 1;
          const unit = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 }[done[2] as 'B'];
          bytes += Number(done[1]) * unit;
          report();
        }
      },
    },
  );
  if (artifacts > 0) report(true);
}

interface RunOptions {
  readonly cwd?: string;
  readonly what: string;
  readonly hint: string;
  readonly onLine?: (line: string) => void;
}

function run(command: string, args: string[], options: RunOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        if (output.length > 40) output.shift();
        options.onLine?.(line);
      });
    }
    child.once('error', (error) =>
      reject(new Neo4jStartError(`${options.what} could not run: ${error.message}. ${options.hint}`, error)),
    );
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Neo4jStartError(
              `${options.what} failed (exit ${code}):\n${output.join('\n')}\n${options.hint}`,
            ),
          ),
    );
  });
}

async function findJava(): Promise<string> {
  const javaBin = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const versionText = await new Promise<string>((resolve, reject) => {
    const child = spawn(javaBin, ['-version'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.on('data', (chunk) => (text += chunk));
    child.once('error', reject);
    child.once('exit', () => resolve(text));
  }).catch(() => {
    throw new Neo4jStartError(
      `Java was not found (${javaBin}). The local Neo4j needs Java 17 or 21: apt-get install -y openjdk-17-jdk-headless maven, or set NEO4J_URI to use an existing Neo4j.`,
    );
  });
  const major = Number(/version "(\d+)/.exec(versionText)?.[1] ?? 0);
  if (major < 17) {
    throw new Neo4jStartError(
      `Neo4j 5.26 needs Java 17 or newer; ${javaBin} is ${versionText.split('\n')[0]}. Set JAVA_HOME.`,
    );
  }
  // Resolve to the real binary so javac is found beside it.
  if (javaBin === 'java') {
    const which = await new Promise<string>((resolve) => {
      const child = spawn('sh', ['-c', 'readlink -f "$(command -v java)"'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.once('exit', () => resolve(text.trim()));
    });
    if (which) return which;
  }
  return javaBin;
}

function readClasspath(file: string): string[] | undefined {
  const text = readText(file)?.trim();
  return text ? text.split(path.delimiter).filter(Boolean) : undefined;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function writeIfChanged(file: string, content: string): void {
  if (readText(file) !== content) fs.writeFileSync(file, content);
}

function tail(file: string, lines: number): string {
  const text = readText(file) ?? '';
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
