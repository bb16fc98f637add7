// data/later, rule by rule: a small graph file (an enterprise, a park, the relation between them) and
// data/later files written in the test; each test breaks one rule and asserts the file, line and message
// reported, or checks what the validator resolves (the dates a step holds between, its stated date).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RuleCode, ValidationIssue } from '../../src/data/issues.ts';
import { compareCoarse, firstDayOf, isPartialDate } from '../../src/data/model.ts';
import {
  parseGraphFile,
  parseLaterFile,
  parseSourceDocument,
  parseSourceMetadata,
} from '../../src/data/read.ts';
import { validateDataDir, validateDataSet, type ValidationResult } from '../../src/data/validate.ts';

const planText = readFileSync(new URL('../../data/sources/fujian-plan-2011.txt', import.meta.url), 'utf8');
const plan = parseSourceDocument(
  parseSourceMetadata(
    'data/sources/fujian-plan-2011.yaml',
    'id: fujian-plan-2011\ntitle: 规划\ntitleEn: Fujian plan\nissuer: 福建省人民政府\npublished: 2011-10-29\n',
  ).metadata!,
  'data/sources/fujian-plan-2011.yaml',
  'data/sources/fujian-plan-2011.txt',
  planText,
);

const GRAPH = `entities:
  - id: enterprise:auo
    type: Enterprise
    name: 友达光电
    nameEn: AU Optronics
    origin: taiwan
    quotes: [发挥友达光电的带动作用]
  - id: park:xiamen-xiang-an
    type: Park
    name: 翔安组团
    nameEn: Xiang'an Cluster
    quotes: [翔安组团。重点布局液晶显示器]
relations:
  - { type: ANCHORS, from: enterprise:auo, to: park:xiamen-xiang-an, status: existing, quotes: [发挥友达光电的带动作用] }
`;

/** Two pages: lines 2–10 the first (dated), 11–19 the second (undated). */
const SOURCES = `sources:
  - id: web:example-2015-03-01-auo-fab
    url: https://example.com/2015/auo-fab
    publisher: Example News
    title: AUO fab
    date: "2015-03-01"
    dateBasis: page
    language: en
    kind: news
    accessed: "2026-12-06"
  - id: web:example-undated-auo
    url: https://example.com/auo
    publisher: Example News
    title: AUO profile
    date: null
    dateBasis: none
    language: en
    kind: encyclopedia
    accessed: "2026-12-06"
`;

const step = (date: string, status = 'operating', source = 'web:example-2015-03-01-auo-fab') => `
      - date: "${date}"
        status: ${status}
        summary_en: The fab ran.
        summary_zh: 工厂运行。
        source: ${source}
        where: paragraph 1
        facts: { lines: 2 }`;

/** An entry for enterprise:auo: its steps, then `rest` (latest, undated, relations, …) at the entry's indent. */
const entry = (steps: string, rest = '') => `entities:
  - entity: enterprise:auo
    steps:${steps}
${rest}`;

const latest = (date: string, status = 'operating') =>
  `    latest: { status: ${status}, date: "${date}", source: web:example-2015-03-01-auo-fab }\n`;

const undated = `    undated:
      - summary_en: A profile of the firm.
        summary_zh: 企业简介。
        source: web:example-undated-auo
        where: lead
        facts: {}
`;

function validate(later: Record<string, string>): ValidationResult {
  return validateDataSet({
    sources: [plan],
    files: [parseGraphFile('data/graph/50-test.yaml', GRAPH)],
    issues: [],
    later: Object.entries(later).map(([name, text]) => parseLaterFile(name, text)),
  });
}

const errorsOf = (result: ValidationResult, rule: RuleCode): ValidationIssue[] =>
  result.errors.filter((e) => e.rule === rule);

const where = (issue: ValidationIssue | undefined) =>
  issue ? `${issue.file}:${issue.line}  ${issue.path}` : 'none';

