// The whole of data/: validates the real sources and graph files and expects no error. This is the test
// that proves every quote of every entity and relation occurs verbatim (whitespace aside) in the plan,
// that ids are unique and endpoints exist with allowed labels, and that every entity has evidence, a
// relation and an English name. It fails while the curators are mid-way; the failures name file and line.
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/data/issues.ts';
import { validateDataDir } from '../../src/data/validate.ts';

describe('data/', () => {
  it('validates with no errors', async () => {
    const result = await validateDataDir();
    expect(result.errors.map(formatIssue)).toEqual([]);
    expect(result.graph.entities.length).toBeGreaterThan(0);
    for (const entity of result.graph.entities) expect(entity.evidence.length).toBeGreaterThan(0);
    for (const relation of result.graph.relations) expect(relation.evidence.length).toBeGreaterThan(0);
  });
});
