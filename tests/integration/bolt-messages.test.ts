// A row larger than many Bolt chunks comes back whole and exact through src/infra/boltMessages.ts, which
// joins the chunks before the driver reads them: strings of one-, three- and four-byte characters, integers,
// floats, nulls and nested lists, cut at whatever places the chunk boundaries fall.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinChunkedMessages } from '../../src/infra/boltMessages.ts';
import type { Database } from '../../src/infra/database.ts';
import { connectTestDatabase } from '../support/neo4j.ts';

let db: Database;
beforeAll(() => {
  db = connectTestDatabase();
});
afterAll(() => db.close());

const WORDS = ['友达光电', 'AU Optronics', '海峡两岸', '臺灣', '🏭 park', 'x'];
const COUNT = 40_000;

describe('large answers over Bolt', () => {
  it('are joined from their chunks (the driver is the one boltMessages.ts was written for)', () => {
    // false means a newer driver: read src/infra/boltMessages.ts against the Dechunker and ChannelBuffer of
    // the installed neo4j-driver-bolt-connection
    expect(joinChunkedMessages()).toBe(true);
  });

  it('come back exactly, one row of about 2 MB', async () => {
    const [row] = await db.read({
      cypher: /* Cypher */ `
        UNWIND range(0, $count - 1) AS i
        RETURN collect({
          name: $words[i % size($words)] + toString(i),
          at: i,
          half: i / 2.0,
          none: CASE WHEN i % 7 = 0 THEN null ELSE i % 7 END,
          tail: [$words[(i + 1) % size($words)], i * 3]
        }) AS items`,
      params: { count: COUNT, words: WORDS },
    });
    const items = row?.items as unknown[];
    expect(JSON.stringify(items).length).toBeGreaterThan(2_000_000);
    expect(items).toEqual(
      Array.from({ length: COUNT }, (_, i) => ({
        name: `${WORDS[i % WORDS.length]}${i}`,
        at: i,
        half: i / 2,
        none: i % 7 === 0 ? null : i % 7,
        tail: [WORDS[(i + 1) % WORDS.length], i * 3],
      })),
    );
  });
});
