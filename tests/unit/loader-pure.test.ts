// Pure parts of the loader, the named queries and the exports: the schema script splits into named
// statements, a query header parses into typed parameters, values become Cypher literals, rows a table.
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/table.ts';
import { cypherLiteral } from '../../src/read/export/formats.ts';
import { REGION_LEVELS, RELATION_TYPES } from '../../src/data/model.ts';
import { bindNamedQuery, loadNamedQuery, parseNamedQuery } from '../../src/read/namedQueries.ts';
import { edgeProjection, entityProjection, passageProjection } from '../../src/read/rows.ts';
import { LIMITS } from '../../src/api/graphql/limits.ts';
import { searchNamesOf } from '../../src/write/records.ts';
import { parseSchemaScript } from '../../src/write/schema.ts';

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

  it('reads list parameters, comma-separated on a command line', () => {
    const lists = parseNamedQuery(
      'lists',
      [
        '// Lists.',
        '// @param statuses string[]? = null    only these',
        '// @param hops     int[][1..6] = 2,3   bounded items',
        'RETURN $statuses, $hops',
      ].join('\n'),
    );
    expect(lists.params).toEqual([
      {
        name: 'statuses',
        type: 'string',
        list: true,
        nullable: true,
        default: null,
        description: 'only these',
      },
      {
        name: 'hops',
        type: 'int',
        list: true,
        nullable: false,
        min: 1,
        max: 6,
        default: [2, 3],
        description: 'bounded items',
      },
    ]);
    expect(bindNamedQuery(lists, { statuses: 'existing, planned' }).params).toEqual({
      statuses: ['existing', 'planned'],
      hops: [2, 3],
    });
    expect(bindNamedQuery(lists, { statuses: ['sought'], hops: '1' }).params).toEqual({
      statuses: ['sought'],
      hops: [1],
    });
    expect(() => bindNamedQuery(lists, { hops: '2,7' })).toThrow(/between 1 and 6, not 7/);
  });
});

describe('the named queries the GraphQL analyses run', () => {
  // shortest-paths is one ring of a search; src/read/paths.ts reads the paths' entities and facts
  const ANALYSES = ['chain-gaps', 'policy-reach', 'supply-chain'];

  /** A projection of src/read/rows.ts as a pattern: its variable any name, used the same throughout. */
  function shapeOf(projection: (variable: string) => string): RegExp {
    const [first, ...rest] = projection('\u0000')
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .split('\u0000');
    return new RegExp(first + '(\\w+)' + rest.join('\\1'), 'g');
  }
  const occurrences = (text: string, pattern: RegExp) =>
    text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

  it('project entities, facts and passages exactly as src/read/rows.ts reads them', () => {
    for (const name of ANALYSES) {
      const { cypher } = loadNamedQuery(name);
      const entities = occurrences(cypher, shapeOf(entityProjection));
      const facts = occurrences(cypher, shapeOf(edgeProjection));
      expect(entities + facts, name).toBeGreaterThan(0);
      expect(occurrences(cypher, /props: properties\(/), name).toBe(entities + facts);
      expect(occurrences(cypher, /\.documentId/), name).toBe(occurrences(cypher, shapeOf(passageProjection)));
    }
  });

  it('name only region levels of the model, and walk as far as their parameters and the API allow', () => {
    for (const [, level] of loadNamedQuery('chain-gaps').cypher.matchAll(/\.level = '([^']+)'/g)) {
      expect(REGION_LEVELS).toContain(level);
    }
    const max = (name: string, param: string) =>
      loadNamedQuery(name).params.find((p) => p.name === param)?.max ?? 0;
    expect(max('policy-reach', 'first')).toBe(LIMITS.analysisFirst);
    expect(max('supply-chain', 'depth')).toBe(LIMITS.supplyChainDepth);
    expect(max('shortest-paths', 'maxHops')).toBe(LIMITS.pathsMaxHops);
    expect(max('shortest-paths', 'first')).toBeGreaterThanOrEqual(LIMITS.pathsFirst);
    // The search's ring reads at most `visits` facts (one more says it was cut), whatever the request.
    const bound = bindNamedQuery(loadNamedQuery('shortest-paths'), {
      from: 'a',
      to: 'b',
      maxHops: 3,
      first: 2,
    });
    expect(bound.cypher).toContain('LIMIT toInteger($visits) + 1');
    expect(bound.params).toMatchObject({ around: null, visits: LIMITS.pathFacts });
    expect(bound.cypher).not.toContain('${');
  });
});

describe('the text a named query is bound with', () => {
  const query = (text: string) =>
    parseNamedQuery(
      'probe',
      `// A probe.\n//\n// @param hops int[1..6] = 2  steps\n// @param maybe int? = null  nothing\n${text}`,
    );

  it('writes in the fact types, the degree of an entity and bounded int parameters, nothing else', () => {
    const bound = bindNamedQuery(
      query('MATCH (a)-[:${FACT_TYPES}*1..${hops}]-(b) RETURN ${degree(b)} AS d'),
      {
        hops: '4',
      },
    );
    expect(bound.cypher).toContain(`[:${RELATION_TYPES.join('|')}*1..4]`);
    expect(bound.cypher).toContain('COUNT { (b)--() }');
    expect(() => query('RETURN ${maybe}')).toThrow(
      /neither FACT_TYPES, TAIWAN_SIDE, TAIWAN_SIDE_AS_OF nor an int parameter with bounds/,
    );
    expect(() => query('RETURN ${colour}')).toThrow(/neither/);
    expect(() => query('RETURN ${colour(b)}')).toThrow(/names no fragment; known: degree, .*factsAsked/);
    expect(() => bindNamedQuery(query('RETURN ${hops}'), { hops: '7' })).toThrow(/between 1 and 6/);
  });

  it('writes the filters on a fact only when a request asks for one', () => {
    const filtered = (values: Record<string, unknown>) =>
      bindNamedQuery(
        parseNamedQuery(
          'probe',
          '// A probe.\n//\n// @param relationTypes string[]? = null  types\n// @param statuses string[]? = null  statuses\n' +
            '// @param asOf string? = null  day\nMATCH ()-[r]-() WHERE ${factsAsked(r)} RETURN r',
        ),
        values,
      ).cypher;
    expect(filtered({})).toContain('WHERE true RETURN');
    expect(filtered({ statuses: ['existing'] })).toContain('r.status IN $statuses');
    expect(filtered({ asOf: '2014-12-31' })).toContain('r.validTo > $asOf');
    expect(filtered({ relationTypes: ['PART_OF'] })).toContain('type(r) IN $relationTypes');
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

describe('searchNamesOf', () => {
  it('folds name, English name and aliases to Simplified and lower case, and joins them', () => {
    expect(
      searchNamesOf({
        name: '友达光电',
        nameEn: 'AU Optronics (AUO)',
        aliases: ['友達光電', '台塑', '臺塑'],
      }),
    ).toEqual({
      searchNames: ['友达光电', 'au optronics (auo)', '友达光电', '台塑', '台塑'],
      searchText: '友达光电 au optronics (auo) 友达光电 台塑 台塑',
    });
  });
});
