// The GraphQL schema without a database: every type and field documented, the model enums and typed
// entity fields in step with src/data/model.ts, the contract of schema.graphql present with its defaults, the
// documented limits equal to the enforced ones, and the pure helpers (Lucene escaping, cursors, argument
// checks, Cypher builders) pinned.
import fs from 'node:fs';
import path from 'node:path';
import {
  getNamedType,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/infra/config.ts';
import {
  ENTITY_PROPERTIES,
  ENTITY_TYPES,
  RELATION_RULES,
  RELATION_STATUSES,
  RELATION_TYPES,
} from '../../src/data/model.ts';
import { BadInputError } from '../../src/infra/errors.ts';
import { escapeLucene, luceneQuery } from '../../src/read/fulltext.ts';
import { WALK_VISITS } from '../../src/read/truncation.ts';
import { cypherInteger } from '../../src/infra/database.ts';
import { neighborhoodQuery } from '../../src/read/neighborhood.ts';
import { pathsQuery } from '../../src/read/paths.ts';
import { searchQuery } from '../../src/read/search.ts';
import { decodeCursor, encodeCursor } from '../../src/api/graphql/connections.ts';
import { ARGUMENT_MAXIMA, intArgument, LIMITS, textArgument } from '../../src/api/graphql/limits.ts';
import {
  generatedSdlIsCurrent,
  renderGeneratedSdl,
  spliceGeneratedSdl,
} from '../../src/api/graphql/generatedSdl.ts';
import { buildSchema, SCHEMA_FILE } from '../../src/api/graphql/schema.ts';

let schema: GraphQLSchema;
const schemaText = fs.readFileSync(SCHEMA_FILE, 'utf8');
beforeAll(() => {
  schema = buildSchema();
});

// @graphql-tools builds the schema with its own copy of graphql (CommonJS), so `instanceof` against the
// classes imported here is false: tell the kinds apart by their definitions instead.
const kind = (type: GraphQLNamedType | null | undefined) => type?.astNode?.kind;
const isObject = (type: GraphQLNamedType | null | undefined): type is GraphQLObjectType =>
  kind(type) === 'ObjectTypeDefinition';
const isInterface = (type: GraphQLNamedType | null | undefined): type is GraphQLInterfaceType =>
  kind(type) === 'InterfaceTypeDefinition';
const isEnum = (type: GraphQLNamedType | null | undefined): type is GraphQLEnumType =>
  kind(type) === 'EnumTypeDefinition';
const isInput = (type: GraphQLNamedType | null | undefined): type is GraphQLInputObjectType =>
  kind(type) === 'InputObjectTypeDefinition';

function ownTypes() {
  return Object.values(schema.getTypeMap()).filter(
    (type) => !type.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name),
  );
}

/** `phrase` occurs in `text` (whitespace folded), not followed by another digit: "≤ 10" is not "≤ 100". */
function expectFigure(text: string, phrase: string) {
  const folded = text.replace(/\s+/g, ' ');
  const pattern = new RegExp(`${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`);
  expect(pattern.test(folded), `"${phrase}" is not stated`).toBe(true);
}

/** The rows of the Markdown table under `headerRow`: first cell → the other cells. */
function readmeTable(markdown: string, headerRow: string): Record<string, string[]> {
  const lines = markdown.split('\n');
  // the table may be padded into columns (prettier): compare with runs of spaces as one
  const start = lines.findIndex((line) => line.replace(/ +/g, ' ') === headerRow);
  expect(start, headerRow).toBeGreaterThanOrEqual(0);
  const rows: Record<string, string[]> = {};
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [first, ...rest] = line.split(' | ').map((cell) => cell.replace(/^\| ?| ?\|$/g, '').trim());
    rows[first as string] = rest;
  }
  return rows;
}

