// A load killed midway leaves the old graph whole: `cskg load` of a synthetic data set (large enough to
// take several seconds) runs in a child process and is SIGKILLed once it is writing relations; the plan
// graph is then still there, identical, with its stamp, and every query sees only it. The next load
// deletes what the killed one left behind.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticData } from '../../bench/generate.ts';
import { PROJECT_ROOT } from '../../src/infra/config.ts';
import type { Database } from '../../src/infra/database.ts';
import { readGraphStats } from '../../src/read/stats.ts';
import { loadGraph, readGraphStamp } from '../../src/write/load.ts';
import { dumpGraph } from '../support/graphDump.ts';
import { connectTestDatabase, testNeo4jEnv } from '../support/neo4j.ts';
import { ensurePlanLoaded, PLAN_DATA_DIR } from '../support/plan.ts';

let db: Database;
let dir: string;

beforeAll(async () => {
  db = connectTestDatabase({ queryTimeoutMs: 120_000 });
  await ensurePlanLoaded(db);
  dir = mkdtempSync(path.join(os.tmpdir(), 'cskg-kill-'));
  await generateSyntheticData({ relations: 60_000, out: dir });
});

afterAll(async () => {
  await ensurePlanLoaded(db);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const stagedRelationships = async () =>
  Number(
    (
      await db.read({
        cypher: /* Cypher */ `RETURN COUNT { (:StagedEntity)-[r]->(:StagedEntity) } AS n`,
      })
    )[0]?.n ?? 0,
  );

describe('a load killed midway', () => {
  it(
    'leaves the previous graph whole and usable, and the next load cleans up',
    { timeout: 240_000 },
    async () => {
      const before = await dumpGraph(db);
      const stampBefore = await readGraphStamp(db);
      const statsBefore = await readGraphStats(db);

      const child = spawn(
        process.execPath,
        [path.join(PROJECT_ROOT, 'bin', 'cskg.js'), 'load', '--data', dir, '--force'],
        {
          cwd: PROJECT_ROOT,
          env: { ...process.env, ...testNeo4jEnv(), LOG_LEVEL: 'warn' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_code, signal) => resolve(signal)),
      );

      // Wait until it is writing relations (some are staged), then kill it outright.
      const deadline = Date.now() + 180_000;
      let staged = 0;
      while (Date.now() < deadline && child.exitCode === null) {
        staged = await stagedRelationships();
        if (staged > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(child.exitCode, `the load ended before it could be killed:\n${output}`).toBeNull();
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(staged).toBeGreaterThan(0);

      // The old graph: same stamp, same counts, same nodes, relationships and properties.
      expect(await readGraphStamp(db)).toEqual(stampBefore);
      expect(await readGraphStats(db)).toEqual(statsBefore);
      expect(await dumpGraph(db)).toEqual(before);
      // Usable: a search and a named query still answer from the plan.
      const [hit] = await db.read({
        cypher: /* Cypher */ `CALL db.index.fulltext.queryNodes('entitySearch', '友达') YIELD node RETURN node.id AS id LIMIT 1`,
      });
      expect(hit?.id).toBe('enterprise:auo');
      // What the killed load wrote is there, but only under the staging labels.
      expect(await stagedRelationships()).toBeGreaterThan(0);

      // The next load deletes the leftovers first.
      await loadGraph(db, { dataDir: PLAN_DATA_DIR, force: true });
      const [left] = await db.read({
        cypher: /* Cypher */ `RETURN COUNT { (n) WHERE n:StagedEntity OR n:StagedPassage OR n:RetiredEntity OR n:RetiredPassage } AS n`,
      });
      expect(left?.n).toBe(0);
      expect(await dumpGraph(db)).toEqual(before);
    },
  );
});