describe('partial dates', () => {
  it('accepts a year, a month or a day, and only real ones', () => {
    expect(['2013', '2013-07', '2013-07-30', '2012-02-29'].map(isPartialDate)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['2013-13', '2013-02-30', '13-07-30', '2013/07/30', '2013-7'].map(isPartialDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('compares at the coarser precision and starts a period on its first day', () => {
    expect(compareCoarse('2013', '2013-07-30')).toBe(0);
    expect(compareCoarse('2013-07', '2013-08-01')).toBe(-1);
    expect(firstDayOf('2013')).toBe('2013-01-01');
    expect(firstDayOf('2013-07')).toBe('2013-07-01');
  });
});

describe('data/later: a valid description', () => {
  const result = validate({
    'data/later/entities.yaml': entry(
      step('2014') + step('2014-06-02') + step('2014') + step('2016-01', 'expanded'),
      latest('2016-01', 'expanded') + undated,
    ),
    'data/later/sources.yaml': SOURCES,
  });

  it('reports nothing', () => {
    expect(result.errors).toEqual([]);
  });

  it('gives each dated step the dates it holds between, never before the step it follows', () => {
    const steps = result.graph.later.steps.filter((s) => s.status !== null);
    expect(steps.map((s) => [s.id, s.date, s.validFrom, s.validTo, s.stated])).toEqual([
      ['enterprise:auo#0', '2014', '2014-01-01', '2014-06-02', '2015-03-01'],
      ['enterprise:auo#1', '2014-06-02', '2014-06-02', '2014-06-02', '2015-03-01'],
      ['enterprise:auo#2', '2014', '2014-06-02', '2016-01-01', '2015-03-01'],
      ['enterprise:auo#3', '2016-01', '2016-01-01', null, '2015-03-01'],
    ]);
    expect(JSON.parse(steps[0]?.facts ?? '')).toEqual({ lines: 2 });
  });

  it('puts the undated facts after the dated steps, with no date and no status', () => {
    const last = result.graph.later.steps.at(-1);
    expect([last?.id, last?.status, last?.date, last?.validFrom, last?.stated]).toEqual([
      'enterprise:auo#4',
      null,
      null,
      null,
      null,
    ]);
    expect(last?.citation).toEqual({
      source: 'web:example-undated-auo',
      where: 'lead',
      summary: 'A profile of the firm.',
      summaryZh: '企业简介。',
      seeAlso: [],
    });
  });

  it('records the research on the entity and the stated date of the plan on its facts', () => {
    const auo = result.graph.entities.find((e) => e.id === 'enterprise:auo');
    expect(auo?.later).toMatchObject({ found: 'dated', status: 'expanded', date: '2016-01' });
    expect(auo?.stated).toBe('2011-10-29');
    expect(result.graph.relations[0]?.stated).toBe('2011-10-29');
  });
});

describe('data/later: every rule reports file:line', () => {
  it('a page without a URL, or with one that is not http(s)', () => {
    const result = validate({
      'data/later/entities.yaml': entry(step('2014'), latest('2014') + undated),
      'data/later/sources.yaml': SOURCES.replace('    url: https://example.com/2015/auo-fab\n', '').replace(
        'https://example.com/auo',
        'ftp://example.com/auo',
      ),
    });
    expect(errorsOf(result, 'later-citation').map((e) => [where(e), e.message])).toEqual([
      ['data/later/sources.yaml:2  sources[0].url', expect.stringMatching(/missing "url"/)],
      ['data/later/sources.yaml:11  sources[1].url', '"url": must be an http(s) address'],
    ]);
  });

  it('a step without a date, a summary or where', () => {
    const result = validate({
      'data/later/entities.yaml': entry(
        step('2014').replace('      - date: "2014"\n', '      - date: null\n') +
          step('2015')
            .replace('        summary_zh: 工厂运行。\n', '')
            .replace('        where: paragraph 1\n', ''),
        latest('2015') + undated,
      ),
      'data/later/sources.yaml': SOURCES,
    });
    expect(errorsOf(result, 'later-citation').map((e) => [where(e), e.message])).toEqual([
      [
        'data/later/entities.yaml:4  entities[0].steps[0].date',
        expect.stringMatching(/a status step has a date/),
      ],
      // missing keys are reported at the line of their step
      [
        'data/later/entities.yaml:11  entities[0].steps[1].summary_zh',
        expect.stringMatching(/missing "summary_zh" \(a later fact cites a page/),
      ],
      ['data/later/entities.yaml:11  entities[0].steps[1].where', expect.stringMatching(/missing "where"/)],
    ]);
  });

  it('steps out of date order', () => {
    const result = validate({
      'data/later/entities.yaml': entry(step('2015-03') + step('2014-12-31'), latest('2014-12-31') + undated),
      'data/later/sources.yaml': SOURCES,
    });
    expect(errorsOf(result, 'later-step-order').map((e) => [where(e), e.message])).toEqual([
      [
        'data/later/entities.yaml:11  entities[0].steps[1].date',
        'step dated 2014-12-31 follows one dated 2015-03; write the steps in date order',
      ],
    ]);
  });

  it('a step citing a page that is not in sources.yaml, or a caveat naming one; a page nothing cites', () => {
    const result = validate({
      'data/later/entities.yaml': entry(
        step('2014', 'operating', 'web:example-2015-03-01-auo-fob'),
        latest('2014') + '    caveats:\n      - "Another page (web:example-2016-auo) disagrees."\n',
      ),
      'data/later/sources.yaml': SOURCES,
    });
    expect(errorsOf(result, 'later-unknown-source').map(where)).toEqual([
      'data/later/entities.yaml:8  entities[0].steps[0].source',
      'data/later/entities.yaml:13  entities[0].caveats[0]',
    ]);
    expect(errorsOf(result, 'later-unused-source').map((e) => [where(e), e.subject])).toEqual([
      ['data/later/sources.yaml:11  ', 'web:example-undated-auo'],
    ]);
  });

  it('an entity that is not in data/graph, with the nearest id', () => {
    const result = validate({
      'data/later/entities.yaml': entry(step('2014'), latest('2014') + undated).replace(
        'entity: enterprise:auo',
        'entity: enterprise:au0',
      ),
      'data/later/sources.yaml': SOURCES,
    });
    expect(errorsOf(result, 'later-unknown-entity').map((e) => [where(e), e.message])).toEqual([
      [
        'data/later/entities.yaml:2  entities[0].entity',
        'no entity of data/graph has id enterprise:au0; did you mean enterprise:auo?',
      ],
    ]);
  });

  it('latest that is not the last step; found: none with steps', () => {
    const wrong = validate({
      'data/later/entities.yaml': entry(step('2014') + step('2015'), latest('2014') + undated),
      'data/later/sources.yaml': SOURCES,
    });
    expect(errorsOf(wrong, 'later-latest').map((e) => [where(e), e.message])).toEqual([
      [
        'data/later/entities.yaml:18  entities[0].latest',
        'latest (operating, 2014, web:example-2015-03-01-auo-fab) is not the last dated step (operating, 2015, web:example-2015-03-01-auo-fab)',
      ],
    ]);
    const none = validate({
      'data/later/entities.yaml': entry(step('2014'), latest('2014') + undated + '    found: none\n'),
      'data/later/sources.yaml': SOURCES,
    });
    expect(errorsOf(none, 'later-latest').map((e) => e.message)).toEqual([
      'found: none, yet it has steps, undated facts or latest; remove found: none',
    ]);
  });

  it('a later relation: labels its type does not allow, no validFrom, a duplicate of a fact of the plan', () => {
    const relation = (body: string) => `    relations:
      - type: ${body}
        status: existing
        summary_en: It anchors the cluster.
        summary_zh: 它是组团的龙头。
        source: web:example-2015-03-01-auo-fab
        where: paragraph 2
`;
    const result = validate({
      'data/later/entities.yaml': entry(
        step('2014'),
        latest('2014') +
          undated +
          relation(
            'ANCHORS\n        from: park:xiamen-xiang-an\n        to: enterprise:auo\n        validFrom: "2015"',
          ) +
          relation('OWNS\n        from: enterprise:auo\n        to: park:xiamen-xiang-an').replace(
            '    relations:\n',
            '',
          ) +
          relation(
            'ANCHORS\n        from: enterprise:auo\n        to: park:xiamen-xiang-an\n        validFrom: "2015"',
          ).replace('    relations:\n', ''),
      ),
      'data/later/sources.yaml': SOURCES,
    });
    expect(errorsOf(result, 'later-relation').map((e) => [where(e), e.message])).toEqual([
      [
        'data/later/entities.yaml:20  entities[0].relations[0].from',
        'ANCHORS may start at Enterprise; park:xiamen-xiang-an is a Park',
      ],
      [
        'data/later/entities.yaml:21  entities[0].relations[0].to',
        'ANCHORS may end at Park, Sector; enterprise:auo is a Enterprise',
      ],
      [
        'data/later/entities.yaml:36  entities[0].relations[2]',
        'relation enterprise:auo|ANCHORS|park:xiamen-xiang-an is already written at data/graph/50-test.yaml:14; give this one a distinct key',
      ],
    ]);
    expect(errorsOf(result, 'later-citation').map((e) => [where(e), e.message])).toEqual([
      [
        'data/later/entities.yaml:28  entities[0].relations[1].validFrom',
        expect.stringMatching(/missing "validFrom"/),
      ],
    ]);
  });
});

describe('data/later: names a page establishes', () => {
  const names = (list: string) => `names:\n${list}`;
  const name = (entity: string, text: string, source = 'web:example-2015-03-01-auo-fab') =>
    `  - { entity: ${entity}, name: ${text}, language: zh-Hant, source: ${source}, where: paragraph 1 }\n`;
  const base = {
    'data/later/entities.yaml': entry(step('2014'), latest('2014') + undated),
    'data/later/sources.yaml': SOURCES,
  };

  it('become aliases of their entity', () => {
    const result = validate({ ...base, 'data/later/names.yaml': names(name('enterprise:auo', '友達光電股份有限公司')) });
    expect(result.errors).toEqual([]);
    expect(result.graph.entities.find((e) => e.id === 'enterprise:auo')?.aliases).toEqual(['友達光電股份有限公司']);
    expect(result.graph.later.names.map((n) => [n.entity, n.name, n.language])).toEqual([
      ['enterprise:auo', '友達光電股份有限公司', 'zh-Hant'],
    ]);
  });

  it('report, at the name, one given twice, one the entity has, another entity\'s, and an unknown page', () => {
    const result = validate({
      ...base,
      'data/later/names.yaml': names(
        name('enterprise:auo', '友達光電股份有限公司') +
          name('enterprise:auo', '友達光電股份有限公司') +
          name('enterprise:auo', '友达光电') +
          name('park:xiamen-xiang-an', '友達光電股份有限公司') +
          name('enterprise:auo', 'AUO', 'web:example-2016-auo'),
      ),
    });
    expect(errorsOf(result, 'later-name').map((e) => `${where(e)}  ${e.message}`)).toEqual([
      'data/later/names.yaml:3  names[1].name  this name of enterprise:auo is already given at data/later/names.yaml:2',
      'data/later/names.yaml:4  names[2].name  enterprise:auo already has this name (its name, English name or an alias); remove the entry',
      'data/later/names.yaml:5  names[3].name  this is the name or an alias of enterprise:auo; a name names one entity',
    ]);
    expect(errorsOf(result, 'later-unknown-source').map(where)).toEqual(['data/later/names.yaml:6  names[4].source']);
  });
});

describe('data/later of this repository', () => {
  it('is valid, and every entity it describes is a project, park or enterprise of data/graph', async () => {
    const result = await validateDataDir();
    expect(result.errors.filter((e) => e.rule.startsWith('later-'))).toEqual([]);
    const { later } = result.graph;
    expect(later.sources.length).toBeGreaterThanOrEqual(240);
    const types = new Map(result.graph.entities.map((e) => [e.id, e.type]));
    expect(new Set([...later.research.keys()].map((id) => types.get(id)))).toEqual(
      new Set(['Project', 'Park', 'Enterprise']),
    );
  }, 60_000);
});
