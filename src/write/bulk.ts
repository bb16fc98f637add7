// The bulk path of the loader, for large inputs into the project's own local server (load.ts chooses it):
// Neo4j's offline importer writes a NEW store folder beside the live one, and the folders are swapped.
//
//   1. validate, writing the CSV files of the importer in the same pass (csv.ts) into <store>.next/csv;
//      one error and the folder is deleted: nothing reaches the store, the errors are those of the
//      transactional path (same validator, same file:line);
//   2. stop the server (it serves nothing during a load: it is this process's own, and load.ts runs
//      before anything is served) while importing them into <store>.next (BulkImport.java), create
//      cypher/schema.cypher's indexes and constraints there and wait until they are online; the stamp is
//      one of the imported nodes; compare what Neo4j counts with what was written; delete the CSV files;
//      on any failure start the server again on the current store;
//   3. swap the folders by two renames, start the server again on the same port
//      (src/infra/neo4jServer/storeSwap.ts says why a kill at any moment leaves a whole graph, and how the next start
//      completes or undoes a half-done swap).
//
// The graph is the one the transactional writer makes (transactional.ts): the same rows (records.ts) become the
// same nodes, relationships and properties; NEXT and IN_DOCUMENT are computed as its Cypher does.
import fs from 'node:fs';
import path from 'node:path';
import { cypherInteger, type Database } from '../infra/database.ts';
import { formatIssue } from '../data/issues.ts';
import type { ValidationResult } from '../data/validate.ts';
import { CskgError, DataInvalidError } from '../infra/errors.ts';
import { runBulkImport, type BulkImportResult } from '../infra/neo4jServer/bulkImport.ts';
import { storeInUseError } from '../infra/neo4jServer/localServer.ts';
import type { LocalServerControl } from '../infra/neo4jServer/provision.ts';
import {
  acquireBulkLock,
  storeLockHolder,
  storePaths,
  swapStoreFolders,
  type StorePaths,
  type SwapPoint,
} from '../infra/neo4jServer/storeSwap.ts';
import { ImportCsvWriter, importArguments } from './csv.ts';
import { DerivedGraphBuilder } from './derive.ts';
import {
  entityRow,
  evidenceRows,
  laterRows,
  passageRow,
  relationRow,
  type EntityNodeRow,
  type EvidenceRow,
  type PassageNodeRow,
  type RelationRow,
} from './records.ts';
import { readSchemaStatements } from './schema.ts';
import { validateStreamFilesInWorker } from './stream.ts';

/** Where a bulk load can be told to stop and wait to be killed (the crash tests). */
export type BulkPausePoint = 'csv-written' | SwapPoint;

export interface BulkProgress {
  readonly phase: 'validate' | 'import' | 'indexes' | 'swap';
  readonly done: number;
  readonly total: number;
}

export interface BulkLoadInput {
  readonly db: Database;
  readonly local: LocalServerControl;
  readonly dataHash: string;
  /** the YAML files, validated (src/data/validate.ts) */
  readonly validation: ValidationResult;
  /** data/graph/*.ndjson, validated in the CSV pass */
  readonly streamFiles: readonly string[];
  readonly onProgress?: (progress: BulkProgress) => void;
  readonly pauseAt?: BulkPausePoint;
}

export interface BulkLoadReport {
  readonly loadedAt: string;
  readonly entities: number;
  readonly relations: number;
  readonly passages: number;
  readonly evidence: number;
  readonly sources: number;
  readonly statusSteps: number;
  /** the import JVM's peak resident memory (MB; -1 when unknown) */
  readonly importPeakRssMb: number;
}

