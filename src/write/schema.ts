// Applies cypher/schema.cypher. Every statement there is idempotent; to keep a load cheap, only the
// indexes and constraints the database lacks (by name) are created, so an up-to-date database costs one
// round trip (SHOW INDEXES).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../infra/config.ts';
import type { Database, StatementCounter } from '../infra/database.ts';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'cypher', 'schema.cypher');

export interface SchemaStatement {
  /** the index or constraint name the statement creates */
  readonly name: string;
  readonly cypher: string;
}

/** The statements of a schema script: comments dropped, split at a semicolon ending a line. */
export function parseSchemaScript(script: string): SchemaStatement[] {
  const withoutComments = script
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((cypher) => {
      const name = /^CREATE\s+(?:\w+\s+)*?(?:CONSTRAINT|INDEX)\s+(\w+)/i.exec(cypher)?.[1];
      if (!name)
        throw new Error(
          `cypher/schema.cypher: every statement creates a named index or constraint: ${cypher}`,
        );
      return { name, cypher };
    });
}

export async function readSchemaStatements(): Promise<SchemaStatement[]> {
  return parseSchemaScript(await readFile(SCHEMA_FILE, 'utf8'));
}

/** Creates the missing indexes and constraints of cypher/schema.cypher and waits until they are online. */
export async function applySchema(db: Database, counter?: StatementCounter): Promise<number> {
  const statements = await readSchemaStatements();
  const existing = new Set(
    (
      await db.read({ cypher: /* Cypher */ `SHOW INDEXES YIELD name RETURN collect(name) AS names` }, counter)
    )[0]?.names as string[] | undefined,
  );
  // A constraint's backing index carries the constraint's name, so SHOW INDEXES lists both kinds.
  const missing = statements.filter((s) => !existing.has(s.name));
  for (const statement of missing) await db.write({ cypher: statement.cypher }, counter);
  if (missing.length > 0) {
    await db.writeAutoCommit({ cypher: /* Cypher */ `CALL db.awaitIndexes(300)` }, counter, {
      timeoutMs: 310_000,
    });
  }
  return missing.length;
}
