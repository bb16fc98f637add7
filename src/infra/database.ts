// The one module that talks to the Neo4j driver. Everything else hands it a parameterised query
// (`{ cypher, params }`) and gets plain records back. Reads run as auto-commit transactions in READ
// access mode (Neo4j refuses writes in them, and a neo4j:// routing URI sends them to followers), retried
// here on transient errors; writes run in managed write transactions. Every transaction has a timeout,
// and driver errors are translated here into the few named errors of src/infra/errors.ts. The driver reads
// large answers through src/infra/boltMessages.ts, which the first Database installs.
import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { joinChunkedMessages } from './boltMessages.ts';
import type { Neo4jConnection } from './config.ts';
import {
  CskgError,
  Neo4jAuthError,
  QueryTimeoutError,
  QueryTooLargeError,
  ServiceUnavailableError,
} from './errors.ts';
import type { Logger } from './log.ts';

/** A Cypher statement as a value: the text never contains user input, which travels in `params`. */
export interface CypherQuery {
  readonly cypher: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export type Row = Record<string, unknown>;

/** How long transient errors are retried unless DatabaseOptions.transactionRetryMs says otherwise. */
const DEFAULT_RETRY_MS = 2_000;
/** The first wait before a read is retried; it doubles (±20 %) until the retry time is spent. */
const FIRST_RETRY_DELAY_MS = 100;

/**
 * A JS number sent as a Cypher INTEGER. The driver sends every JS number as a FLOAT, so properties the
 * model declares as integers (a passage's ordinal, an indicator's year) go through this.
 */
export function cypherInteger(value: number): unknown {
  return neo4j.int(value);
}

/** Whether a value was made by cypherInteger (the bulk loader writes such values as INTEGER columns). */
export function isCypherInteger(value: unknown): boolean {
  return neo4j.isInt(value);
}

export interface DatabaseOptions {
  readonly queryTimeoutMs: number;
  readonly logger?: Logger;
  /**
   * How long a transaction is retried on transient errors (a leader switch, Neo4j restarting). The
   * driver's default is 30 s, which with Neo4j down made every request wait about a minute before
   * failing; 2 s keeps the retries that matter and answers SERVICE_UNAVAILABLE within seconds.
   */
  readonly transactionRetryMs?: number;
}

/**
 * What the read side is given: statements in read transactions, and nothing else. The GraphQL context and
 * every function of src/read take a Reader, so code there cannot even name a write; Neo4j would refuse
 * one anyway, since reads run in READ access mode.
 */
export interface Reader {
  read(query: CypherQuery): Promise<Row[]>;
}

/**
 * What the API (GraphQL and HTTP) is given: a counted Reader per request, a Reader for /ready, and a probe
 * of whether Neo4j answers; no write method, so API code cannot name one.
 */
export type ReadOnlyDatabase = Pick<Database, 'read' | 'counted' | 'verify'>;

/** Counts the statements one unit of work (a GraphQL request, a CLI command) sends to Neo4j. */
export interface StatementCounter {
  statements: number;
}

export class Database implements Reader {
  readonly driver: Driver;
  readonly connection: Neo4jConnection;
  private readonly options: DatabaseOptions;

  constructor(connection: Neo4jConnection, options: DatabaseOptions) {
    this.connection = connection;
    this.options = options;
    if (!joinChunkedMessages()) {
      options.logger?.warn(
        'neo4j-driver: its internals are not those src/infra/boltMessages.ts expects; large answers are read the slow way. Check that file against the installed driver.',
      );
    }
    const auth = connection.password ? neo4j.auth.basic(connection.user, connection.password) : undefined; // no token: a server with authentication disabled (the local one)
    this.driver = neo4j.driver(connection.uri, auth, {
      // Integers come back as JS numbers: every count and id in this graph is far below 2^53.
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxConnectionPoolSize: 50,
      maxTransactionRetryTime: options.transactionRetryMs ?? DEFAULT_RETRY_MS,
      userAgent: 'cskg',
    });
  }

