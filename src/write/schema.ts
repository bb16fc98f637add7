// Applies cypher/schema.cypher. Every statement there is idempotent; to keep a load cheap, only the
// indexes and constraints the database lacks (by name) are created, so an up-to-date database costs one
// round trip (SHOW INDEXES). A full-text index whose list of properties differs from the script's (a
// database made by an older cskg) is dropped and created again: IF NOT EXISTS would keep the old one.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../infra/config.ts';
import type { Database, StatementCounter } from '../infra/database.ts';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'cypher', 'schema.cypher');

export interface SchemaStatement {
  /** the index or constraint name the statement creates */
  readonly name: string;
  readonly cypher: string;
  /** a full-text index's properties, `ON EACH [n.a, n.b]` → ['a', 'b'] (undefined for anything else) */
  readonly fulltextProperties?: readonly string[];
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
      const each = /\bFULLTEXT\s+INDEX\b[\s\S]*?\bON\s+EACH\s*\[([^\]]*)\]/i.exec(cypher)?.[1];
      const fulltextProperties = each?.split(',').map((p) => p.trim().replace(/^\w+\./, ''));
      return fulltextProperties ? { name, cypher, fulltextProperties } : { name, cypher };
    });
}

export async function readSchemaStatements(): Promise<SchemaStatement[]> {
  return parseSchemaScript(await readFile(SCHEMA_FILE, 'utf8'));
}

/**
 * Creates the missing indexes and constraints of cypher/schema.cypher (and rebuilds a full-text index whose
 * properties changed) and waits until they are online.
 */
export async function applySchema(db: Database, counter?: StatementCounter): Promise<number> {
  const statements = await readSchemaStatements();
  const rows = await db.read(
    { cypher: /* Cypher */ `SHOW INDEXES YIELD name, type, properties RETURN name, type, properties` },
    counter,
  );
  // A constraint's backing index carries the constraint's name, so SHOW INDEXES lists both kinds.
  const existing = new Map(rows.map((row) => [String(row.name), row]));
  const changed = statements.filter((s) => {
    const row = existing.get(s.name);
    if (!row || !s.fulltextProperties || row.type !== 'FULLTEXT') return false;
    return [...(row.properties as string[])].sort().join() !== [...s.fulltextProperties].sort().join();
  });
  for (const statement of changed) {
    // the name comes from cypher/schema.cypher (a \w+ identifier), never from input
    await db.write({ cypher: `DROP INDEX ${statement.name} IF EXISTS` }, counter);
    existing.delete(statement.name);
  }
  const missing = statements.filter((s) => !existing.has(s.name));
  for (const statement of missing) await db.write({ cypher: statement.cypher }, counter);
  if (missing.length > 0) {
    await db.writeAutoCommit({ cypher: /* Cypher */ `CALL db.awaitIndexes(300)` }, counter, {
      timeoutMs: 310_000,
    });
  }
  return missing.length;
}