export async function bulkLoad(input: BulkLoadInput): Promise<BulkLoadReport> {
  const { local } = input;
  const paths = storePaths(local.dataDir);
  const holder = storeLockHolder(paths.home);
  if (holder !== undefined && holder !== local.pid) throw storeInUseError(paths.home, holder);
  const releaseLock = acquireBulkLock(paths);
  let swapped = false;
  try {
    fs.rmSync(paths.next, { recursive: true, force: true });
    const csvDir = path.join(paths.next, 'csv');
    const { counts, files, loadedAt } = await writeCsv(input, csvDir);
    pause(input.pauseAt, 'csv-written');

    const logFile = path.join(paths.home, 'cskg-bulk-import.log');
    input.onProgress?.({ phase: 'import', done: 0, total: 100 });
    // The server is this process's own and serves nothing before the load ends (load.ts): it stops while
    // the importer runs, which takes the stop off the critical path and gives its memory and CPU to the
    // importer. Should the new store fail, it starts again on the current graph.
    const stopped = local.stop();
    let result: BulkImportResult;
    try {
      result = await runBulkImport(local.runtime, {
        home: paths.next,
        csvDir,
        importArgs: importArguments(files, { reportFile: path.join(paths.next, 'import.report') }),
        schema: (await readSchemaStatements()).map((s) => s.cypher),
        heap: local.heap,
        pageCacheMb: local.pageCacheMb,
        logFile,
        onProgress: (p) => input.onProgress?.({ phase: p.phase, done: p.percent, total: 100 }),
      });
      fs.rmSync(csvDir, { recursive: true, force: true });
      checkCounts(result, counts, logFile);
      await stopped;
    } catch (error) {
      await stopped.catch(() => {});
      await local.start();
      throw error;
    }

    input.onProgress?.({ phase: 'swap', done: 0, total: 0 });
    await swap(paths, local, input.pauseAt);
    swapped = true;
    await input.db.verify();
    return { loadedAt, ...counts.report, importPeakRssMb: result.peakRssMb };
  } finally {
    if (!swapped) fs.rmSync(paths.next, { recursive: true, force: true });
    releaseLock();
  }
}

interface WrittenCounts {
  readonly report: {
    entities: number;
    relations: number;
    passages: number;
    evidence: number;
    sources: number;
    statusSteps: number;
  };
  /** every node: entities, passages, the stamp, and data/later's pages, steps and research records */
  readonly nodes: number;
  /** every relationship: facts, evidence, NEXT, IN_DOCUMENT, STEP_OF, CITES, RESEARCH_OF */
  readonly relationships: number;
  /** the nodes derive.ts computed */
  readonly chains: number;
  readonly chainLinks: number;
}

