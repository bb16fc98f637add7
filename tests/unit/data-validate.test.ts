// The validator, rule by rule: each test writes a small graph file (YAML in the test) against the real
// plan text and asserts the file, line and message of what the validator reports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, type RuleCode, type ValidationIssue } from '../../src/data/issues.ts';
import {
  parseGraphFile,
  parseSourceDocument,
  parseSourceMetadata,
  type SourceDocument,
} from '../../src/data/read.ts';
import { validateDataSet, type ValidationResult } from '../../src/data/validate.ts';

const planText = readFileSync(new URL('../../data/sources/fujian-plan-2011.txt', import.meta.url), 'utf8');
const metadata = parseSourceMetadata(
  'data/sources/fujian-plan-2011.yaml',
  'id: fujian-plan-2011\ntitle: 福建省“十二五”建设海峡两岸产业合作基地专项规划\ntitleEn: Fujian plan\nissuer: 福建省人民政府\npublished: 2011-10-29\n',
).metadata!;
const plan: SourceDocument = parseSourceDocument(
  metadata,
  'data/sources/fujian-plan-2011.yaml',
  'data/sources/fujian-plan-2011.txt',
  planText,
);

/** List entries written in a template, re-indented by two spaces under `entities:` or `relations:`; the first line break is dropped. */
function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const indent = Math.min(
    ...raw
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => l.length - l.trimStart().length),
  );
  return raw
    .split('\n')
    .map((l) => `  ${l.slice(indent)}`)
    .join('\n');
}

function validate(files: Record<string, string>): ValidationResult {
  return validateDataSet({
    sources: [plan],
    files: Object.entries(files).map(([name, text]) => parseGraphFile(name, text)),
    issues: [],
  });
}

function errorsOf(result: ValidationResult, rule: RuleCode): ValidationIssue[] {
  return result.errors.filter((e) => e.rule === rule);
}

/** An enterprise, a park and the relation between them: valid on its own, so each test adds one fault. */
const AUO = yaml`
  - id: enterprise:auo
    type: Enterprise
    name: 友达光电
    nameEn: AU Optronics
    origin: taiwan
    quotes:
      - 发挥友达光电的带动作用`;
const XIANG_AN = yaml`
  - id: park:xiamen-xiang-an
    type: Park
    name: 翔安组团
    nameEn: Xiang'an Cluster
    kind: sub-area
    quotes:
      - 翔安组团。重点布局液晶显示器`;
const ANCHORS = yaml`
  - type: ANCHORS
    from: enterprise:auo
    to: park:xiamen-xiang-an
    status: existing
    quotes:
      - 发挥友达光电的带动作用`;
/**
 * The file the rule tests start from. Its lines: 1 entities:, 2–8 enterprise:auo (6 origin, 8 its quote),
 * 9–15 park:xiamen-xiang-an (13 kind), then extra entities from 16; relations: and the ANCHORS relation
 * (type, from, to, status on the next four lines) follow, then extra relations.
 */
const base = (extraEntities = '', extraRelations = '') =>
  ['entities:', AUO, XIANG_AN, extraEntities, 'relations:', ANCHORS, extraRelations]
    .filter(Boolean)
    .join('\n') + '\n';

describe('validateDataSet: a valid file', () => {
  it('reports nothing and resolves every quote to its passages', () => {
    const result = validate({ 'data/graph/50-test.yaml': base() });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(
      result.graph.entities.map((e) => [e.id, e.properties, e.evidence.map((x) => x.passageId), e.source]),
    ).toEqual([
      [
        'enterprise:auo',
        { origin: 'taiwan' },
        ['fujian-plan-2011:p0316'],
        { file: 'data/graph/50-test.yaml', line: 2 },
      ],
      [
        'park:xiamen-xiang-an',
        { kind: 'sub-area' },
        ['fujian-plan-2011:p0314', 'fujian-plan-2011:p0315'],
        { file: 'data/graph/50-test.yaml', line: 9 },
      ],
    ]);
    expect(result.graph.relations).toEqual([
      expect.objectContaining({
        id: 'enterprise:auo|ANCHORS|park:xiamen-xiang-an',
        status: 'existing',
        caveats: [],
        properties: {},
      }),
    ]);
    expect(result.graph.passages).toHaveLength(480);
    expect(result.graph.documents.map((d) => d.id)).toEqual(['fujian-plan-2011']);
  });

  it('gives a quote that spans two passages one evidence entry per passage, both with the whole quote', () => {
    const evidence = validate({ 'g.yaml': base() }).graph.entities[1]?.evidence ?? [];
    expect(evidence.map((e) => e.quote)).toEqual([
      '翔安组团。重点布局液晶显示器',
      '翔安组团。重点布局液晶显示器',
    ]);
    expect(planText.slice(evidence[0]?.start, evidence[0]?.end)).toBe('翔安组团。重点布局液晶显示器');
  });

  it('accepts { text, occurrence } quotes and INVESTS_IN.share', () => {
    const result = validate({
      'g.yaml': base(
        yaml`
          - id: enterprise:newland
            type: Enterprise
            name: 新大陆
            nameEn: Newland
            quotes:
              - { text: 新大陆, occurrence: 2 }`,
        yaml`
          - type: INVESTS_IN
            from: enterprise:newland
            to: enterprise:auo
            status: existing
            share: 0.58
            quotes: [帝普科技有限公司58%股份]`,
      ),
    });
    expect(result.errors).toEqual([]);
    expect(result.graph.relations[1]?.properties).toEqual({ share: 0.58 });
  });
});

