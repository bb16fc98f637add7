// The project's own Neo4j: a real server over Bolt, with the CJK full-text analyzer, that keeps its
// store between starts and never outlives its parent (SIGKILL, SIGTERM, Ctrl-C of `npm start`).
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/infra/config.ts';
import { Database } from '../../src/infra/database.ts';
import { ensureNeo4jRuntime, startLocalNeo4j } from '../../src/infra/neo4jServer/localServer.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cskg-local-neo4j-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return !alive(pid);
}

function firstLine(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const lines = readline.createInterface({ input: child.stdout });
    const errLines = readline.createInterface({ input: child.stderr });
    const check = (line: string) => {
      if (pattern.test(line)) resolve(line);
    };
    lines.on('line', check);
    errLines.on('line', check);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}: ${stderr}`)));
  });
}

describe('the local Neo4j server', () => {
  it('keeps its store between starts and answers full-text queries in Chinese', async () => {
    const config = loadConfig({ ...process.env, NEO4J_URI: '' });
    const runtime = await ensureNeo4jRuntime(config.local);
    const dataDir = path.join(scratch, 'persist');
    const connect = (uri: string) =>
      new Database({ uri, user: 'neo4j', password: '', database: undefined }, { queryTimeoutMs: 30_000 });

    const first = await startLocalNeo4j(runtime, { ...config.local, dataDir });
    const db1 = connect(first.uri);
    await db1.write({
      cypher: /* Cypher */ `CREATE FULLTEXT INDEX persistTest IF NOT EXISTS FOR (n:PersistTest) ON EACH [n.name]
        OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk' } }`,
    });
    await db1.write({
      cypher: /* Cypher */ `CREATE (:PersistTest { name: $name })`,
      params: { name: '古雷台湾石化工业园' },
    });
    await db1.close();
    await first.stop();
    expect(alive(first.pid)).toBe(false);

    const second = await startLocalNeo4j(runtime, { ...config.local, dataDir });
    const db2 = connect(second.uri);
    await db2.read({ cypher: /* Cypher */ `CALL db.awaitIndexes(60)` });
    const rows = await db2.read({
      cypher: /* Cypher */ `CALL db.index.fulltext.queryNodes('persistTest', $q) YIELD node RETURN node.name AS name`,
      params: { q: '古雷' },
    });
    expect(rows.map((row) => row.name)).toEqual(['古雷台湾石化工业园']);
    await db2.close();
    await second.stop();
  });

  it('refuses a second server on the same store with a message that says why', async () => {
    const config = loadConfig({ ...process.env, NEO4J_URI: '' });
    const runtime = await ensureNeo4jRuntime(config.local);
    const dataDir = path.join(scratch, 'locked');
    const first = await startLocalNeo4j(runtime, { ...config.local, dataDir });
    try {
      await expect(
        startLocalNeo4j(runtime, { ...config.local, dataDir, startTimeoutMs: 60_000 }),
      ).rejects.toThrow(
        /Another Neo4j is using .*locked.*cskg-neo4j\.log|cskg-neo4j\.log[\s\S]*Another Neo4j/,
      );
    } finally {
      await first.stop();
    }
  });

  it('makes `cskg query` and `cskg export` on a graph nothing was loaded into say to load it first', async () => {
    const config = loadConfig({ ...process.env, NEO4J_URI: '' });
    const runtime = await ensureNeo4jRuntime(config.local);
    const server = await startLocalNeo4j(runtime, { ...config.local, dataDir: path.join(scratch, 'empty') });
    const cskg = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['bin/cskg.js', ...args],
          {
            cwd: PROJECT_ROOT,
            env: {
              ...process.env,
              NEO4J_URI: server.uri,
              NEO4J_USER: 'neo4j',
              NEO4J_PASSWORD: '',
              LOG_LEVEL: 'warn',
            },
          },
          (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
        );
      });
    try {
      const loadFirst = new RegExp(`Neo4j at ${server.uri} is empty.*Run \`cskg load\` first`);
      const query = await cskg('query', 'supply-chain', '--param', 'product=product:pta');
      expect(query.code).toBe(2);
      expect(query.stderr).toMatch(loadFirst);
      expect(query.stderr).not.toMatch(/no entity with id/);
      const exported = await cskg('export', '--format', 'json');
      expect(exported.code).toBe(2);
      expect(exported.stderr).toMatch(loadFirst);
      expect(exported.stdout).toBe('');
      // stats still prints its (zero) figures, with the hint beside them
      const stats = await cskg('stats');
      expect(stats.code).toBe(0);
      expect(stats.stdout).toMatch(/^0 entities, 0 relations, 0 passages/);
      expect(stats.stderr).toMatch(loadFirst);
    } finally {
      await server.stop();
    }
  });

  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`stops when its parent process dies by ${signal}`, async () => {
      const parent = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(PROJECT_ROOT, 'tests/fixtures/start-local-neo4j.ts'),
          path.join(scratch, signal),
        ],
        {
          env: { ...process.env, NEO4J_URI: '' },
        },
      );
      const { pid } = JSON.parse(await firstLine(parent, /^\{"pid"/)) as { pid: number };
      expect(alive(pid)).toBe(true);
      parent.kill(signal);
      expect(await gone(pid, 20_000)).toBe(true);
    });
  }

  it('goes away with `npm start` on Ctrl-C (SIGINT)', async () => {
    const main = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/main.ts')], {
      env: {
        ...process.env,
        LOG_LEVEL: 'info',
        NEO4J_URI: '',
        PORT: '0',
        CSKG_NEO4J_DATA: path.join(scratch, 'main'),
        CSKG_SKIP_LOAD: '1',
      },
    });
    const [upLine] = await Promise.all([
      firstLine(main, /Neo4j \(pid \d+\) is up/),
      firstLine(main, /cskg is ready/),
    ]);
    const pid = Number(/pid (\d+)/.exec(upLine)?.[1]);
    main.kill('SIGINT');
    expect(await gone(pid, 20_000)).toBe(true);
    expect(await gone(main.pid ?? -1, 10_000)).toBe(true);
  });
});
