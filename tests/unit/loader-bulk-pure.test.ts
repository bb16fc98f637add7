// The pure parts of the bulk loader: how a half-done store swap is completed or undone, how the holder
// of Neo4j's store lock is read from /proc/locks, and how property values become CSV fields and the
// importer's arguments (tests/integration/loader-bulk.test.ts runs the whole path on a real Neo4j).
import { describe, expect, it } from 'vitest';
import { cypherInteger } from '../../src/infra/database.ts';
import {
  ARRAY_DELIMITER,
  CsvUnsupportedError,
  EMPTY_LIST_MARKER,
  encodeValue,
  importArguments,
  kindOf,
} from '../../src/write/csv.ts';
import { lockHolderIn, recoveryAction } from '../../src/infra/neo4jServer/storeSwap.ts';

describe('recoveryAction', () => {
  it.each([
    [{ home: true, next: false, retired: false }, 'none'],
    [{ home: false, next: false, retired: false }, 'none'],
    [{ home: true, next: true, retired: false }, 'discard-next'], // killed before the first rename
    [{ home: false, next: true, retired: true }, 'finish-swap'], // killed between the renames
    [{ home: true, next: false, retired: true }, 'delete-retired'], // killed after the swap
    [{ home: false, next: false, retired: true }, 'restore-retired'],
  ] as const)('%o → %s', (found, action) => {
    expect(recoveryAction(found)).toBe(action);
  });
});

describe('lockHolderIn', () => {
  const dev = (253 << 8) | 1; // fd:01
  const locks = [
    '1: FLOCK  ADVISORY  WRITE 99 fd:01:777 0 EOF',
    '2: POSIX  ADVISORY  WRITE 4242 fd:01:1234 0 EOF',
    '2: -> POSIX  ADVISORY  WRITE 4343 fd:01:1234 0 EOF',
  ].join('\n');
  it('finds the pid holding a lock on the file (device and inode)', () => {
    expect(lockHolderIn(locks, dev, 1234)).toBe(4242);
    expect(lockHolderIn(locks, dev, 777)).toBe(99);
  });
  it('is undefined when nobody holds it', () => {
    expect(lockHolderIn(locks, dev, 5555)).toBeUndefined();
    expect(lockHolderIn(locks, (8 << 8) | 1, 1234)).toBeUndefined();
  });
});

describe('CSV fields', () => {
  it('types a column as the driver would send the value', () => {
    expect(kindOf('x')).toBe('string');
    expect(kindOf(1.5)).toBe('double');
    expect(kindOf(2)).toBe('double'); // a plain number is a FLOAT in Neo4j
    expect(kindOf(cypherInteger(2))).toBe('long');
    expect(kindOf(true)).toBe('boolean');
    expect(kindOf(['a'])).toBe('string[]');
    expect(kindOf([])).toBe('string[]');
    expect(kindOf(null)).toBeUndefined();
    expect(() => kindOf({ a: 1 })).toThrow(CsvUnsupportedError);
  });

  it('quotes what CSV needs quoted, and keeps an empty string apart from no value', () => {
    expect(encodeValue('台商', 'string')).toBe('台商');
    expect(encodeValue('', 'string')).toBe('""');
    expect(encodeValue('a,"b"\nc', 'string')).toBe('"a,""b""\nc"');
    expect(encodeValue(cypherInteger(2011), 'long')).toBe('2011');
    expect(encodeValue(0.25, 'double')).toBe('0.25');
    expect(() => encodeValue(Number.NaN, 'double')).toThrow(CsvUnsupportedError);
  });

  it('writes lists with the unit separator, and an empty list as its marker', () => {
    expect(encodeValue(['a', 'b,c'], 'string[]')).toBe(`"a${ARRAY_DELIMITER}b,c"`);
    expect(encodeValue([], 'string[]')).toBe(EMPTY_LIST_MARKER);
    expect(() => encodeValue([`a${ARRAY_DELIMITER}b`], 'string[]')).toThrow(CsvUnsupportedError);
    expect(() => encodeValue([''], 'string[]')).toThrow(CsvUnsupportedError);
  });
});

describe('importArguments', () => {
  it('names files relative to the CSV folder, fails on any bad row, and names no database', () => {
    const args = importArguments(
      {
        nodes: [{ labels: ['Entity', 'Park'], file: '/x/csv/nodes-0.csv' }],
        relationships: [{ type: 'PART_OF', file: '/x/csv/relationships-1.csv' }],
        multiline: ['/x/csv/nodes-0.csv'],
        nodeCount: 1,
        relationshipCount: 1,
      },
      { reportFile: '/x/import.report' },
    );
    expect(args).toContain('--nodes=Entity:Park=nodes-0.csv');
    expect(args).toContain('--relationships=PART_OF=relationships-1.csv');
    expect(args).toContain('--multiline-fields=nodes-0.csv');
    expect(args).toContain('--bad-tolerance=0');
    expect(args).toContain('--array-delimiter=U+001F');
    expect(args.every((a) => a.startsWith('--'))).toBe(true);
  });
});