  /**
   * Runs one statement in a read transaction with the configured timeout: an auto-commit transaction in
   * READ access mode. A managed one (`session.executeRead`) costs a COMMIT round trip more for nothing a
   * single read statement needs (2.59 against 1.84 ms per supplyChain statement on the local server, 2,000
   * of each; bench/RESULTS.md, "comparison"); the driver's retry on transient errors is kept by retrying here.
   */
  async read(query: CypherQuery, counter?: StatementCounter): Promise<Row[]> {
    if (counter) counter.statements += 1;
    const deadline = performance.now() + this.retryMs;
    for (let delay = FIRST_RETRY_DELAY_MS; ; delay *= 2) {
      const wait = delay * (0.8 + Math.random() * 0.4);
      try {
        return await this.autoCommit('READ', query, this.options.queryTimeoutMs);
      } catch (error) {
        // the errors the driver's transaction functions retry: Neo4j unreachable or restarting, a leader switch
        // (not a query that ran out of transaction memory, which Neo4j calls transient: it would again)
        if (!neo4j.isRetryableError(error) || isOutOfMemory(error) || performance.now() + wait > deadline)
          throw translateError(error, this.connection);
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Runs one statement in a write transaction with the configured timeout (or `options.timeoutMs`). */
  write(
    query: CypherQuery,
    counter?: StatementCounter,
    options: { timeoutMs?: number } = {},
  ): Promise<Row[]> {
    return this.managedWrite(query, counter, options.timeoutMs);
  }

  /**
   * Runs one statement in an auto-commit (implicit) transaction. Only statements that manage their own
   * transactions need this: `CALL { … } IN TRANSACTIONS` (batched deletes) cannot run inside a managed one.
   */
  async writeAutoCommit(
    query: CypherQuery,
    counter?: StatementCounter,
    options: { timeoutMs?: number } = {},
  ): Promise<Row[]> {
    if (counter) counter.statements += 1;
    try {
      return await this.autoCommit('WRITE', query, options.timeoutMs ?? this.options.queryTimeoutMs);
    } catch (error) {
      throw translateError(error, this.connection);
    }
  }

  /** One statement in an auto-commit transaction of this access mode, on a session of its own. */
  private async autoCommit(mode: 'READ' | 'WRITE', query: CypherQuery, timeoutMs: number): Promise<Row[]> {
    const session = this.driver.session({
      database: this.connection.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const started = performance.now();
    try {
      const result = await session.run(query.cypher, query.params ?? {}, { timeout: timeoutMs });
      this.log(mode === 'READ' ? 'READ' : 'AUTO', query, started, result.records.length);
      return result.records.map(toRow);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs several statements in ONE write transaction: all of them take effect, or none (a failure or a
   * killed process rolls the whole transaction back). `work` receives a runner bound to the transaction.
   */
  async writeTransaction<T>(
    work: (tx: { run(query: CypherQuery): Promise<Row[]> }) => Promise<T>,
    options: { timeoutMs?: number } = {},
  ): Promise<T> {
    const session = this.driver.session({
      database: this.connection.database,
      defaultAccessMode: neo4j.session.WRITE,
    });
    try {
      return await session.executeWrite((tx) => work({ run: (query) => this.runIn(tx, query) }), {
        timeout: options.timeoutMs ?? this.options.queryTimeoutMs,
      });
    } catch (error) {
      throw translateError(error, this.connection);
    } finally {
      await session.close();
    }
  }

  /** A read-only view of this database that counts the statements run through it (one per request). */
  counted(counter: StatementCounter = { statements: 0 }): Reader & { counter: StatementCounter } {
    return { counter, read: (query) => this.read(query, counter) };
  }

  /** Resolves when Neo4j answers; throws ServiceUnavailableError / Neo4jAuthError otherwise. */
  async verify(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.connection.database });
    } catch (error) {
      throw translateError(error, this.connection);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private get retryMs(): number {
    return this.options.transactionRetryMs ?? DEFAULT_RETRY_MS;
  }

  private async managedWrite(
    query: CypherQuery,
    counter?: StatementCounter,
    timeoutMs?: number,
  ): Promise<Row[]> {
    if (counter) counter.statements += 1;
    const session = this.driver.session({
      database: this.connection.database,
      defaultAccessMode: neo4j.session.WRITE,
    });
    const started = performance.now();
    try {
      const config = { timeout: timeoutMs ?? this.options.queryTimeoutMs };
      const rows = await session.executeWrite((tx) => this.runIn(tx, query), config);
      this.log('WRITE', query, started, rows.length);
      return rows;
    } catch (error) {
      throw translateError(error, this.connection);
    } finally {
      await session.close();
    }
  }

  private log(mode: string, query: CypherQuery, started: number, rows: number): void {
    if (this.options.logger?.level !== 'debug') return;
    this.options.logger.debug('cypher', {
      mode,
      ms: Math.round(performance.now() - started),
      rows,
      cypher: query.cypher.replace(/\s+/g, ' ').slice(0, 300),
      params: query.params,
    });
  }

  private async runIn(tx: ManagedTransaction, query: CypherQuery): Promise<Row[]> {
    const result = await tx.run(query.cypher, query.params ?? {});
    return result.records.map(toRow);
  }
}

function toRow(record: Neo4jRecord): Row {
  return record.toObject() as Row;
}

/** Maps driver errors to the named errors clients and operators can act on. */
export function translateError(error: unknown, connection: Pick<Neo4jConnection, 'uri' | 'user'>): Error {
  if (error instanceof CskgError) return error;
  const code = (error as { code?: string } | null)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    /ECONNREFUSED|ECONNRESET|EPIPE|connect ETIMEDOUT/.test(message) ||
    // Neo4j going down while the driver logs in: the socket closes under the handshake.
    (code === 'ProtocolError' && /Failed to connect to server|Connection was closed by server/.test(message))
  ) {
    return new ServiceUnavailableError(
      `Neo4j at ${connection.uri} is not reachable; try again shortly.`,
      error,
    );
  }
  if (
    code === 'Neo.ClientError.Security.Unauthorized' ||
    code === 'Neo.ClientError.Security.AuthenticationRateLimit'
  ) {
    return new Neo4jAuthError(
      `Neo4j at ${connection.uri} rejected the credentials of user "${connection.user}": check NEO4J_USER and NEO4J_PASSWORD.`,
      error,
    );
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || /timed out/i.test(code)) {
    return new QueryTimeoutError(
      'The query took longer than the server allows (CSKG_QUERY_TIMEOUT_MS); narrow it.',
      error,
    );
  }
  if (isOutOfMemory(error)) {
    return new QueryTooLargeError(
      'The query needed more memory than the server allows one query; narrow it (a smaller first, depth or limit, or a sector or product).',
      error,
    );
  }
  if (
    code === 'Neo.TransientError.Database.DatabaseUnavailable' ||
    code === 'Neo.TransientError.General.DatabaseUnavailable'
  ) {
    return new ServiceUnavailableError(
      `The Neo4j database at ${connection.uri} is unavailable; try again shortly.`,
      error,
    );
  }
  return error instanceof Error ? error : new Error(message);
}

/** Neo4j refused a query more transaction memory (dbms.memory.transaction.total.max, or the heap). */
function isOutOfMemory(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' ||
    code === 'Neo.TransientError.General.OutOfMemoryError'
  );
}
