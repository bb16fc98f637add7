// Passages of the source documents by id, and a passage with its neighbours in reading order (to read
// a fact in its context). One statement each.
import { cypherInteger, type CypherQuery, type Reader } from '../infra/database.ts';
import { passageProjection, toPassageRow, type PassageRow } from './rows.ts';

export function passageContextQuery(id: string, before: number, after: number): CypherQuery {
  return {
    cypher: /* Cypher */ `
      MATCH (p:Passage {id: $id})
      MATCH (q:Passage {documentId: p.documentId})
      WHERE q.ordinal >= p.ordinal - $before AND q.ordinal <= p.ordinal + $after
      RETURN ${passageProjection('q')} AS passage ORDER BY q.ordinal`,
    params: { id, before: cypherInteger(before), after: cypherInteger(after) },
  };
}

/** The passage `id` with up to `before` passages before it and `after` after it; empty when it does not exist. */
export async function readPassageContext(
  db: Reader,
  id: string,
  before: number,
  after: number,
): Promise<PassageRow[]> {
  const rows = await db.read(passageContextQuery(id, before, after));
  return rows.map((row) => toPassageRow(row.passage));
}
