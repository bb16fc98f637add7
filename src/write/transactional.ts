// Writes a graph into Neo4j without ever showing a half-written one. The new graph is first written
// under staging labels (:StagedEntity, :StagedPassage) that no query matches, in UNWIND batches of
// parameters, each batch its own transaction (so a load of any size fits in the heap). Then ONE
// transaction swaps it in: the current nodes lose :Entity / :Passage and their type labels (becoming
// :RetiredEntity / :RetiredPassage), the staged ones gain them, and the (:Meta {key:'graph'}) stamp is
// rewritten. That transaction touches node labels only, never relationships, so it stays small for a
// million facts. Afterwards the retired graph is deleted in batches.
//
// A load that fails or is killed before the swap leaves the current graph untouched (staged nodes are
// invisible and the next load deletes them first); killed during the swap, Neo4j rolls the transaction
// back; killed after it, the new graph is whole and only retired nodes remain to delete, which the next
// load also does first. Labels and relationship types come only from ENTITY_TYPES and RELATION_TYPES.
import { cypherInteger, type CypherQuery, type Database, type StatementCounter } from '../infra/database.ts';
import { CskgError } from '../infra/errors.ts';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType } from '../data/model.ts';
import { DerivedGraphBuilder } from './derive.ts';
import type {
  CitesRow,
  EntityNodeRow,
  EvidenceRow,
  PassageNodeRow,
  RelationRow,
  ResearchNodeRow,
  SourceNodeRow,
  StatusStepNodeRow,
} from './records.ts';

export interface WriteProgress {
  readonly phase:
    'cleanup' | 'passages' | 'entities' | 'evidence' | 'relations' | 'later' | 'derived' | 'swap';
  /** rows written so far in this phase */
  readonly done: number;
}

export interface StagedWriterOptions {
  /** rows per UNWIND statement (and per transaction) */
  readonly batchSize?: number;
  /** timeout of each batch and of the swap; large batches on a busy server need more than a query */
  readonly timeoutMs?: number;
  readonly counter?: StatementCounter;
}

export const DEFAULT_BATCH_SIZE = 10_000;

const ALL_TYPE_LABELS = ENTITY_TYPES.join(':');

/**
 * The node kinds besides entities, each with its live, staged and retired label (constants: the only way
 * these labels enter Cypher text). Later sources, status steps and research records (data/later) swap with
 * the entities and passages, so a load never shows the steps of one graph with the entities of another.
 */
const NODE_KINDS = [
  { live: 'Passage', staged: 'StagedPassage', retired: 'RetiredPassage' },
  { live: 'Source', staged: 'StagedSource', retired: 'RetiredSource' },
  { live: 'StatusStep', staged: 'StagedStatusStep', retired: 'RetiredStatusStep' },
  { live: 'Research', staged: 'StagedResearch', retired: 'RetiredResearch' },
  // what derive.ts computes at load time (writeDerived)
  { live: 'Chain', staged: 'StagedChain', retired: 'RetiredChain' },
  { live: 'ChainLink', staged: 'StagedChainLink', retired: 'RetiredChainLink' },
] as const;

/**
 * Creates a batch of facts of any types in one statement, so a batch is always full and the buffer is
 * one batch whatever the mix of types. A relationship type cannot be a parameter: each row takes the one
 * FOREACH whose type (from RELATION_TYPES, the only way a type enters Cypher text) is its own. Rows whose
 * endpoints are not both staged drop out at MATCH, so the count tells what was written.
 */
const CREATE_RELATIONS = /* Cypher */ `
  UNWIND $rows AS row
  MATCH (a:StagedEntity {id: row.from})
  MATCH (b:StagedEntity {id: row.to})
  ${RELATION_TYPES.map(
    (type) =>
      `FOREACH (_ IN CASE WHEN row.type = '${type}' THEN [1] ELSE [] END | CREATE (a)-[r:${type}]->(b) SET r = row.props)`,
  ).join('\n  ')}
  RETURN count(*) AS written`;

/** What a finished load wrote, as counted by Neo4j (not as intended): the swap refuses on a mismatch. */
export interface WrittenCounts {
  entities: number;
  relations: number;
  passages: number;
  evidence: number;
  /** pages of data/later */
  sources: number;
  /** status steps and undated facts of data/later */
  statusSteps: number;
  /** research records of data/later (one per entity it describes) */
  research: number;
  /** CITES links from steps to pages */
  citations: number;
}

const noCounts = (): WrittenCounts => ({
  entities: 0,
  relations: 0,
  passages: 0,
  evidence: 0,
  sources: 0,
  statusSteps: 0,
  research: 0,
  citations: 0,
});