/** Step 1: the validation pass with the CSV files written alongside; throws DataInvalidError on any error. */
async function writeCsv(input: BulkLoadInput, csvDir: string) {
  const { validation } = input;
  const issues = validation.errors.map(formatIssue);
  const writer = new ImportCsvWriter(csvDir);
  const written = { entities: 0, relations: 0, evidence: 0, other: 0 };
  /** [Document entity id, its documentId]: IN_DOCUMENT links every passage of that document to it */
  const documents: [string, string][] = [];
  const builder = new DerivedGraphBuilder();
  const addEntity = async (row: EntityNodeRow, evidence: readonly EvidenceRow[]) => {
    builder.observeEntity(row);
    await writer.addNode('Entity', ['Entity', row.type], row.id, row.props);
    written.entities += 1;
    if (row.type === 'Document' && typeof row.props.documentId === 'string')
      documents.push([row.id, row.props.documentId]);
    for (const e of evidence) {
      await writer.addRelationship(
        'EVIDENCED_BY',
        { space: 'Entity', id: e.entity },
        { space: 'Passage', id: e.passage },
        { quote: e.quote },
      );
      written.evidence += 1;
    }
  };
  const addRelation = async (row: RelationRow) => {
    builder.observeRelation(row);
    await writer.addRelationship(
      row.type,
      { space: 'Entity', id: row.from },
      { space: 'Entity', id: row.to },
      row.props,
    );
    written.relations += 1;
  };

  input.onProgress?.({ phase: 'validate', done: 0, total: 0 });
  const stream =
    input.streamFiles.length > 0
      ? await validateStreamFilesInWorker(
          input.streamFiles,
          validation.graph,
          validation.sources,
          (done) => input.onProgress?.({ phase: 'validate', done, total: 0 }),
          issues.length === 0 ? { entity: addEntity, relation: addRelation } : undefined,
        )
      : undefined;
  if (stream) issues.push(...stream.errors.map(formatIssue));
  if (issues.length > 0) {
    await writer.close();
    throw new DataInvalidError(issues);
  }

  const { graph } = validation;
  for (const entity of graph.entities) await addEntity(entityRow(entity, graph.caveatsZh), evidenceRows(entity));
  for (const relation of graph.relations) await addRelation(relationRow(relation, graph.caveatsZh));
  // data/later (transactional.ts writeLater): pages, steps with STEP_OF and CITES, research with RESEARCH_OF.
  const later = laterRows(graph.later, graph.caveatsZh);
  for (const relation of later.relations) await addRelation(relation);
  for (const row of later.sources) await writer.addNode('Source', ['Source'], row.id, row);
  for (const row of later.steps) {
    await writer.addNode('StatusStep', ['StatusStep'], row.id, row);
    await writer.addRelationship(
      'STEP_OF',
      { space: 'StatusStep', id: row.id },
      { space: 'Entity', id: row.entity },
      {},
    );
    written.other += 1;
  }
  for (const cite of later.cites) {
    await writer.addRelationship(
      'CITES',
      { space: 'StatusStep', id: cite.step },
      { space: 'Source', id: cite.source },
      { role: cite.role },
    );
    written.other += 1;
  }
  for (const row of later.research) {
    await writer.addNode('Research', ['Research'], row.id, row);
    await writer.addRelationship(
      'RESEARCH_OF',
      { space: 'Research', id: row.id },
      { space: 'Entity', id: row.entity },
      {},
    );
    written.other += 1;
  }
  const laterNodes = later.sources.length + later.steps.length + later.research.length;
  // What only changes at load time (derive.ts), from every row above, as the transactional path writes it.
  const derived = builder.build();
  for (const chain of derived.chains) await writer.addNode('Chain', ['Chain'], String(chain.id), chain);
  for (const link of derived.links)
    await writer.addNode('ChainLink', ['ChainLink'], String(link.product), link);
  const passages = graph.passages.map((passage): PassageNodeRow => {
    const facts = derived.passageFacts.get(passage.id);
    return {
      ...passageRow(passage),
      facts: facts?.facts ?? [],
      factCount: cypherInteger(facts?.factCount ?? 0),
    };
  });
  for (const row of passages) await writer.addNode('Passage', ['Passage'], row.id, row);
  // NEXT: the passages of each document in reading order (transactional.ts linkPassages).
  for (const document of graph.documents) {
    const ordered = passages
      .filter((p) => p.documentId === document.id)
      .sort((a, b) => Number(a.ordinal) - Number(b.ordinal));
    for (let i = 0; i + 1 < ordered.length; i++) {
      await writer.addRelationship(
        'NEXT',
        { space: 'Passage', id: (ordered[i] as (typeof passages)[number]).id },
        { space: 'Passage', id: (ordered[i + 1] as (typeof passages)[number]).id },
        {},
      );
      written.other += 1;
    }
  }
  // IN_DOCUMENT: every passage to each Document entity naming its document (transactional.ts linkDocuments).
  for (const [entityId, documentId] of documents) {
    for (const passage of passages) {
      if (passage.documentId !== documentId) continue;
      await writer.addRelationship(
        'IN_DOCUMENT',
        { space: 'Passage', id: passage.id },
        { space: 'Entity', id: entityId },
        {},
      );
      written.other += 1;
    }
  }
  // The stamp, as the swap of transactional.ts writes it: `SET m = $meta, m.key = 'graph'`.
  const loadedAt = new Date().toISOString();
  const report = {
    entities: written.entities,
    relations: written.relations,
    passages: passages.length,
    evidence: written.evidence,
    sources: later.sources.length,
    statusSteps: later.steps.length,
  };
  await writer.addNode('Meta', ['Meta'], 'graph', {
    ...graphStamp(input.dataHash, loadedAt, report),
    key: 'graph',
  });
  const files = await writer.close();
  const counts: WrittenCounts = {
    report,
    nodes: written.entities + passages.length + 1 + laterNodes + derived.chains.length + derived.links.length,
    relationships: written.relations + written.evidence + written.other,
    chains: derived.chains.length,
    chainLinks: derived.links.length,
  };
  if (files.relationshipCount !== counts.relationships || files.nodeCount !== counts.nodes) {
    throw new CskgError(
      'INTERNAL',
      `The CSV files hold ${files.nodeCount} nodes and ${files.relationshipCount} relationships, not what was counted.`,
    );
  }
  return { counts, files, loadedAt };
}