describe('validateDataSet: one test per rule, with file, line and message', () => {
  it('yaml-syntax: names the line of a duplicate key', () => {
    const [error] = errorsOf(
      validate({
        'g.yaml': base().replace('    origin: taiwan', '    origin: taiwan\n    origin: mainland'),
      }),
      'yaml-syntax',
    );
    expect(error).toMatchObject({ file: 'g.yaml', line: 7 });
    expect(error?.message).toMatch(/^YAML error: Map keys must be unique/);
  });

  it('file-shape: rejects an unknown top-level key', () => {
    const [error] = errorsOf(validate({ 'g.yaml': `entitys: []\n${base()}` }), 'file-shape');
    expect(error).toMatchObject({ file: 'g.yaml', line: 1, path: 'entitys' });
    expect(error?.message).toContain('unknown top-level key "entitys"');
  });

  it('unknown-document: a file whose document is not in data/sources', () => {
    const [error] = errorsOf(
      validate({ 'g.yaml': `document: fujian-plan-2012\n${base()}` }),
      'unknown-document',
    );
    expect(error).toMatchObject({ file: 'g.yaml', line: 1, path: 'document', value: 'fujian-plan-2012' });
    expect(error?.message).toContain(
      'no source "fujian-plan-2012" in data/sources (known: fujian-plan-2011)',
    );
  });

  it('unknown-entity-type: names the allowed types', () => {
    const [error] = errorsOf(
      validate({ 'g.yaml': base().replace('type: Enterprise', 'type: Company') }),
      'unknown-entity-type',
    );
    expect(error).toMatchObject({
      file: 'g.yaml',
      line: 3,
      path: 'entities[0].type',
      value: 'Company',
      subject: 'enterprise:auo',
    });
    expect(error?.message).toContain('unknown entity type; use one of Region, Park, Sector');
  });

  it('schema: an enumeration value outside the list, and a number written as text', () => {
    const text = base().replace('kind: sub-area', 'kind: zone\n    areaKm2: "12.4"');
    const errors = errorsOf(validate({ 'g.yaml': text }), 'schema');
    expect(errors.map((e) => [e.line, e.path, e.message])).toEqual([
      [
        13,
        'entities[1].kind',
        expect.stringContaining('"kind" must be one of: comprehensive-zone, taiwan-investment-zone,'),
      ],
      [14, 'entities[1].areaKm2', '"areaKm2" must be a number, not the string "12.4"'],
    ]);
  });

  it('schema: a relation without status', () => {
    const [error] = errorsOf(validate({ 'g.yaml': base().replace('    status: existing\n', '') }), 'schema');
    expect(error).toMatchObject({
      line: 17,
      path: 'relations[0].status',
      message: 'missing required property "status"',
    });
  });

  it('unknown-property: a misspelt key, at its own line, with the allowed keys', () => {
    const [error] = errorsOf(
      validate({ 'g.yaml': base().replace('origin: taiwan', 'orign: taiwan') }),
      'unknown-property',
    );
    expect(error).toMatchObject({ file: 'g.yaml', line: 6, path: 'entities[0].orign' });
    expect(error?.message).toBe(
      'unknown property "orign" for type Enterprise; allowed: id, type, name, nameEn, aliases, caveats, quotes, homonyms, origin',
    );
  });

  it('id-pattern: upper case or a missing prefix', () => {
    const errors = errorsOf(
      validate({ 'g.yaml': base().replace('id: enterprise:auo', 'id: enterprise:AUO') }),
      'id-pattern',
    );
    expect(errors).toEqual([
      expect.objectContaining({
        line: 2,
        path: 'entities[0].id',
        value: 'enterprise:AUO',
        message: expect.stringContaining('<type in lower case>:<ascii kebab slug>'),
      }),
    ]);
  });

  it('id-type-mismatch: the prefix names another type', () => {
    const text = base()
      .replace('id: enterprise:auo', 'id: park:auo')
      .replace('from: enterprise:auo', 'from: park:auo');
    const [error] = errorsOf(validate({ 'g.yaml': text }), 'id-type-mismatch');
    expect(error).toMatchObject({
      line: 2,
      message: 'id prefix "park" does not match type Enterprise; write enterprise:auo',
    });
  });

  it('duplicate-id: across files, pointing at the first definition', () => {
    const result = validate({ 'a.yaml': base(), 'b.yaml': `entities:\n${AUO}\n` });
    const [error] = errorsOf(result, 'duplicate-id');
    expect(error).toMatchObject({
      file: 'b.yaml',
      line: 2,
      message: 'id enterprise:auo is already defined at a.yaml:2; ids are unique across all files',
    });
  });

  it('name-missing: an empty name', () => {
    const [error] = errorsOf(
      validate({ 'g.yaml': base().replace('name: 友达光电', 'name: ""') }),
      'name-missing',
    );
    expect(error).toMatchObject({ line: 4, path: 'entities[0].name' });
  });

  it('name-en-missing: absent (line of the entity) or blank (line of the key)', () => {
    const absent = errorsOf(
      validate({ 'g.yaml': base().replace('    nameEn: AU Optronics\n', '') }),
      'name-en-missing',
    );
    expect(absent).toEqual([
      expect.objectContaining({
        line: 2,
        path: 'entities[0].nameEn',
        message: 'nameEn is missing or empty; every entity has an English name',
      }),
    ]);
    const blank = errorsOf(
      validate({ 'g.yaml': base().replace('nameEn: AU Optronics', 'nameEn: "  "') }),
      'name-en-missing',
    );
    expect(blank).toEqual([expect.objectContaining({ line: 5, path: 'entities[0].nameEn' })]);
    expect(
      errorsOf(validate({ 'g.yaml': base().replace('    nameEn: AU Optronics\n', '') }), 'schema'),
    ).toEqual([]);
  });

  it('alias-equals-name and duplicate-alias', () => {
    const result = validate({
      'g.yaml': base().replace(
        '    origin: taiwan',
        '    origin: taiwan\n    aliases: [友达, 友达光电, 友达]',
      ),
    });
    expect(errorsOf(result, 'alias-equals-name')).toEqual([
      expect.objectContaining({
        line: 7,
        path: 'entities[0].aliases[1]',
        value: '友达光电',
        message: 'alias repeats the name; aliases are the other surface forms only',
      }),
    ]);
    expect(errorsOf(result, 'duplicate-alias')).toEqual([
      expect.objectContaining({ line: 7, path: 'entities[0].aliases[2]', value: '友达' }),
    ]);
  });

  it('empty-caveat: a blank caveat on an entity or a relation', () => {
    const text = base()
      .replace('    origin: taiwan', '    origin: taiwan\n    caveats:\n      - ""')
      .replace('    status: existing', '    status: existing\n    caveats: ["  "]');
    const errors = errorsOf(validate({ 'g.yaml': text }), 'empty-caveat');
    expect(errors.map((e) => [e.line, e.path])).toEqual([
      [8, 'entities[0].caveats[0]'],
      [23, 'relations[0].caveats[0]'],
    ]);
    expect(errors[0]?.message).toContain('caveat is empty');
  });

  it('no-quotes: an empty list or no quotes at all', () => {
    const empty = errorsOf(
      validate({
        'g.yaml': base().replace(
          '    quotes:\n      - 发挥友达光电的带动作用\n  - id: park',
          '    quotes: []\n  - id: park',
        ),
      }),
      'no-quotes',
    );
    expect(empty).toEqual([
      expect.objectContaining({
        line: 7,
        path: 'entities[0].quotes',
        message: expect.stringContaining('no quotes; cite the words of the plan'),
      }),
    ]);
    const none = errorsOf(
      validate({ 'g.yaml': base().replace('    quotes:\n      - 翔安组团。重点布局液晶显示器\n', '') }),
      'no-quotes',
    );
    expect(none).toEqual([expect.objectContaining({ line: 9, path: 'entities[1].quotes' })]);
  });

  it('duplicate-quote: the same words twice, whitespace aside', () => {
    const [error] = errorsOf(
      validate({
        'g.yaml': base().replace(
          '      - 发挥友达光电的带动作用\n  - id',
          '      - 发挥友达光电的带动作用\n      - 发挥友达光电的 带动作用\n  - id',
        ),
      }),
      'duplicate-quote',
    );
    expect(error).toMatchObject({
      line: 9,
      path: 'entities[0].quotes[1]',
      message: 'the same quote is cited twice; remove one',
    });
  });

  it("quote-not-found: at the quote's line, with where the source differs", () => {
    const [error] = errorsOf(
      validate({
        'g.yaml': base().replace(
          '      - 发挥友达光电的带动作用\n  - id',
          '      - 发挥友达光电的引领作用\n  - id',
        ),
      }),
      'quote-not-found',
    );
    expect(error).toMatchObject({
      file: 'g.yaml',
      line: 8,
      path: 'entities[0].quotes[0]',
      value: '发挥友达光电的引领作用',
      subject: 'enterprise:auo',
    });
    expect(error?.message).toContain(
      'quote not found in fujian-plan-2011: "发挥友达光电的引领作用": its first 7 characters occur (fujian-plan-2011:p0316, line 135)',
    );
  });

  it('quote-ambiguous: how many times, and what to write', () => {
    const [error] = errorsOf(
      validate({
        'g.yaml': base().replace('      - 发挥友达光电的带动作用\n  - id', '      - 友达光电\n  - id'),
      }),
      'quote-ambiguous',
    );
    expect(error).toMatchObject({ line: 8, path: 'entities[0].quotes[0]' });
    expect(error?.message).toContain('quote occurs 3 times in fujian-plan-2011');
    expect(error?.message).toContain('occurrence: N } with N from 1 to 3');
  });

  it('quote-occurrence: an occurrence beyond the count', () => {
    const [error] = errorsOf(
      validate({
        'g.yaml': base().replace(
          '      - 发挥友达光电的带动作用\n  - id',
          '      - { text: 友达光电, occurrence: 4 }\n  - id',
        ),
      }),
      'quote-occurrence',
    );
    expect(error).toMatchObject({
      line: 8,
      message: expect.stringContaining('occurrence 4 asked for, but the quote occurs 3 times'),
    });
  });

  it('quote-empty: a blank quote', () => {
    const [error] = errorsOf(
      validate({
        'g.yaml': base().replace('      - 发挥友达光电的带动作用\n  - id', '      - "  "\n  - id'),
      }),
      'quote-empty',
    );
    expect(error).toMatchObject({
      line: 8,
      path: 'entities[0].quotes[0]',
      message: 'quote is empty: write the words of the source that state the fact',
    });
  });

  it('indicator-year-and-period: not both', () => {
    const indicator = yaml`
      - id: indicator:taiwan-capital-2010
        type: Indicator
        name: 2010年实际利用台资
        nameEn: Taiwan capital used in 2010
        value: 26.68
        unit: 亿美元
        year: 2010
        period: 2006–2010
        kind: actual
        quotes: [2010年，我省实际利用台资26.68亿美元]`;
    const related = yaml`
      - type: MEASURES
        from: indicator:taiwan-capital-2010
        to: enterprise:auo
        status: existing
        quotes: [2010年，我省实际利用台资26.68亿美元]`;
    const [error] = errorsOf(validate({ 'g.yaml': base(indicator, related) }), 'indicator-year-and-period');
    expect(error).toMatchObject({
      line: 23,
      path: 'entities[2].period',
      message: 'give an Indicator a year or a period, not both',
    });
  });

  it('unknown-document: a Document entity whose documentId is not a source', () => {
    const doc = yaml`
      - id: document:other
        type: Document
        name: 另一规划
        nameEn: Another plan
        documentId: other-plan
        quotes: [本规划是福建省“十二五”重点专项规划之一]`;
    const [error] = errorsOf(validate({ 'g.yaml': base(doc) }), 'unknown-document');
    expect(error).toMatchObject({
      line: 20,
      path: 'entities[2].documentId',
      message: 'no source "other-plan" in data/sources',
    });
  });

  it('unknown-relation-type', () => {
    const [error] = errorsOf(
      validate({ 'g.yaml': base().replace('type: ANCHORS', 'type: LEADS') }),
      'unknown-relation-type',
    );
    expect(error).toMatchObject({ line: 17, path: 'relations[0].type', value: 'LEADS' });
    expect(error?.message).toContain('unknown relation type; use one of LOCATED_IN, PART_OF');
  });

  it('unknown-endpoint: with the nearest known id', () => {
    const [error] = errorsOf(
      validate({ 'g.yaml': base().replace('to: park:xiamen-xiang-an', 'to: park:xiamen-xiangan') }),
      'unknown-endpoint',
    );
    expect(error).toMatchObject({
      line: 19,
      path: 'relations[0].to',
      subject: 'enterprise:auo|ANCHORS|park:xiamen-xiangan',
    });
    expect(error?.message).toBe('no entity has id park:xiamen-xiangan; did you mean park:xiamen-xiang-an?');
  });

  it('endpoint-label: a label the relation type does not allow at that end', () => {
    const extra = yaml`
      - type: ANCHORS
        from: park:xiamen-xiang-an
        to: enterprise:auo
        status: existing
        quotes: [发挥友达光电的带动作用]`;
    const errors = errorsOf(validate({ 'g.yaml': base('', extra) }), 'endpoint-label');
    expect(errors.map((e) => [e.line, e.path, e.message])).toEqual([
      [24, 'relations[1].from', 'ANCHORS may start at Enterprise; park:xiamen-xiang-an is a Park'],
      [25, 'relations[1].to', 'ANCHORS may end at Park, Sector; enterprise:auo is a Enterprise'],
    ]);
  });

  it('self-loop', () => {
    const extra = yaml`
      - type: COOPERATES_WITH
        from: enterprise:auo
        to: enterprise:auo
        status: existing
        quotes: [发挥友达光电的带动作用]`;
    const [error] = errorsOf(validate({ 'g.yaml': base('', extra) }), 'self-loop');
    expect(error).toMatchObject({
      line: 25,
      path: 'relations[1].to',
      message: 'relation from enterprise:auo to itself',
    });
  });

  it('duplicate-relation: same type and ends twice, unless a key tells them apart', () => {
    const twice = errorsOf(validate({ 'g.yaml': base('', ANCHORS) }), 'duplicate-relation');
    expect(twice).toEqual([
      expect.objectContaining({
        line: 23,
        path: 'relations[1]',
        message: expect.stringContaining(
          'relation enterprise:auo|ANCHORS|park:xiamen-xiang-an is already written at g.yaml:17',
        ),
      }),
    ]);
    const keyed = validate({ 'g.yaml': base('', `${ANCHORS}\n    key: second`) });
    expect(keyed.errors).toEqual([]);
    expect(keyed.graph.relations.map((r) => r.id)).toEqual([
      'enterprise:auo|ANCHORS|park:xiamen-xiang-an',
      'enterprise:auo|ANCHORS|park:xiamen-xiang-an|second',
    ]);
  });

  it('no-relation: an entity nothing points to or from', () => {
    const lonely = yaml`
      - id: enterprise:newland
        type: Enterprise
        name: 新大陆
        nameEn: Newland
        quotes: [{ text: 新大陆, occurrence: 1 }]`;
    const [error] = errorsOf(validate({ 'g.yaml': base(lonely) }), 'no-relation');
    expect(error).toMatchObject({
      file: 'g.yaml',
      line: 16,
      path: 'entities[2]',
      subject: 'enterprise:newland',
      message: expect.stringContaining('takes part in no relation'),
    });
  });

  it('collects every error of every file, ordered by file and line, instead of stopping at the first', () => {
    const text = base()
      .replace('origin: taiwan', 'orign: taiwan')
      .replace('kind: sub-area', 'kind: zone')
      .replace('to: park:xiamen-xiang-an', 'to: park:nowhere');
    const result = validate({
      'a.yaml': `entities:\n${AUO.replace('发挥友达光电的带动作用', '不存在的引文')}\n`,
      'b.yaml': text,
    });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => `${e.file}:${e.line} ${e.rule}`)).toEqual([
      'a.yaml:8 quote-not-found',
      'b.yaml:2 duplicate-id',
      'b.yaml:6 unknown-property',
      'b.yaml:13 schema',
      'b.yaml:19 unknown-endpoint',
    ]);
    expect(formatIssue(result.errors[2]!)).toBe(
      'b.yaml:6  entities[0].orign (enterprise:auo)  unknown property "orign" for type Enterprise; allowed: id, type, name, nameEn, aliases, caveats, quotes, homonyms, origin',
    );
  });
});

describe('parseSourceMetadata', () => {
  it('reports a missing required field with its file and the line of the mapping', () => {
    const { metadata: parsed, issues } = parseSourceMetadata(
      'data/sources/x.yaml',
      'id: x\ntitle: 规划\nissuer: 福建省人民政府\npublished: 2011-10-29\n',
    );
    expect(parsed).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'data/sources/x.yaml',
        line: 1,
        path: 'titleEn',
        rule: 'source-metadata',
      }),
    ]);
  });
});