describe('schema.graphql', () => {
  it('documents every type, field, argument and enum value (GraphiQL shows each description in place)', () => {
    const missing: string[] = [];
    let arguments_ = 0;
    for (const type of ownTypes()) {
      if (!type.description) missing.push(type.name);
      if (isObject(type) || isInterface(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const argument of field.args) {
            arguments_ += 1;
            if (!argument.description?.trim()) missing.push(`${type.name}.${field.name}(${argument.name})`);
          }
        }
      }
      if (isEnum(type)) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
      if (isInput(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(arguments_).toBeGreaterThan(100); // the Query's, and relations' on the interface and every entity type
    expect(missing).toEqual([]);
  });

  it('holds the contract with its arguments and defaults', () => {
    const query = schema.getQueryType()!.getFields();
    const args = (field: GraphQLField<unknown, unknown>) =>
      Object.fromEntries(field.args.map((a) => [a.name, [String(a.type), a.defaultValue ?? null]]));
    expect(args(query.search!)).toMatchObject({
      query: ['String!', null],
      types: ['[EntityType!]', null],
      first: ['Int!', 20],
    });
    expect(String(query.search!.type)).toBe('[SearchHit!]!');
    expect(String(query.entity!.type)).toBe('Entity');
    expect(args(query.entities!)).toMatchObject({
      types: ['[EntityType!]', null],
      first: ['Int!', 50],
      after: ['String', null],
    });
    expect(String(query.entities!.type)).toBe('EntityConnection!');
    expect(args(query.neighborhood!)).toMatchObject({
      ids: ['[ID!]!', null],
      depth: ['Int!', 1],
      relationTypes: ['[RelationType!]', null],
      statuses: ['[RelationStatus!]', null],
      limit: ['Int!', 300],
    });
    expect(String(query.neighborhood!.type)).toBe('Subgraph!');
    expect(args(query.paths!)).toMatchObject({
      from: ['ID!', null],
      to: ['ID!', null],
      maxHops: ['Int!', 4],
      first: ['Int!', 3],
      statuses: ['[RelationStatus!]', null],
    });
    expect(String(query.paths!.type)).toBe('[Path!]!');
    expect(args(query.supplyChain!)).toMatchObject({
      product: ['ID!', null],
      direction: ['ChainDirection!', 'BOTH'],
      depth: ['Int!', 6],
      statuses: ['[RelationStatus!]', null],
    });
    expect(String(query.supplyChain!.type)).toBe('Subgraph!');
    expect(args(query.passages!)).toMatchObject({ query: ['String!', null], first: ['Int!', 20] });
    expect(String(query.passages!.type)).toBe('[PassageHit!]!');
    expect(args(query.chainGaps!)).toMatchObject({ sector: ['ID', null] });
    expect(String(query.chainGaps!.type)).toBe('[ChainGap!]!');
    expect(args(query.policyReach!)).toMatchObject({ entity: ['ID!', null] });
    expect(String(query.policyReach!.type)).toBe('[PolicyReach!]!');
    expect(String(query.stats!.type)).toBe('GraphStats!');

    const entity = schema.getType('Entity') as GraphQLInterfaceType;
    const fields = entity.getFields();
    for (const [name, type] of Object.entries({
      id: 'ID!',
      type: 'EntityType!',
      name: 'String!',
      nameEn: 'String!',
      aliases: '[String!]!',
      attributes: '[Attribute!]!',
      caveats: '[String!]!',
      evidence: '[Passage!]!',
      relations: 'RelationConnection!',
    })) {
      expect(String(fields[name]?.type), `Entity.${name}`).toBe(type);
    }
    expect(args(fields.relations!)).toMatchObject({
      direction: ['Direction!', 'BOTH'],
      types: ['[RelationType!]', null],
      first: ['Int!', 50],
      after: ['String', null],
    });
    const fieldTypes = (name: string) =>
      Object.fromEntries(
        Object.values((schema.getType(name) as GraphQLObjectType).getFields()).map((f) => [
          f.name,
          String(f.type),
        ]),
      );
    expect(fieldTypes('Edge')).toMatchObject({
      id: 'ID!',
      type: 'RelationType!',
      source: 'ID!',
      target: 'ID!',
      attributes: '[Attribute!]!',
      evidence: '[Passage!]!',
    });
    expect(fieldTypes('Subgraph')).toMatchObject({
      nodes: '[Entity!]!',
      edges: '[Edge!]!',
      truncated: 'Boolean!',
    });
    expect(fieldTypes('Path')).toMatchObject({ nodes: '[Entity!]!', edges: '[Edge!]!', length: 'Int!' });
    expect(fieldTypes('SearchHit')).toMatchObject({ entity: 'Entity!', score: 'Float!' });
    expect(fieldTypes('Passage')).toMatchObject({
      id: 'ID!',
      documentId: 'ID!',
      section: 'String!',
      text: 'String!',
    });
    expect(fieldTypes('PassageHit')).toMatchObject({
      passage: 'Passage!',
      score: 'Float!',
      entities: '[Entity!]!',
    });
    expect(fieldTypes('TypeCount')).toMatchObject({ type: 'String!', count: 'Int!' });
    expect(fieldTypes('GraphStats')).toMatchObject({
      entities: 'Int!',
      relations: 'Int!',
      passages: 'Int!',
      byType: '[TypeCount!]!',
      byRelation: '[TypeCount!]!',
      loadedAt: 'String',
      dataHash: 'String',
    });
    for (const connection of ['EntityConnection', 'RelationConnection']) {
      expect(fieldTypes(connection)).toMatchObject({ pageInfo: 'PageInfo!', totalCount: 'Int!' });
    }
    expect(fieldTypes('EntityEdge')).toMatchObject({ cursor: 'String!', node: 'Entity!' });
    expect(fieldTypes('RelationEdge')).toMatchObject({ cursor: 'String!', node: 'Edge!' });
    const enumValues = (name: string) =>
      (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
    expect(enumValues('Direction')).toEqual(['OUT', 'IN', 'BOTH']);
    expect(enumValues('ChainDirection')).toEqual(['UPSTREAM', 'DOWNSTREAM', 'BOTH']);
  });

  it('generates EntityType, RelationType and RelationStatus from src/data/model.ts, with the relation descriptions', () => {
    expect(generatedSdlIsCurrent(schemaText)).toBe(true);
    const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues();
    expect(values('EntityType').map((v) => v.name)).toEqual([...ENTITY_TYPES]);
    expect(values('RelationType').map((v) => v.name)).toEqual([...RELATION_TYPES]);
    expect(values('RelationStatus').map((v) => v.name)).toEqual([...RELATION_STATUSES]);
    for (const value of values('RelationType')) {
      expect(value.description).toContain(
        RELATION_RULES[value.name as keyof typeof RELATION_RULES].description,
      );
    }
    // A stale block is replaced, and a schema without markers gets one.
    const stale = schemaText.replace(RELATION_RULES.INPUT_TO.description, 'an older wording');
    expect(generatedSdlIsCurrent(stale)).toBe(false);
    expect(spliceGeneratedSdl(stale)).toBe(schemaText);
    const bare = 'interface Entity { id: ID! }\n';
    expect(spliceGeneratedSdl(bare)).toBe(`interface Entity { id: ID! }\n\n${renderGeneratedSdl(bare)}\n`);
  });

  it('has one object type per entity type, implementing Entity, with a typed field per model property', () => {
    const scalarOf: Record<string, string> = {};
    for (const type of ENTITY_TYPES) {
      const object = schema.getType(type);
      expect(isObject(object), type).toBe(true);
      expect((object as GraphQLObjectType).getInterfaces().map((i) => i.name)).toEqual(['Entity']);
      const fields = (object as GraphQLObjectType).getFields();
      for (const [property, zodType] of Object.entries(ENTITY_PROPERTIES[type])) {
        const field = fields[property];
        expect(field, `${type}.${property}`).toBeDefined();
        const def = (
          zodType as {
            def: { type: string; checks?: { _zod: { def: { format?: string } } }[]; entries?: object };
          }
        ).def;
        const expected =
          def.type === 'number'
            ? def.checks?.some((c) => c._zod.def.format === 'safeint')
              ? 'Int'
              : 'Float'
            : def.type === 'boolean'
              ? 'Boolean'
              : 'String';
        scalarOf[`${type}.${property}`] = String(getNamedType(field!.type));
        expect(String(field!.type), `${type}.${property}`).toBe(expected);
        // An enum-valued property documents every value it can take.
        if (def.type === 'enum' && def.entries) {
          for (const value of Object.keys(def.entries))
            expect(field!.description, `${type}.${property}`).toContain(value);
        }
      }
    }
    expect(scalarOf['Park.areaKm2']).toBe('Float');
    expect(scalarOf['Indicator.year']).toBe('Int');
  });

  it('states the enforced limits in its header, in Query.limits and in the README', () => {
    const header = schemaText.slice(0, schemaText.indexOf('type Query'));
    for (const figure of [
      `search and passages \`first\` ≤ ${LIMITS.searchFirst}`,
      `\`query\` ≤ ${LIMITS.queryLength} characters`,
      `entities \`first\` ≤ ${LIMITS.entitiesFirst}`,
      `relations \`first\` ≤ ${LIMITS.relationsFirst}`,
      `neighborhood \`ids\` ≤ ${LIMITS.neighborhoodIds}`,
      `\`depth\` ≤ ${LIMITS.neighborhoodDepth}`,
      `\`limit\` ≤ ${LIMITS.neighborhoodLimit} nodes`,
      `edges ≤ ${LIMITS.neighborhoodEdgesPerNode} × limit`,
      `paths \`maxHops\` ≤ ${LIMITS.pathsMaxHops}, \`first\` ≤ ${LIMITS.pathsFirst}`,
      `supplyChain \`depth\` ≤ ${LIMITS.supplyChainDepth}, \`limit\` ≤ ${LIMITS.supplyChainLimit} entities`,
      `stops after visiting ${LIMITS.walkVisits.toLocaleString('en')} entities`,
      `chainGaps, policyReach and scorecard \`first\` ≤ ${LIMITS.analysisFirst}`,
      `timeline \`first\` ≤ ${LIMITS.timelineFirst}`,
      `passageContext \`before\`/\`after\` ≤ ${LIMITS.passageContext}`,
      `depth ≤ ${LIMITS.queryDepth}`,
      `cost ≤ ${LIMITS.queryCost}`,
      `≤ ${LIMITS.aliases} aliases`,
      `≤ ${LIMITS.directives} directives`,
      `≤ ${LIMITS.tokens} tokens`,
      `request bodies ≤ ${LIMITS.bodyBytes / 1000} kB`,
      `≤ ${LIMITS.relationsPerRequest} relations`,
      `≤ ${LIMITS.walksPerRequest} graph walks`,
    ]) {
      expectFigure(header, figure);
    }
    const limitsType = schema.getType('Limits') as GraphQLObjectType;
    for (const name of Object.keys(limitsType.getFields())) expect(LIMITS, name).toHaveProperty(name);
  });

  it('states the defaults and maxima the API enforces in the README', () => {
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const query = schema.getQueryType()!.getFields();
    const relations = (schema.getType('Entity') as GraphQLInterfaceType).getFields().relations!;
    const byDefault = (field: GraphQLField<unknown, unknown>, argument: string) =>
      String(field.args.find((a) => a.name === argument)?.defaultValue);
    // rows that speak for two fields hold only if the two agree
    expect(byDefault(query.passages!, 'first')).toBe(byDefault(query.search!, 'first'));
    expect(LIMITS.passagesFirst).toBe(LIMITS.searchFirst);
    expect(byDefault(query.policyReach!, 'first')).toBe(byDefault(query.chainGaps!, 'first'));
    expect(byDefault(query.scorecard!, 'first')).toBe(byDefault(query.chainGaps!, 'first'));
    expect(readmeTable(readme, '| argument | default | maximum |')).toEqual({
      '`search(first)`, `passages(first)`': [
        byDefault(query.search!, 'first'),
        `${LIMITS.searchFirst} (query text ≤ ${LIMITS.queryLength} characters)`,
      ],
      '`entities(first)`': [byDefault(query.entities!, 'first'), `${LIMITS.entitiesFirst}`],
      '`Entity.relations(first)`': [byDefault(relations, 'first'), `${LIMITS.relationsFirst}`],
      '`neighborhood(ids, depth, limit)`': [
        `depth ${byDefault(query.neighborhood!, 'depth')}, limit ${byDefault(query.neighborhood!, 'limit')}`,
        `${LIMITS.neighborhoodIds} ids, depth ${LIMITS.neighborhoodDepth}, limit ${LIMITS.neighborhoodLimit} nodes (edges ≤ ${LIMITS.neighborhoodEdgesPerNode} × limit)`,
      ],
      '`paths(maxHops, first)`': [
        `${byDefault(query.paths!, 'maxHops')}, ${byDefault(query.paths!, 'first')}`,
        `${LIMITS.pathsMaxHops}, ${LIMITS.pathsFirst}`,
      ],
      '`supplyChain(depth, limit)`': [
        `depth ${byDefault(query.supplyChain!, 'depth')}, limit ${byDefault(query.supplyChain!, 'limit')}`,
        `depth ${LIMITS.supplyChainDepth}, limit ${LIMITS.supplyChainLimit} entities (edges ≤ ${LIMITS.neighborhoodEdgesPerNode} × limit)`,
      ],
      '`chainGaps(first)`, `policyReach(first)`, `scorecard(first)`': [
        byDefault(query.chainGaps!, 'first'),
        `${LIMITS.analysisFirst}`,
      ],
      '`impact(entities, first)`': [
        `first ${byDefault(query.impact!, 'first')}`,
        `${LIMITS.impactEntities} ids, first ${LIMITS.analysisFirst}`,
      ],
      '`singlePoints(first)`': [byDefault(query.singlePoints!, 'first'), `${LIMITS.analysisFirst}`],
      '`gapPartners(first, partners)`': [
        `${byDefault(query.gapPartners!, 'first')}, ${byDefault(query.gapPartners!, 'partners')}`,
        `${LIMITS.analysisFirst}, ${LIMITS.partnersFirst}`,
      ],
      '`partnerRoles(first)`': [byDefault(query.partnerRoles!, 'first'), `${LIMITS.rolesFirst}`],
      '`timeline(first)`': [byDefault(query.timeline!, 'first'), `${LIMITS.timelineFirst}`],
      '`passageContext(before, after)`': [
        `${byDefault(query.passageContext!, 'before')}, ${byDefault(query.passageContext!, 'after')}`,
        `${LIMITS.passageContext} each`,
      ],
    });
    for (const figure of [
      `depth ≤ ${LIMITS.queryDepth}`,
      `cost ≤ ${LIMITS.queryCost}`,
      `≤ ${LIMITS.aliases} aliases`,
      `≤ ${LIMITS.directives} directives`,
      `≤ ${LIMITS.tokens} tokens`,
      `at most ${LIMITS.relationsPerRequest} relations`,
      `at most ${LIMITS.walksPerRequest} graph walks`,
      `limited to ${LIMITS.bodyBytes / 1000} kB`,
    ]) {
      expectFigure(readme, figure);
    }
  });

  it('writes every default once: an argument with a default is non-null, so no resolver needs a fallback', () => {
    const nullableWithDefault: string[] = [];
    let defaults = 0;
    for (const type of ownTypes()) {
      if (!isObject(type) && !isInterface(type)) continue;
      for (const field of Object.values(type.getFields())) {
        for (const argument of field.args) {
          if (argument.defaultValue === undefined) continue;
          defaults += 1;
          if (!String(argument.type).endsWith('!'))
            nullableWithDefault.push(`${type.name}.${field.name}(${argument.name})`);
        }
      }
    }
    expect(defaults).toBeGreaterThanOrEqual(15);
    expect(nullableWithDefault).toEqual([]);
  });

  it('returns lists of non-null items everywhere (clients never filter nulls)', () => {
    const loose: string[] = [];
    for (const type of ownTypes()) {
      if (!isObject(type) && !isInterface(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const nullable = String(field.type).replace(/!$/, '');
        if (nullable.startsWith('[') && !nullable.endsWith('!]')) loose.push(`${type.name}.${field.name}`);
      }
    }
    expect(loose).toEqual([]);
  });
});

describe('argument maxima', () => {
  it('name fields and arguments the schema has, with the bounds the resolvers enforce', () => {
    for (const [key, maxima] of Object.entries(ARGUMENT_MAXIMA)) {
      const [typeName, fieldName] = key.split('.') as [string, string];
      const owners =
        typeName === 'Entity'
          ? [schema.getType('Entity'), ...ENTITY_TYPES.map((t) => schema.getType(t))]
          : [schema.getType(typeName)];
      for (const owner of owners) {
        expect(isObject(owner) || isInterface(owner), `${key}: no type ${typeName}`).toBe(true);
        const field = (owner as GraphQLObjectType).getFields()[fieldName];
        expect(field, key).toBeDefined();
        for (const argument of Object.keys(maxima)) {
          expect(
            field!.args.map((a) => a.name),
            `${key}(${argument})`,
          ).toContain(argument);
        }
      }
    }
  });
});

describe('full-text queries', () => {
  it('escapes every Lucene operator so any input is a plain search', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^i"j~k*l?m:n\\o/p')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^i\\"j\\~k\\*l\\?m\\:n\\\\o\\/p',
    );
    expect(luceneQuery('古雷')).toBe('古雷');
    expect(luceneQuery('Gulei')).toBe('gulei gulei*');
    expect(luceneQuery('AUO AND 友达')).toBe('auo auo* and and* 友达 "auo and 友达"^2');
    expect(luceneQuery("') RETURN 1 //")).toBe('return return* 1 "return 1"^2');
    expect(luceneQuery('*** ?? ""')).toBeNull();
    expect(luceneQuery('  \u0000\t ')).toBeNull();
  });

  it('sends the text as parameters only', () => {
    const query = searchQuery({ text: "古雷' }) MATCH (n) DETACH DELETE n //", types: null, first: 5 });
    expect(query.cypher).not.toContain('DETACH');
    expect(query.params).toMatchObject({ text: "古雷' }) MATCH (n) DETACH DELETE n //", scan: false });
    expect(searchQuery({ text: '雷', types: null, first: 5 }).params).toMatchObject({ scan: true });
  });
});

describe('Cypher builders', () => {
  it('send the walks their bounds as parameters, and write into the text only checked integers', () => {
    const base = { ids: ['park:xiamen-tiz'], relationTypes: null, statuses: null, limit: 10, edgeLimit: 40 };
    // One text for every depth: the walk is a loop over levels (reduce), its depth a parameter.
    expect(neighborhoodQuery({ ...base, depth: 2 }).cypher).toBe(
      neighborhoodQuery({ ...base, depth: 0 }).cypher,
    );
    expect(neighborhoodQuery({ ...base, depth: 2 }).params?.visits).toEqual(cypherInteger(WALK_VISITS));
    // cypher/shortest-paths.cypher, one ring of the search `cskg query shortest-paths` runs too: the
    // request's arguments are checked against its header whichever ring is read.
    const request = {
      from: 'a',
      to: 'b',
      maxHops: 4,
      first: 3,
      relationTypes: ['PART_OF' as const],
      statuses: null,
    };
    const paths = pathsQuery(request, ['a'], 100);
    expect(paths.params).toMatchObject({ ...request, asOf: null, around: ['a'] });
    expect(Number(paths.params?.visits)).toBe(100);
    expect(() => pathsQuery({ ...request, first: 0 }, null, 100)).toThrow(BadInputError);
    expect(() => pathsQuery({ ...request, maxHops: 7 }, null, 100)).toThrow(
      /maxHops must be between 1 and 6/,
    );
    expect(() => pathsQuery({ ...request, maxHops: 2.5 }, null, 100)).toThrow(BadInputError);
  });
});

describe('arguments and cursors', () => {
  it('names the maximum when a bound is exceeded', () => {
    expect(() => intArgument('first', 101, 0, 100)).toThrow(
      new BadInputError('first: 101 is above the maximum of 100; ask for at most 100.'),
    );
    expect(() => intArgument('depth', -1, 0, 3)).toThrow(/below the minimum of 0/);
    expect(intArgument('first', 100, 0, 100)).toBe(100);
    expect(() => textArgument('query', 'x'.repeat(201))).toThrow(/maximum of 200/);
    expect(() => textArgument('query', '   ')).toThrow(/empty/);
  });

  it('round-trips cursors and refuses foreign ones', () => {
    const cursor = encodeCursor('entity', 'park:xiamen-tiz');
    expect(decodeCursor('entity', cursor)).toBe('park:xiamen-tiz');
    expect(decodeCursor('entity', null)).toBeNull();
    expect(() => decodeCursor('relation', cursor)).toThrow(BadInputError);
    expect(() => decodeCursor('entity', '!!!')).toThrow(/not a cursor of this list/);
    expect(() => decodeCursor('entity', encodeCursor('entity', ''))).toThrow(BadInputError);
  });
});
