// Loads a data directory into Neo4j so that the graph is exactly what data/ says: validate everything
// (nothing is written when anything is invalid), apply cypher/schema.cypher, write the new graph staged
// and swap it in atomically (transactional.ts), stamp it with the hash of data/. Loading data/ that the stamp
// already matches is a no-op unless forced. The curated YAML and streamed NDJSON inputs (stream.ts)
// both go through here.
//
// Two paths write the same graph. The transactional one (transactional.ts) works with any Neo4j. The bulk one
// (bulk.ts: Neo4j's offline importer into a new store folder, then a swap of folders) needs the project's
// local server started by this process, and is chosen by 'auto' for inputs of BULK_MIN_FACTS facts or more.
import type { Database, StatementCounter } from '../infra/database.ts';
import { formatIssue } from '../data/issues.ts';
import { DEFAULT_DATA_DIR } from '../data/read.ts';
import { validateDataDir, type ValidationResult } from '../data/validate.ts';
import { BadInputError, DataInvalidError } from '../infra/errors.ts';
import type { LocalServerControl } from '../infra/neo4jServer/provision.ts';
import { bulkLoad, graphStamp, type BulkPausePoint, type BulkProgress } from './bulk.ts';
import { hashDataDir } from './hash.ts';
import { acquireLoadLease } from './lock.ts';
import { entityRow, evidenceRows, laterRows, passageRow, relationRow } from './records.ts';
import { applySchema } from './schema.ts';
import {
  countStreamRelations,
  findStreamFiles,
  validateStreamFiles,
  writeStreamFiles,
  type StreamValidation,
} from './stream.ts';
import { StagedGraphWriter, type WriteProgress } from './transactional.ts';

/**
 * `done` of `total` rows (passages, entities and relations) written; during 'validate', lines read; during
 * the bulk path's 'import' and 'indexes', percent.
 */
export interface LoadProgress {
  readonly phase: WriteProgress['phase'] | BulkProgress['phase'];
  readonly done: number;
  readonly total: number;
}

export const LOAD_MODES = ['auto', 'transactional', 'bulk'] as const;
/** 'auto': bulk when the local server is this process's own and the input has BULK_MIN_FACTS facts or more. */
export type LoadMode = (typeof LOAD_MODES)[number];
/** Below this many facts the transactional path is as fast (the bulk path costs a server restart). */
export const BULK_MIN_FACTS = 100_000; // CSKG_BULK_MIN_FACTS, src/infra/config.ts

export interface LoadOptions {
  /** the data directory (sources/ and graph/); data/ of this repository by default */
  readonly dataDir?: string;
  /** load even when the stamp says the graph is up to date */
  readonly force?: boolean;
  readonly batchSize?: number;
  readonly timeoutMs?: number;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** 'auto' by default */
  readonly mode?: LoadMode;
  /** the local server this process started, when it did (the bulk path replaces its store folder) */
  readonly local?: LocalServerControl;
  /** the smallest input 'auto' loads in bulk (BULK_MIN_FACTS) */
  readonly bulkMinFacts?: number;
  /** the crash tests' hook (CSKG_BULK_PAUSE_AT) */
  readonly pauseAt?: BulkPausePoint;
}

export interface LoadReport {
  /** 'unchanged': the stamp matched and nothing was written */
  readonly status: 'loaded' | 'unchanged';
  /** the path that wrote the graph (undefined when unchanged) */
  readonly mode: 'transactional' | 'bulk' | undefined;
  /** the bulk path's import JVM, peak resident memory in MB */
  readonly importPeakRssMb?: number;
  readonly dataHash: string;
  readonly loadedAt: string | null;
  readonly entities: number;
  readonly relations: number;
  readonly passages: number;
  readonly evidence: number;
  /** pages of data/later (0 when unchanged) */
  readonly sources: number;
  /** status steps and undated facts of data/later */
  readonly statusSteps: number;
  /** Cypher statements sent to Neo4j by this load (each one round trip) */
  readonly statements: number;
  readonly ms: number;
}

export interface GraphStamp {
  readonly dataHash: string | null;
  readonly loadedAt: string | null;
}

/** The (:Meta {key:'graph'}) stamp, or null when the database holds no loaded graph. */
export async function readGraphStamp(
  db: Pick<Database, 'read'>,
  counter?: StatementCounter,
): Promise<GraphStamp | null> {
  const [row] = await db.read(
    {
      cypher: /* Cypher */ `MATCH (m:Meta {key: 'graph'}) RETURN m.dataHash AS dataHash, m.loadedAt AS loadedAt`,
    },
    counter,
  );
  return row
    ? { dataHash: (row.dataHash as string | null) ?? null, loadedAt: (row.loadedAt as string | null) ?? null }
    : null;
}

