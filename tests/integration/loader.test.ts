// The loader against a real Neo4j: the plan graph loads once and is skipped after; loading twice gives
// the identical graph; invalid data is rejected with file:line and nothing written; a fact removed from
// data/ leaves the graph; leftovers of an interrupted load are invisible and cleaned; the streamed
// NDJSON form loads; the cjk full-text indexes find two-character Chinese, English and mixed queries.
// Every test that loads other data restores the plan graph (afterAll: ensurePlanLoaded).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, isMap, isSeq } from 'yaml';
import type { Database } from '../../src/infra/database.ts';
import { validateDataDir } from '../../src/data/validate.ts';
import { DataInvalidError } from '../../src/infra/errors.ts';
import { readGraphStats } from '../../src/read/stats.ts';
import { hashDataDir } from '../../src/write/hash.ts';
import { loadGraph, readGraphStamp } from '../../src/write/load.ts';
import { dumpGraph } from '../support/graphDump.ts';
import { connectTestDatabase } from '../support/neo4j.ts';
import { ensurePlanLoaded, PLAN_DATA_DIR } from '../support/plan.ts';

let db: Database;
const temps: string[] = [];

/** A copy of data/ to change, removed after the file. */
function copyOfPlanData(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cskg-loader-'));
  temps.push(dir);
  cpSync(PLAN_DATA_DIR, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  db = connectTestDatabase({ queryTimeoutMs: 120_000 });
  await ensurePlanLoaded(db);
});

