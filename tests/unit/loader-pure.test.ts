// Pure parts of the loader, the named queries and the exports: the schema script splits into named
// statements, a query header parses into typed parameters, values become Cypher literals, rows a table.
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/table.ts';
import { cypherLiteral } from '../../src/export/formats.ts';
import { bindNamedQuery, parseNamedQuery } from '../../src/graph/namedQueries.ts';
import { searchTextOf } from '../../src/loader/records.ts';
import { parseSchemaScript } from '../../src/loader/schema.ts';

describe('parseSchemaScript', () => {
  it('drops comments and splits at a semicolon ending a line, naming each statement', () => {
    const statements = parseSchemaScript(/* Cypher */ `
      // a comment; with a semicolon
      CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
      CREATE FULLTEXT INDEX entitySearch IF NOT EXISTS FOR (n:Entity) ON EACH [n.name]
        OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk' } };
    `);
    expect(statements.map((s) => s.name)).toEqual(['entity_id', 'entitySearch']);
    expect(statements[1]?.cypher).toContain("'cjk'");
  });
});

describe('named query headers', () => {
  const query = parseNamedQuery(
    'demo',
    [
      '// What it answers,',
      '// over two lines.',
      '//',
      '// @param product string       id of a Product',
      '// @param depth   int[1..10] = 6  how far',
      '// @param sector  string? = null  optional',
      '// @example cskg query demo --param product=product:pta',
      'MATCH (n {id: $product}) RETURN n',
    ].join('\n'),
  );

  it('reads the description, typed parameters with defaults and bounds, and the example', () => {
    expect(query.description).toBe('What it answers, over two lines.');
    expect(query.params).toEqual([
      { name: 'product', type: 'string', nullable: false, description: 'id of a Product' },
      { name: 'depth', type: 'int', nullable: false, min: 1, max: 10, default: 6, description: 'how far' },
      { name: 'sector', type: 'string', nullable: true, default: null, description: 'optional' },
    ]);
    expect(query.examples).toEqual(['cskg query demo --param product=product:pta']);
    expect(query.cypher).toBe('MATCH (n {id: $product}) RETURN n');
  });

  it('binds command-line text to typed parameters and refuses what the header does not allow', () => {
    expect(bindNamedQuery(query, { product: 'product:pta', depth: '3' }).params).toEqual({
      product: 'product:pta',
      depth: 3,
      sector: null,
    });
    expect(() => bindNamedQuery(query, {})).toThrow(/needs --param product/);
    expect(() => bindNamedQuery(query, { product: 'x', depth: 'two' })).toThrow(/integer/);
    expect(() => bindNamedQuery(query, { product: 'x', depth: '0' })).toThrow(/between 1 and 10/);
    expect(() => bindNamedQuery(query, { product: null })).toThrow(/may not be null/);
  });
});

describe('cypherLiteral', () => {
  it('escapes strings and keeps INTEGER and FLOAT apart', () => {
    expect(cypherLiteral("友达's \\ line\nbreak")).toBe("'友达\\'s \\\\ line\\nbreak'");
    expect(cypherLiteral(3, 'long')).toBe('3');
    expect(cypherLiteral(3, 'double')).toBe('3.0');
    expect(cypherLiteral(2.5, 'double')).toBe('2.5');
    expect(cypherLiteral(['a', "b'"])).toBe("['a', 'b\\'']");
    expect(cypherLiteral(null)).toBe('null');
  });
});

describe('formatTable', () => {
  it('aligns columns by display width (CJK counts double) and shows maps by name and status', () => {
    const table = formatTable([
      {
        id: 'product:pta',
        name: '精对苯二甲酸',
        parks: [{ id: 'park:gulei', name: '古雷', status: 'planned' }],
      },
      { id: 'product:px', name: 'PX', parks: [] },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toBe('id           name          parks');
    expect(lines[2]).toBe('product:pta  精对苯二甲酸  古雷 (planned)');
    expect(lines[3]).toBe('product:px   PX');
  });
});

describe('searchTextOf', () => {
  it('joins name, English name and aliases', () => {
    expect(
      searchTextOf({ name: '友达光电', nameEn: 'AU Optronics (AUO)', aliases: ['友达', '友达企业'] }),
    ).toBe('友达光电 AU Optronics (AUO) 友达 友达企业');
  });
});