export async function loadGraph(db: Database, options: LoadOptions = {}): Promise<LoadReport> {
  const started = performance.now();
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const counter: StatementCounter = { statements: 0 };
  const mode = options.mode ?? 'auto';
  if (mode === 'bulk' && !options.local) {
    throw new BadInputError(
      "--bulk (--mode bulk) replaces the store folder of the project's local server, so it needs the server this " +
        'command starts itself (NEO4J_URI unset). A Neo4j at NEO4J_URI is loaded with --mode transactional (or auto, ' +
        'which is transactional there).',
    );
  }
  const dataHash = await hashDataDir(dataDir);

  if (!options.force) {
    const stamp = await readGraphStamp(db, counter);
    if (stamp?.dataHash === dataHash) {
      return {
        status: 'unchanged',
        mode: undefined,
        dataHash,
        loadedAt: stamp.loadedAt,
        entities: 0,
        relations: 0,
        passages: 0,
        evidence: 0,
        sources: 0,
        statusSteps: 0,
        statements: counter.statements,
        ms: performance.now() - started,
      };
    }
  }

  // 1. Validate everything before the first write (the bulk path validates the streamed files while it
  //    writes its CSV files, and deletes them on the first error).
  options.onProgress?.({ phase: 'validate', done: 0, total: 0 });
  const result = await validateDataDir(dataDir);
  const streamFiles = await findStreamFiles(dataDir);
  const local = options.local;
  if (
    local &&
    (mode === 'bulk' ||
      (mode === 'auto' &&
        result.graph.relations.length + (await countStreamRelations(streamFiles)) >=
          (options.bulkMinFacts ?? BULK_MIN_FACTS)))
  ) {
    // The lease (lock.ts) keeps a transactional load out of the store this one is about to replace.
    await applySchema(db, counter);
    const lease = await acquireLoadLease(db, counter);
    let report;
    try {
      report = await bulkLoad({
        db,
        local,
        dataHash,
        validation: result,
        streamFiles,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.pauseAt ? { pauseAt: options.pauseAt } : {}),
      });
    } finally {
      await lease.release(); // in the new store there is no lease node: a no-op once swapped
    }
    return {
      status: 'loaded',
      mode: 'bulk',
      dataHash,
      ...report,
      statements: counter.statements,
      ms: performance.now() - started,
    };
  }
  return loadTransactional(db, options, { dataHash, result, streamFiles, counter, started });
}

async function loadTransactional(
  db: Database,
  options: LoadOptions,
  context: {
    dataHash: string;
    result: ValidationResult;
    streamFiles: string[];
    counter: StatementCounter;
    started: number;
  },
): Promise<LoadReport> {
  const { dataHash, result, streamFiles, counter, started } = context;
  const issues = result.errors.map(formatIssue);
  const stream =
    streamFiles.length > 0
      ? await validateStreamFiles(streamFiles, result.graph, result.sources, (done) =>
          options.onProgress?.({ phase: 'validate', done, total: 0 }),
        )
      : undefined;
  if (stream) issues.push(...stream.errors.map(formatIssue));
  if (issues.length > 0) throw new DataInvalidError(issues);

  // 2. Write staged, then swap in one transaction, holding the load lease throughout (lock.ts).
  await applySchema(db, counter);
  const lease = await acquireLoadLease(db, counter);
  try {
    return await writeGraph(db, { result, stream, streamFiles, dataHash, counter, started, options });
  } finally {
    await lease.release();
  }
}

interface WriteInput {
  readonly result: ValidationResult;
  readonly stream: StreamValidation | undefined;
  readonly streamFiles: readonly string[];
  readonly dataHash: string;
  readonly counter: StatementCounter;
  readonly started: number;
  readonly options: LoadOptions;
}

/** Stages the validated graph, swaps it in, stamps it and deletes the retired one. */
async function writeGraph(db: Database, input: WriteInput): Promise<LoadReport> {
  const { result, stream, streamFiles, dataHash, counter, started, options } = input;
  const writer = new StagedGraphWriter(db, {
    counter,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const { graph } = result;
  const later = laterRows(graph.later, graph.caveatsZh);
  const total =
    graph.passages.length +
    graph.entities.length +
    graph.relations.length +
    later.relations.length +
    (stream ? stream.entities + stream.relations : 0);
  const report = options.onProgress;
  if (report) {
    writer.onProgress = (progress) => {
      const { passages, entities, relations } = writer.written;
      report({ phase: progress.phase, done: passages + entities + relations, total });
    };
  }
  await writer.clearLeftovers();
  await writer.writePassages(graph.passages.map(passageRow));
  await writer.linkPassages(graph.documents.map((d) => d.id));
  for (const entity of graph.entities) await writer.addEntity(entityRow(entity, graph.caveatsZh));
  if (stream) await writeStreamFiles(streamFiles, stream, writer, 'entities');
  await writer.flush();
  for (const entity of graph.entities) for (const row of evidenceRows(entity)) await writer.addEvidence(row);
  for (const relation of graph.relations) await writer.addRelation(relationRow(relation, graph.caveatsZh));
  for (const relation of later.relations) await writer.addRelation(relation);
  if (stream) await writeStreamFiles(streamFiles, stream, writer, 'relations');
  await writer.linkDocuments();
  await writer.writeLater(later);
  await writer.writeDerived(graph.passages.map((p) => p.id));

  const loadedAt = new Date().toISOString();
  await writer.swap(graphStamp(dataHash, loadedAt, writer.written));
  await writer.dropRetired();
  return {
    status: 'loaded',
    mode: 'transactional',
    dataHash,
    loadedAt,
    entities: writer.written.entities,
    relations: writer.written.relations,
    passages: writer.written.passages,
    evidence: writer.written.evidence,
    sources: writer.written.sources,
    statusSteps: writer.written.statusSteps,
    statements: counter.statements,
    ms: performance.now() - started,
  };
}