afterAll(async () => {
  await ensurePlanLoaded(db);
  await db.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('loading the plan', () => {
  it('writes what the validator resolved, stamped with the hash of data/', async () => {
    const { graph } = await validateDataDir(PLAN_DATA_DIR);
    const stats = await readGraphStats(db);
    expect(stats.entities).toBe(graph.entities.length);
    // the plan's facts and those of data/later
    const relations = graph.relations.length + graph.later.relations.length;
    expect(stats.relations).toBe(relations);
    expect(stats.passages).toBe(graph.passages.length);
    expect(stats.dataHash).toBe(await hashDataDir(PLAN_DATA_DIR));
    const [meta] = await db.read({
      cypher: /* Cypher */ `
        MATCH (m:Meta {key: 'graph'})
        RETURN m.entityCount AS entities, m.relationCount AS relations, m.passageCount AS passages,
          m.sourceCount AS sources, m.statusStepCount AS statusSteps`,
    });
    expect(meta).toEqual({
      entities: graph.entities.length,
      relations,
      passages: graph.passages.length,
      sources: graph.later.sources.length,
      statusSteps: graph.later.steps.length,
    });
    const [later] = await db.read({
      cypher: /* Cypher */ `
        RETURN COUNT { (:Source) } AS sources, COUNT { (:StatusStep)-[:STEP_OF]->(:Entity) } AS steps,
          COUNT { (:StatusStep)-[:CITES]->(:Source) } AS cites, COUNT { (:Research)-[:RESEARCH_OF]->(:Entity) } AS research`,
    });
    expect(later).toEqual({
      sources: graph.later.sources.length,
      steps: graph.later.steps.length,
      cites: graph.later.steps.reduce((n, s) => n + 1 + s.citation.seeAlso.length, 0),
      research: graph.later.research.size,
    });
  });

  it('skips a load when the stamp matches data/, in one statement', async () => {
    const report = await loadGraph(db, { dataDir: PLAN_DATA_DIR });
    expect(report.status).toBe('unchanged');
    expect(report.statements).toBe(1);
  });

  it('gives identical nodes, relationships and properties when loaded twice', async () => {
    const first = await loadGraph(db, { dataDir: PLAN_DATA_DIR, force: true });
    const before = await dumpGraph(db);
    const second = await loadGraph(db, { dataDir: PLAN_DATA_DIR, force: true });
    const after = await dumpGraph(db);
    expect(second.status).toBe('loaded');
    expect(after.nodes.length).toBe(before.nodes.length);
    expect(after.relationships.length).toBe(before.relationships.length);
    expect(after).toEqual(before);
    // A plan load is a small, fixed number of statements (no per-row round trips).
    expect(second.statements).toBe(first.statements);
    expect(second.statements).toBeLessThan(60);
  });

  it('stores the model types: integers as INTEGER, areas as FLOAT, lists as LIST<STRING>', async () => {
    const [row] = await db.read({
      cypher: /* Cypher */ `
        MATCH (p:Passage {id: 'fujian-plan-2011:p0001'})
        MATCH (park:Park) WHERE park.areaKm2 IS NOT NULL
        MATCH (auo:Entity {id: 'enterprise:auo'})
        WITH p, park, auo LIMIT 1
        RETURN valueType(p.ordinal) AS ordinal, valueType(park.areaKm2) AS area, valueType(auo.aliases) AS aliases`,
    });
    expect(row).toEqual({
      ordinal: 'INTEGER NOT NULL',
      area: 'FLOAT NOT NULL',
      aliases: 'LIST<STRING NOT NULL> NOT NULL',
    });
  });
});

describe('invalid data', () => {
  it('is rejected with file:line and the graph is left as it was', async () => {
    const dir = copyOfPlanData();
    const file = path.join(dir, 'graph', '32-petrochem.yaml');
    const text = readFileSync(file, 'utf8');
    const broken = text.replace('以轻油裂解项目为龙头', '以轻油裂解项目为龙头（不在规划里的字）');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    const before = await dumpGraph(db);
    const stampBefore = await readGraphStamp(db);

    const error = await loadGraph(db, { dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataInvalidError);
    const issues = (error as DataInvalidError).issues;
    expect(issues.some((i) => /32-petrochem\.yaml:\d+ .*quotes/.test(i))).toBe(true);
    expect((error as Error).message).toContain('nothing was written');

    expect(await readGraphStamp(db)).toEqual(stampBefore);
    expect(await dumpGraph(db)).toEqual(before);
    expect(await db.read({ cypher: /* Cypher */ `MATCH (n:StagedEntity) RETURN count(n) AS n` })).toEqual([
      { n: 0 },
    ]);
  });
});

describe('removing a fact from data/', () => {
  it('removes it from the graph, and restoring data/ brings it back', async () => {
    const id = 'product:px|INPUT_TO|product:pta';
    const dir = copyOfPlanData();
    const file = path.join(dir, 'graph', '32-petrochem.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const relations = doc.get('relations');
    if (!isSeq(relations)) throw new Error('32-petrochem.yaml has no relations');
    const kept = relations.items.filter(
      (item) =>
        !(
          isMap(item) &&
          `${String(item.get('from'))}|${String(item.get('type'))}|${String(item.get('to'))}` === id
        ),
    );
    expect(kept.length).toBe(relations.items.length - 1);
    const removed = relations.items.find((item) => !kept.includes(item));
    relations.items = kept;
    writeFileSync(file, doc.toString());
    // Its caveat goes too, so its Chinese in the catalogue would be a stale entry (rule caveat-catalogue):
    // a curator who removes a fact removes that entry as well.
    const caveats = isMap(removed) ? (removed.toJSON() as { caveats?: string[] }).caveats ?? [] : [];
    expect(caveats.length).toBeGreaterThan(0);
    const catalogueFile = path.join(dir, 'caveats.zh.yaml');
    const catalogue = parseDocument(readFileSync(catalogueFile, 'utf8'));
    const entries = catalogue.contents;
    if (!isSeq(entries)) throw new Error('caveats.zh.yaml is not a list');
    entries.items = entries.items.filter((item) => !(isMap(item) && caveats.includes(String(item.get('en')))));
    writeFileSync(catalogueFile, catalogue.toString());

    const count = async () =>
      (
        await db.read({
          cypher: /* Cypher */ `MATCH ()-[r:INPUT_TO {id: $id}]->() RETURN count(r) AS n`,
          params: { id },
        })
      )[0]?.n;
    expect(await count()).toBe(1);
    const report = await loadGraph(db, { dataDir: dir });
    expect(report.status).toBe('loaded');
    expect(await count()).toBe(0);
    expect((await readGraphStamp(db))?.dataHash).toBe(await hashDataDir(dir));

    await ensurePlanLoaded(db);
    expect(await count()).toBe(1);
  });
});

describe('an interrupted load', () => {
  it('leaves staged and retired nodes that no query sees, and the next load deletes them', async () => {
    const before = await readGraphStats(db);
    await db.write({
      cypher: /* Cypher */ `
        CREATE (a:StagedEntity {id: 'park:left-over', type: 'Park', name: '残留'})-[:LOCATED_IN]->(:StagedEntity {id: 'region:left-over', type: 'Region', name: '残留'})
        CREATE (:RetiredEntity {id: 'park:retired', type: 'Park', name: '旧'})
        CREATE (:StagedPassage {id: 'x:p0001', documentId: 'x', ordinal: 0})`,
    });
    const during = await readGraphStats(db);
    expect(during).toEqual(before);
    const search = await db.read({
      cypher: /* Cypher */ `CALL db.index.fulltext.queryNodes('entitySearch', '残留') YIELD node RETURN count(node) AS n`,
    });
    expect(search).toEqual([{ n: 0 }]);

    await loadGraph(db, { dataDir: PLAN_DATA_DIR, force: true });
    const [left] = await db.read({
      cypher: /* Cypher */ `RETURN COUNT { (n) WHERE n:StagedEntity OR n:StagedPassage OR n:RetiredEntity OR n:RetiredPassage } AS n`,
    });
    expect(left).toEqual({ n: 0 });
  });
});

describe('the streamed form (data/graph/*.ndjson)', () => {
  it('loads entities and relations line by line, and reports bad lines as file:line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cskg-ndjson-'));
    temps.push(dir);
    cpSync(path.join(PLAN_DATA_DIR, 'sources'), path.join(dir, 'sources'), { recursive: true });
    const quote = '以轻油裂解项目为龙头';
    const lines = [
      { document: 'fujian-plan-2011' },
      { entity: { id: 'product:stream-a', type: 'Product', name: '甲', nameEn: 'A', quotes: [quote] } },
      {
        relation: {
          type: 'INPUT_TO',
          from: 'product:stream-a',
          to: 'product:stream-b',
          status: 'planned',
          quotes: [quote],
        },
      },
      {
        entity: {
          id: 'product:stream-b',
          type: 'Product',
          name: '乙',
          nameEn: 'B',
          aliases: ['乙品'],
          quotes: [quote],
        },
      },
    ];
    const file = path.join(dir, 'graph', 'synthetic.ndjson');
    mkdirSync(path.join(dir, 'graph'));
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');

    const report = await loadGraph(db, { dataDir: dir });
    expect(report).toMatchObject({ status: 'loaded', entities: 2, relations: 1 });
    const rows = await db.read({
      cypher: /* Cypher */ `MATCH (a:Entity:Product)-[r:INPUT_TO]->(b:Entity:Product) RETURN a.id AS a, b.id AS b, r.id AS id, size(r.evidence) AS evidence`,
    });
    expect(rows).toEqual([
      {
        a: 'product:stream-a',
        b: 'product:stream-b',
        id: 'product:stream-a|INPUT_TO|product:stream-b',
        evidence: 1,
      },
    ]);

    writeFileSync(
      file,
      `${JSON.stringify(lines[0])}\n${JSON.stringify({ relation: { ...lines[2]?.relation, to: 'product:nowhere' } })}\n`,
    );
    const error = await loadGraph(db, { dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataInvalidError);
    expect((error as DataInvalidError).issues.join('\n')).toMatch(
      /synthetic\.ndjson:2 .*no entity has id product:nowhere/,
    );
    await ensurePlanLoaded(db);
  });
});

describe('full-text search (cjk analyzer)', () => {
  beforeAll(() => ensurePlanLoaded(db));

  const search = async (query: string) =>
    (
      await db.read({
        cypher: /* Cypher */ `CALL db.index.fulltext.queryNodes('entitySearch', $query) YIELD node, score RETURN node.id AS id ORDER BY score DESC LIMIT 10`,
        params: { query },
      })
    ).map((r) => r.id);

  it.each([
    ['古雷', 'park:gulei-taiwan-petrochemical-park'],
    ['古雷', 'region:gulei'],
    ['友达', 'enterprise:auo'],
    ['青口', 'park:fuzhou-qingkou-auto-park'],
    ['Gulei', 'park:gulei-taiwan-petrochemical-park'],
    ['AUO', 'enterprise:auo'],
    ['auo', 'enterprise:auo'],
    ['友达 AUO', 'enterprise:auo'],
    ['青口 automobile', 'park:fuzhou-qingkou-auto-park'],
  ])('%s finds %s', async (query, id) => {
    expect(await search(query)).toContain(id);
  });

  it('友达 AUO ranks AU Optronics first', async () => {
    expect((await search('友达 AUO'))[0]).toBe('enterprise:auo');
  });

  it('finds passages of the plan by their words', async () => {
    const rows = await db.read({
      cypher: /* Cypher */ `CALL db.index.fulltext.queryNodes('passageSearch', '古雷') YIELD node RETURN node.text AS text LIMIT 5`,
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(String(row.text)).toContain('古雷');
  });
});