export class StagedGraphWriter {
  /** told after every batch written, and when a phase starts */
  onProgress: ((progress: WriteProgress) => void) | undefined;
  readonly written: WrittenCounts = noCounts();
  private readonly intended: WrittenCounts = noCounts();
  private readonly typesPresent = new Set<EntityType>();
  private readonly batchSize: number;
  private readonly timeoutMs: number;
  private readonly counter: StatementCounter;
  private entityBuffer: EntityNodeRow[] = [];
  private evidenceBuffer: EvidenceRow[] = [];
  private relationBuffer: RelationRow[] = [];
  /** what only changes at load time, computed from the rows as they are added (derive.ts) */
  private readonly derived = new DerivedGraphBuilder();
  /** the batch being written while the caller prepares the next one (at most one in flight) */
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly options: StagedWriterOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.timeoutMs = options.timeoutMs ?? 300_000;
    this.counter = options.counter ?? { statements: 0 };
    this.onProgress = undefined;
  }

  /** Deletes what an earlier, interrupted load left: staged nodes never swapped in, retired ones never deleted. */
  async clearLeftovers(): Promise<void> {
    this.onProgress?.({ phase: 'cleanup', done: 0 });
    await this.deleteLabelled(
      'StagedEntity',
      NODE_KINDS.map((k) => k.staged),
    );
    await this.deleteLabelled(
      'RetiredEntity',
      NODE_KINDS.map((k) => k.retired),
    );
  }

  async writePassages(rows: readonly PassageNodeRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += this.batchSize) {
      const batch = rows.slice(i, i + this.batchSize);
      this.intended.passages += batch.length;
      await this.submit(
        {
          cypher: /* Cypher */ `
            UNWIND $rows AS row
            CREATE (p:StagedPassage)
            SET p = row
            RETURN count(p) AS written`,
          params: { rows: batch },
        },
        (n) => {
          this.written.passages += n;
          this.onProgress?.({ phase: 'passages', done: this.written.passages });
        },
      );
    }
  }

  /** Links the staged passages of each document in reading order with :NEXT. */
  async linkPassages(documentIds: readonly string[]): Promise<void> {
    await this.drain();
    for (const documentId of documentIds) {
      await this.run({
        cypher: /* Cypher */ `
          MATCH (p:StagedPassage {documentId: $documentId})
          WITH p ORDER BY p.ordinal
          WITH collect(p) AS passages
          UNWIND range(0, size(passages) - 2) AS i
          WITH passages[i] AS a, passages[i + 1] AS b
          CREATE (a)-[:NEXT]->(b)`,
        params: { documentId },
      });
    }
  }

  async addEntity(row: EntityNodeRow): Promise<void> {
    this.derived.observeEntity(row);
    this.entityBuffer.push(row);
    this.typesPresent.add(row.type);
    if (this.entityBuffer.length >= this.batchSize) await this.flushEntities();
  }

  async addEvidence(row: EvidenceRow): Promise<void> {
    this.evidenceBuffer.push(row);
    if (this.evidenceBuffer.length >= this.batchSize) await this.flushEvidence();
  }

  async addRelation(row: RelationRow): Promise<void> {
    this.derived.observeRelation(row);
    this.relationBuffer.push(row);
    if (this.relationBuffer.length >= this.batchSize) await this.flushRelations();
  }

  /** Writes every buffered row and waits for the batch in flight. Call it between phases. */
  async flush(): Promise<void> {
    await this.flushEntities();
    await this.flushEvidence();
    await this.flushRelations();
    await this.drain();
  }

  /** Links each staged passage to the staged Document entity of its document. */
  async linkDocuments(): Promise<void> {
    await this.flush();
    await this.run({
      cypher: /* Cypher */ `
        MATCH (d:StagedEntity {type: 'Document'})
        WHERE d.documentId IS NOT NULL
        MATCH (p:StagedPassage {documentId: d.documentId})
        CREATE (p)-[:IN_DOCUMENT]->(d)`,
    });
  }

  /**
   * Writes what derive.ts computed from every row added: the staged chains and chain links, and the facts
   * of each staged passage (`passageIds`: every passage written, so each gets its count, 0 included).
   * Refuses when Neo4j wrote fewer than were sent.
   */
  async writeDerived(passageIds: readonly string[]): Promise<void> {
    await this.flush();
    this.onProgress?.({ phase: 'derived', done: 0 });
    const { chains, links, passageFacts } = this.derived.build();
    const passages = passageIds.map((id) => ({
      id,
      facts: passageFacts.get(id)?.facts ?? [],
      factCount: cypherInteger(passageFacts.get(id)?.factCount ?? 0),
    }));
    const steps: [string, string, readonly object[]][] = [
      [
        'chains',
        /* Cypher */ `UNWIND $rows AS row CREATE (c:StagedChain) SET c = row RETURN count(c) AS written`,
        chains,
      ],
      [
        'chain links',
        /* Cypher */ `UNWIND $rows AS row CREATE (l:StagedChainLink) SET l = row RETURN count(l) AS written`,
        links,
      ],
      [
        'passage facts',
        /* Cypher */ `
          UNWIND $rows AS row
          MATCH (p:StagedPassage {id: row.id})
          SET p.facts = row.facts, p.factCount = row.factCount
          RETURN count(p) AS written`,
        passages,
      ],
    ];
    for (const [what, cypher, rows] of steps) {
      let written = 0;
      for (let i = 0; i < rows.length; i += this.batchSize) {
        const [row] = await this.db.write(
          { cypher, params: { rows: rows.slice(i, i + this.batchSize) } },
          this.counter,
          { timeoutMs: this.timeoutMs },
        );
        written += Number(row?.written ?? 0);
      }
      if (written !== rows.length) {
        throw new CskgError(
          'INTERNAL',
          `The load wrote ${written} ${what} but meant ${rows.length}; the current graph is kept.`,
        );
      }
    }
  }

  /**
   * Replaces the current graph with the staged one and stamps it, in one transaction. Refuses (writing
   * nothing visible) when Neo4j created fewer nodes or relationships than were sent, e.g. a relation
   * whose endpoint is missing.
   */
  async swap(meta: Readonly<Record<string, unknown>>): Promise<void> {
    await this.flush();
    this.onProgress?.({ phase: 'swap', done: 0 });
    for (const key of Object.keys(this.written) as (keyof WrittenCounts)[]) {
      if (this.written[key] !== this.intended[key]) {
        throw new CskgError(
          'INTERNAL',
          `The load wrote ${this.written[key]} ${key} but meant ${this.intended[key]}; the current graph is kept. ` +
            'A relation or evidence whose endpoint was not staged cannot be written: run cskg validate.',
        );
      }
    }
    const types = ENTITY_TYPES.filter((t) => this.typesPresent.has(t));
    await this.db.writeTransaction(
      async (tx) => {
        const run = async (query: CypherQuery) => {
          this.counter.statements += 1;
          await tx.run(query);
        };
        await run({
          cypher: /* Cypher */ `MATCH (n:Entity) REMOVE n:Entity:${ALL_TYPE_LABELS} SET n:RetiredEntity`,
        });
        for (const kind of NODE_KINDS) {
          await run({
            cypher: /* Cypher */ `MATCH (p:${kind.live}) REMOVE p:${kind.live} SET p:${kind.retired}`,
          });
        }
        for (const type of types) {
          // `type` is one of ENTITY_TYPES: the only way a label enters Cypher text.
          await run({
            cypher: /* Cypher */ `MATCH (n:StagedEntity {type: $type}) REMOVE n:StagedEntity SET n:Entity:${type}`,
            params: { type },
          });
        }
        for (const kind of NODE_KINDS) {
          await run({
            cypher: /* Cypher */ `MATCH (p:${kind.staged}) REMOVE p:${kind.staged} SET p:${kind.live}`,
          });
        }
        await run({
          cypher: /* Cypher */ `MERGE (m:Meta {key: 'graph'}) SET m = $meta, m.key = 'graph'`,
          params: { meta },
        });
      },
      { timeoutMs: this.timeoutMs },
    );
  }

  /** Deletes the graph the swap retired. Safe to interrupt: the next load finishes it. */
  async dropRetired(): Promise<void> {
    await this.deleteLabelled(
      'RetiredEntity',
      NODE_KINDS.map((k) => k.retired),
    );
  }

  /**
   * Writes data/later once the entities are staged: the pages, then each status step linked to its entity
   * (STEP_OF) and to the pages it cites (CITES), then the research records (RESEARCH_OF).
   */
  async writeLater(later: {
    sources: readonly SourceNodeRow[];
    steps: readonly StatusStepNodeRow[];
    cites: readonly CitesRow[];
    research: readonly ResearchNodeRow[];
  }): Promise<void> {
    await this.flush();
    this.onProgress?.({ phase: 'later', done: 0 });
    const batches = <T>(rows: readonly T[]) =>
      Array.from({ length: Math.ceil(rows.length / this.batchSize) }, (_, i) =>
        rows.slice(i * this.batchSize, (i + 1) * this.batchSize),
      );
    for (const batch of batches(later.sources)) {
      this.intended.sources += batch.length;
      await this.submit(
        {
          cypher: /* Cypher */ `UNWIND $rows AS row CREATE (s:StagedSource) SET s = row RETURN count(s) AS written`,
          params: { rows: batch },
        },
        (n) => (this.written.sources += n),
      );
    }
    for (const batch of batches(later.steps)) {
      this.intended.statusSteps += batch.length;
      await this.submit(
        {
          cypher: /* Cypher */ `
            UNWIND $rows AS row
            MATCH (e:StagedEntity {id: row.entity})
            CREATE (s:StagedStatusStep)-[:STEP_OF]->(e)
            SET s = row
            RETURN count(s) AS written`,
          params: { rows: batch },
        },
        (n) => (this.written.statusSteps += n),
      );
    }
    await this.drain();
    for (const batch of batches(later.cites)) {
      this.intended.citations += batch.length;
      await this.submit(
        {
          cypher: /* Cypher */ `
            UNWIND $rows AS row
            MATCH (s:StagedStatusStep {id: row.step})
            MATCH (p:StagedSource {id: row.source})
            CREATE (s)-[:CITES {role: row.role}]->(p)
            RETURN count(*) AS written`,
          params: { rows: batch },
        },
        (n) => (this.written.citations += n),
      );
    }
    for (const batch of batches(later.research)) {
      this.intended.research += batch.length;
      await this.submit(
        {
          cypher: /* Cypher */ `
            UNWIND $rows AS row
            MATCH (e:StagedEntity {id: row.entity})
            CREATE (r:StagedResearch)-[:RESEARCH_OF]->(e)
            SET r = row
            RETURN count(r) AS written`,
          params: { rows: batch },
        },
        (n) => (this.written.research += n),
      );
    }
    await this.drain();
  }

  private async flushEntities(): Promise<void> {
    if (this.entityBuffer.length === 0) return;
    const batch = this.entityBuffer;
    this.entityBuffer = [];
    this.intended.entities += batch.length;
    await this.submit(
      {
        cypher: /* Cypher */ `
          UNWIND $rows AS row
          CREATE (n:StagedEntity)
          SET n = row
          RETURN count(n) AS written`,
        params: { rows: batch.map((r) => r.props) },
      },
      (n) => {
        this.written.entities += n;
        this.onProgress?.({ phase: 'entities', done: this.written.entities });
      },
    );
  }

  private async flushEvidence(): Promise<void> {
    if (this.evidenceBuffer.length === 0) return;
    await this.flushEntities(); // evidence matches its entity, which must be written first
    const batch = this.evidenceBuffer;
    this.evidenceBuffer = [];
    this.intended.evidence += batch.length;
    await this.submit(
      {
        cypher: /* Cypher */ `
          UNWIND $rows AS row
          MATCH (e:StagedEntity {id: row.entity})
          MATCH (p:StagedPassage {id: row.passage})
          CREATE (e)-[:EVIDENCED_BY {quote: row.quote}]->(p)
          RETURN count(*) AS written`,
        params: { rows: batch },
      },
      (n) => {
        this.written.evidence += n;
        this.onProgress?.({ phase: 'evidence', done: this.written.evidence });
      },
    );
  }

  private async flushRelations(): Promise<void> {
    if (this.relationBuffer.length === 0) return;
    const batch = this.relationBuffer;
    this.relationBuffer = [];
    this.intended.relations += batch.length;
    await this.submit(
      {
        cypher: CREATE_RELATIONS,
        params: { rows: batch.map((r) => ({ type: r.type, from: r.from, to: r.to, props: r.props })) },
      },
      (n) => {
        this.written.relations += n;
        this.onProgress?.({ phase: 'relations', done: this.written.relations });
      },
    );
  }

  /**
   * Starts writing a batch and returns once the PREVIOUS batch is written, so the caller prepares the
   * next batch while Neo4j writes this one (one batch in flight keeps Neo4j and Node both busy).
   */
  private async submit(query: CypherQuery, onWritten: (written: number) => void): Promise<void> {
    const previous = this.inFlight;
    const current = previous.then(async () => {
      const [row] = await this.db.write(query, this.counter, { timeoutMs: this.timeoutMs });
      onWritten(Number(row?.written ?? 0));
    });
    this.inFlight = current;
    current.catch(() => {}); // observed by the next submit or drain; avoids an unhandled rejection meanwhile
    await previous;
  }

  private async drain(): Promise<void> {
    const current = this.inFlight;
    this.inFlight = Promise.resolve();
    await current;
  }

  private async run(query: CypherQuery): Promise<void> {
    await this.db.write(query, this.counter, { timeoutMs: this.timeoutMs });
  }

  /** Deletes every node with one of these labels, with its relationships, in transactions of bounded size. */
  private async deleteLabelled(
    entityLabel: 'StagedEntity' | 'RetiredEntity',
    otherLabels: readonly string[],
  ): Promise<void> {
    await this.db.writeAutoCommit(
      {
        cypher: /* Cypher */ `
          MATCH (n:${[entityLabel, ...otherLabels].join('|')})
          CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS`,
      },
      this.counter,
      { timeoutMs: this.timeoutMs },
    );
  }
}
