// The few named errors cskg raises. Each carries a code the GraphQL layer exposes to clients
// (anything that is not one of these is masked as an internal error and logged on the server).
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'QUERY_TIMEOUT'
  | 'QUERY_TOO_LARGE'
  | 'NEO4J_AUTH'
  | 'NEO4J_START'
  | 'DATA_INVALID'
  | 'INTERNAL';

export class CskgError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
}

/** The caller asked for something malformed or out of bounds; the message names the argument and the limit. */
export class BadInputError extends CskgError {
  constructor(message: string) {
    super('BAD_USER_INPUT', message);
  }
}

export class NotFoundError extends CskgError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

/** Neo4j cannot be reached (down, restarting, network); retrying later may succeed. */
export class ServiceUnavailableError extends CskgError {
  constructor(message: string, cause?: unknown) {
    super('SERVICE_UNAVAILABLE', message, { cause });
  }
}

export class QueryTimeoutError extends CskgError {
  constructor(message: string, cause?: unknown) {
    super('QUERY_TIMEOUT', message, { cause });
  }
}

/** A query needed more memory than Neo4j allows one transaction (dbms.memory.transaction.total.max). */
export class QueryTooLargeError extends CskgError {
  constructor(message: string, cause?: unknown) {
    super('QUERY_TOO_LARGE', message, { cause });
  }
}

export class Neo4jAuthError extends CskgError {
  constructor(message: string, cause?: unknown) {
    super('NEO4J_AUTH', message, { cause });
  }
}

/** The local Neo4j server could not be obtained or started; the message says what to do and names the log. */
export class Neo4jStartError extends CskgError {
  constructor(message: string, cause?: unknown) {
    super('NEO4J_START', message, { cause });
  }
}

/** data/ did not validate; nothing was written. `issues` are the lines of `cskg validate`, file:line first. */
export class DataInvalidError extends CskgError {
  readonly issues: readonly string[];
  constructor(issues: readonly string[], shown = 30) {
    const more = issues.length > shown ? `\n… and ${issues.length - shown} more (run cskg validate)` : '';
    super(
      'DATA_INVALID',
      `data/ has ${issues.length} error${issues.length === 1 ? '' : 's'}; nothing was written and the graph in Neo4j is unchanged:\n` +
        issues.slice(0, shown).join('\n') +
        more,
    );
    this.issues = issues;
  }
}

/**
 * NOT_FOUND when no entity has the id an argument gives; with `expected`, BAD_USER_INPUT when the entity
 * is of another type. `actual` is the type the query found, null for none. The GraphQL resolvers and the
 * command line check the same arguments of the same analyses with it, in the same words.
 */
export function requireEntity(
  argument: string,
  id: string,
  actual: string | null,
  expected?: string | readonly string[],
): void {
  if (actual === null)
    throw new NotFoundError(`${argument}: there is no entity with id ${JSON.stringify(id)}.`);
  const allowed = expected === undefined ? undefined : typeof expected === 'string' ? [expected] : expected;
  if (allowed !== undefined && !allowed.includes(actual)) {
    throw new BadInputError(
      `${argument}: ${JSON.stringify(id)} is a ${actual}, not a ${allowed.join(' or a ')}.`,
    );
  }
}
