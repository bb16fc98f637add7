// Loads a data directory into Neo4j so that the graph is exactly what data/ says: validate everything
// (nothing is written when anything is invalid), apply cypher/schema.cypher, write the new graph staged
// and swap it in atomically (write.ts), stamp it with the hash of data/. Loading data/ that the stamp
// already matches is a no-op unless forced. The curated YAML and streamed NDJSON inputs (stream.ts)
// both go through here.
import { cypherInteger, type Database, type StatementCounter } from '../db.ts';
import { formatIssue } from '../data/issues.ts';
import { DEFAULT_DATA_DIR } from '../data/read.ts';
import { validateDataDir, type ValidationResult } from '../data/validate.ts';
import { DataInvalidError } from '../errors.ts';
import { hashDataDir } from './hash.ts';
import { acquireLoadLease } from './lock.ts';
import { entityRow, evidenceRows, passageRow, relationRow } from './records.ts';
import { applySchema } from './schema.ts';
import { findStreamFiles, validateStreamFiles, writeStreamFiles, type StreamValidation } from './stream.ts';
import { StagedGraphWriter, type WriteProgress } from './write.ts';

/** `done` of `total` rows (passages, entities and relations) written; during 'validate', lines read. */
export interface LoadProgress {
  readonly phase: WriteProgress['phase'] | 'validate';
  readonly done: number;
  readonly total: number;
}

export interface LoadOptions {
  /** the data directory (sources/ and graph/); data/ of this repository by default */
  readonly dataDir?: string;
  /** load even when the stamp says the graph is up to date */
  readonly force?: boolean;
  readonly batchSize?: number;
  readonly timeoutMs?: number;
  readonly onProgress?: (progress: LoadProgress) => void;
}

export interface LoadReport {
  /** 'unchanged': the stamp matched and nothing was written */
  readonly status: 'loaded' | 'unchanged';
  readonly dataHash: string;
  readonly loadedAt: string | null;
  readonly entities: number;
  readonly relations: number;
  readonly passages: number;
  readonly evidence: number;
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
  const dataHash = await hashDataDir(dataDir);

  if (!options.force) {
    const stamp = await readGraphStamp(db, counter);
    if (stamp?.dataHash === dataHash) {
      return {
        status: 'unchanged',
        dataHash,
        loadedAt: stamp.loadedAt,
        entities: 0,
        relations: 0,
        passages: 0,
        evidence: 0,
        statements: counter.statements,
        ms: performance.now() - started,
      };
    }
  }

  // 1. Validate everything before the first write.
  options.onProgress?.({ phase: 'validate', done: 0, total: 0 });
  const result = await validateDataDir(dataDir);
  const issues = result.errors.map(formatIssue);
  const streamFiles = await findStreamFiles(dataDir);
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
  const total =
    graph.passages.length +
    graph.entities.length +
    graph.relations.length +
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
  for (const entity of graph.entities) await writer.addEntity(entityRow(entity));
  if (stream) await writeStreamFiles(streamFiles, stream, writer, 'entities');
  await writer.flush();
  for (const entity of graph.entities) for (const row of evidenceRows(entity)) await writer.addEvidence(row);
  for (const relation of graph.relations) await writer.addRelation(relationRow(relation));
  if (stream) await writeStreamFiles(streamFiles, stream, writer, 'relations');
  await writer.linkDocuments();

  const loadedAt = new Date().toISOString();
  await writer.swap({
    dataHash,
    loadedAt,
    entityCount: cypherInteger(writer.written.entities),
    relationCount: cypherInteger(writer.written.relations),
    passageCount: cypherInteger(writer.written.passages),
  });
  await writer.dropRetired();
  return {
    status: 'loaded',
    dataHash,
    loadedAt,
    ...writer.written,
    statements: counter.statements,
    ms: performance.now() - started,
  };
}
