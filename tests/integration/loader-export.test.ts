// Export then load into an empty database gives the same graph: the Cypher script recreates every node,
// relationship and property (with its type), and a second JSON export is byte for byte the first. The
// CSV and GraphML exports are checked for the headers neo4j-admin, Gephi and yEd read.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/infra/database.ts';
import { exportGraph } from '../../src/read/export/formats.ts';
import { readGraphStats } from '../../src/read/stats.ts';
import { dumpGraph, type GraphDump } from '../support/graphDump.ts';
import { connectTestDatabase } from '../support/neo4j.ts';
import { ensurePlanLoaded } from '../support/plan.ts';

let db: Database;
let dir: string;
let planDump: GraphDump;

beforeAll(async () => {
  db = connectTestDatabase({ queryTimeoutMs: 120_000 });
  await ensurePlanLoaded(db);
  planDump = await dumpGraph(db);
  dir = mkdtempSync(path.join(os.tmpdir(), 'cskg-export-'));
});

afterAll(async () => {
  await ensurePlanLoaded(db);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function emptyDatabase(): Promise<void> {
  await db.writeAutoCommit({
    cypher: /* Cypher */ `MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
  });
}

describe('the Cypher export', () => {
  // Replaying the script is bound by Neo4j's parsing of its literals (about 40 s for the plan's 1.5 MB).
  it('recreates the same graph in an empty database', { timeout: 300_000 }, async () => {
    const script = path.join(dir, 'graph.cypher');
    const json = path.join(dir, 'before.json');
    const statsBefore = await readGraphStats(db);
    await exportGraph(db, { format: 'cypher', out: script });
    await exportGraph(db, { format: 'json', out: json });

    await emptyDatabase();
    expect((await readGraphStats(db)).entities).toBe(0);
    const statements = readFileSync(script, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('//'));
    for (const cypher of statements) await db.write({ cypher });

    const statsAfter = await readGraphStats(db);
    expect(statsAfter).toEqual(statsBefore);
    const after = await dumpGraph(db);
    expect(after.nodes.length).toBe(planDump.nodes.length);
    expect(after.relationships.length).toBe(planDump.relationships.length);
    expect(after).toEqual(planDump);

    const again = path.join(dir, 'after.json');
    await exportGraph(db, { format: 'json', out: again });
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(json, 'utf8'));
  });
});

describe('the CSV export', () => {
  it('writes one file per label and type with neo4j-admin import headers, and the import command', async () => {
    const out = path.join(dir, 'csv');
    const report = await exportGraph(db, { format: 'csv', out });
    const files = readdirSync(out).sort();
    expect(files).toContain('nodes-Park.csv');
    expect(files).toContain('nodes-Passage.csv');
    expect(files).toContain('relationships-INPUT_TO.csv');
    expect(files).toContain('import.sh');
    const park = readFileSync(path.join(out, 'nodes-Park.csv'), 'utf8').split('\n')[0]?.split(',') ?? [];
    expect(park.slice(0, 2)).toEqual([':ID', ':LABEL']);
    expect(park).toContain('areaKm2:float');
    expect(park).toContain('aliases:string[]');
    const passage =
      readFileSync(path.join(out, 'nodes-Passage.csv'), 'utf8').split('\n')[0]?.split(',') ?? [];
    expect(passage).toContain('ordinal:long');
    const rel = readFileSync(path.join(out, 'relationships-INPUT_TO.csv'), 'utf8');
    expect(rel.split('\n')[0]?.split(',').slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    expect(rel).toContain('product:px,product:pta,INPUT_TO');
    expect(readFileSync(path.join(out, 'import.sh'), 'utf8')).toMatch(
      /neo4j-admin database import full[\s\S]*--nodes=nodes-Park\.csv/,
    );
    const stats = await readGraphStats(db);
    expect(report.relationships).toBeGreaterThan(stats.relations);
  });
});

describe('the GraphML export', () => {
  it('declares every key it uses and keeps Chinese as UTF-8', async () => {
    const out = path.join(dir, 'graph.graphml');
    const report = await exportGraph(db, { format: 'graphml', out });
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const declared = new Set([...text.matchAll(/<key id="([^"]+)"/g)].map((m) => m[1]));
    const used = new Set([...text.matchAll(/<data key="([^"]+)"/g)].map((m) => m[1]));
    for (const key of used) expect(declared).toContain(key);
    expect(declared).toContain('n_label');
    expect((text.match(/<node /g) ?? []).length).toBe(report.nodes);
    expect((text.match(/<edge /g) ?? []).length).toBe(report.relationships);
    expect(text).toContain('<node id="enterprise:auo">');
    expect(text).toContain('友达光电');
  });
});