/** The properties of the (:Meta {key:'graph'}) stamp, as both loaders write them. */
export function graphStamp(
  dataHash: string,
  loadedAt: string,
  counts: { entities: number; relations: number; passages: number; sources: number; statusSteps: number },
): Record<string, unknown> {
  return {
    dataHash,
    loadedAt,
    entityCount: cypherInteger(counts.entities),
    relationCount: cypherInteger(counts.relations),
    passageCount: cypherInteger(counts.passages),
    sourceCount: cypherInteger(counts.sources),
    statusStepCount: cypherInteger(counts.statusSteps),
  };
}

/** Step 2's check: the swap is refused unless Neo4j holds exactly what was written, every index online. */
function checkCounts(result: BulkImportResult, counts: WrittenCounts, logFile: string): void {
  const expected = {
    entities: counts.report.entities,
    passages: counts.report.passages,
    meta: 1,
    nodes: counts.nodes,
    chains: counts.chains,
    chainLinks: counts.chainLinks,
    relationships: counts.relationships,
    indexesNotOnline: 0,
  };
  const wrong = (Object.keys(expected) as (keyof typeof expected)[]).filter((k) => result[k] !== expected[k]);
  if (wrong.length > 0) {
    throw new CskgError(
      'INTERNAL',
      `The bulk import holds ${wrong.map((k) => `${result[k]} ${k}`).join(', ')} but meant ` +
        `${wrong.map((k) => `${expected[k]} ${k}`).join(', ')}; the current graph is kept. Log: ${logFile}`,
    );
  }
}

/**
 * Step 3: swap by rename (the server was stopped during step 2), start again. On a refusal before the commit
 * the old store is served again.
 */
async function swap(
  paths: StorePaths,
  local: LocalServerControl,
  pauseAt: BulkPausePoint | undefined,
): Promise<void> {
  await local.stop(); // stopped already: a no-op
  const holder = storeLockHolder(paths.home);
  if (holder !== undefined) {
    // Someone opened the store while we were not looking: renaming it under them would break them.
    await local.start();
    throw storeInUseError(paths.home, holder);
  }
  // The logs stay with the live store folder.
  for (const name of ['cskg-neo4j.log', 'cskg-bulk-import.log']) {
    const from = path.join(paths.home, name);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(paths.next, name));
  }
  swapStoreFolders(paths, (point) => pause(pauseAt, point));
  // The new store is live: the old one goes while the server starts on it (the old graph's folder can be
  // gigabytes; a kill before it is gone leaves it to the next start).
  const removing = fs.promises.rm(paths.retired, { recursive: true, force: true });
  try {
    await local.start();
  } finally {
    await removing;
  }
}

/** The crash tests' hook: says where it stopped on stderr and blocks until the process is killed. */
function pause(pauseAt: BulkPausePoint | undefined, point: BulkPausePoint): void {
  if (pauseAt !== point) return;
  fs.writeSync(2, `cskg: bulk load paused at ${point} (CSKG_BULK_PAUSE_AT); waiting to be killed\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
