// The rules about the graph as a whole (src/data/consistency.ts): each test plants one error of the class
// the rule guards against in a small graph file and asserts the file:line and message it is reported at,
// then shows the corrected file passes.
import { describe, expect, it } from 'vitest';
import { errorsOf, validateFiles, where } from '../support/dataFixture.ts';

const FILE = 'data/graph/90-test.yaml';

describe('shared-name', () => {
  const file = (aliases: string, homonyms = '') => `entities:
  - id: region:haicang
    type: Region
    name: 海沧
    nameEn: Haicang District${homonyms ? `\n    homonyms: [park:xiamen-haicang-cluster]` : ''}
    level: district
    quotes: [划分为厦门本岛和岛外集美、海沧、同安、翔安四个组团]
  - id: park:xiamen-haicang-cluster
    type: Park
    name: 海沧组团
    nameEn: Haicang Cluster
    aliases: [${aliases}]${homonyms ? `\n    homonyms: [${homonyms}]` : ''}
    kind: sub-area
    quotes: [海沧组团。重点布局生物医药]
relations:
  - { type: LOCATED_IN, from: park:xiamen-haicang-cluster, to: region:haicang, status: existing, quotes: [海沧组团。重点布局生物医药] }
`;

  it('reports a name that is also an alias of another entity, on both, at the line of each', () => {
    const errors = errorsOf(validateFiles({ [FILE]: file('海沧') }), 'shared-name');
    expect(errors.map(where)).toEqual([
      `${FILE}:4  entities[0].name (region:haicang)`,
      `${FILE}:12  entities[1].aliases[0] (park:xiamen-haicang-cluster)`,
    ]);
    expect(errors[0]!.message).toContain('"海沧" also names park:xiamen-haicang-cluster');
  });

  it('accepts the shared name once each entity lists the other in homonyms', () => {
    expect(errorsOf(validateFiles({ [FILE]: file('海沧', 'region:haicang') }), 'shared-name')).toEqual([]);
  });

  it('reports a homonym that names no entity, or one that shares no name', () => {
    const unknown = errorsOf(
      validateFiles({ [FILE]: file('海沧组团东', 'region:haicang-x') }),
      'shared-name',
    );
    expect(unknown.map((e) => `${where(e)}  ${e.message}`)).toContain(
      `${FILE}:14  entities[1].homonyms[0] (park:xiamen-haicang-cluster)  no entity has id region:haicang-x`,
    );
    const unrelated = errorsOf(
      validateFiles({ [FILE]: file('海沧组团东', 'region:haicang') }),
      'shared-name',
    );
    expect(unrelated.map((e) => e.message)).toContain(
      'region:haicang shares no name or alias with park:xiamen-haicang-cluster; remove it from homonyms',
    );
  });
});

describe('structural-status and status-wording', () => {
  const file = (partOf: string, targets: string) => `entities:
  - id: policy:plan
    type: Policy
    name: 本规划
    nameEn: The plan
    quotes: [本规划是福建省“十二五”重点专项规划之一]
  - id: sector:integrated-circuits
    type: Sector
    name: 集成电路
    nameEn: Integrated circuits
    quotes: [推动闽台集成电路产业的交流合作]
  - id: sector:ic-design
    type: Sector
    name: 集成电路设计业
    nameEn: IC design
    quotes: [承接台湾集成电路设计业的转移]
relations:
  - type: PART_OF
    from: sector:ic-design
    to: sector:integrated-circuits
    status: ${partOf}
    quotes: [承接台湾集成电路设计业的转移]
  - type: TARGETS
    from: policy:plan
    to: sector:ic-design
    status: ${targets}
    quotes: [承接台湾集成电路设计业的转移]
`;

  it('reports a sub-sector link that is not existing, at its status line', () => {
    const errors = errorsOf(validateFiles({ [FILE]: file('planned', 'sought') }), 'structural-status');
    expect(errors.map(where)).toEqual([
      `${FILE}:21  relations[0].status (sector:ic-design|PART_OF|sector:integrated-circuits)`,
    ]);
    expect(errors[0]!.message).toContain('write status: existing');
  });

  it('reports a transfer the plan can only take over (承接…转移) recorded as planned', () => {
    const errors = errorsOf(validateFiles({ [FILE]: file('existing', 'planned') }), 'status-wording');
    expect(errors.map(where)).toEqual([
      `${FILE}:26  relations[1].status (policy:plan|TARGETS|sector:ic-design)`,
    ]);
  });

  it('accepts the corrected file', () => {
    const result = validateFiles({ [FILE]: file('existing', 'sought') });
    expect([...errorsOf(result, 'structural-status'), ...errorsOf(result, 'status-wording')]).toEqual([]);
  });
});

/** 1-based line of the first line of `text` containing `needle`: where the rule must point. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('sector-tree', () => {
  const sector = (id: string, name: string, kind: string, level: number | null, quote: string) =>
    `  - id: ${id}
    type: Sector
    name: ${name}
    nameEn: ${id}
    kind: ${kind}${level === null ? '' : `\n    level: ${level}`}
    quotes: [${quote}]
`;
  const partOf = (from: string, to: string, quote: string) =>
    `  - { type: PART_OF, from: ${from}, to: ${to}, status: existing, quotes: [${quote}] }\n`;
  const tree = (
    o: { softwareLevel?: number; extraParent?: boolean; memberOfAdvanced?: boolean; floating?: boolean } = {},
  ) =>
    'entities:\n' +
    sector(
      'sector:secondary-industry',
      '第二产业',
      'three-sector',
      1,
      '目前台商在闽投资中，第一产业约占10%、第二产业占65%、第三产业占25%',
    ) +
    sector(
      'sector:tertiary-industry',
      '第三产业',
      'three-sector',
      1,
      '闽台产业合作领域已由第一、二产业延伸到物流、金融等第三产业',
    ) +
    sector('sector:electronics-information', '电子信息', 'industry', 2, '促进电子信息产业向高端发展') +
    sector('sector:it-services', '信息技术应用与服务业', 'industry', 2, '信息技术应用与服务业等') +
    sector(
      'sector:software',
      '软件',
      'industry',
      o.softwareLevel ?? 3,
      '强化软件、信息化、电子商务、信息网络等方面的交流合作',
    ) +
    sector(
      'sector:advanced-manufacturing',
      '先进制造业',
      'grouping',
      null,
      '围绕先进制造业、农业、生产性服务业以及战略性新兴产业',
    ) +
    'relations:\n' +
    partOf('sector:electronics-information', 'sector:secondary-industry', '促进电子信息产业向高端发展') +
    partOf('sector:it-services', 'sector:tertiary-industry', '信息技术应用与服务业等') +
    (o.floating
      ? ''
      : partOf(
          'sector:software',
          'sector:it-services',
          '强化软件、信息化、电子商务、信息网络等方面的交流合作',
        )) +
    (o.extraParent
      ? partOf('sector:software', 'sector:electronics-information', '促进电子信息产业向高端发展')
      : '') +
    partOf(
      'sector:advanced-manufacturing',
      'sector:secondary-industry',
      '围绕先进制造业、农业、生产性服务业以及战略性新兴产业',
    ) +
    partOf(
      'sector:electronics-information',
      'sector:advanced-manufacturing',
      '围绕先进制造业、农业、生产性服务业以及战略性新兴产业',
    ) +
    (o.memberOfAdvanced
      ? partOf(
          'sector:software',
          'sector:advanced-manufacturing',
          '围绕先进制造业、农业、生产性服务业以及战略性新兴产业',
        )
      : '');

  it('accepts a tree with one parent per industry, levels by depth and a grouping across it', () => {
    expect(validateFiles({ [FILE]: tree() }).errors).toEqual([]);
  });

  it('reports a second parent in the tree (software under electronics as well as under IT services)', () => {
    const text = tree({ extraParent: true });
    const errors = errorsOf(validateFiles({ [FILE]: text }), 'sector-tree');
    expect(errors.map(where)).toEqual([
      `${FILE}:${lineOf(text, 'from: sector:software, to: sector:electronics-information')}  relations[3].to (sector:software|PART_OF|sector:electronics-information)`,
    ]);
    expect(errors[0]!.message).toContain('counts it twice in a roll-up');
  });

  it('reports a level that contradicts the tree, at the level line', () => {
    const text = tree({ softwareLevel: 2 });
    const errors = errorsOf(validateFiles({ [FILE]: text }), 'sector-tree');
    expect(errors.map(where)).toEqual([
      `${FILE}:${lineOf(text, 'nameEn: sector:software') + 2}  entities[4].level (sector:software)`,
    ]);
    expect(errors[0]!.message).toBe('level must be 3, one below its parent sector:it-services (level 2)');
  });

  it('reports a floating industry and a grouping member that rolls up to another root', () => {
    const floating = errorsOf(validateFiles({ [FILE]: tree({ floating: true }) }), 'sector-tree');
    expect(floating.map((e) => e.message)).toEqual([
      'an industry needs one parent in the tree of 三次产业 (PART_OF another industry or a root): it floats, so a roll-up by 三次产业 misses it',
    ]);
    const text = tree({ memberOfAdvanced: true });
    const member = errorsOf(validateFiles({ [FILE]: text }), 'sector-tree');
    expect(member.map((e) => `${where(e)}  ${e.message}`)).toEqual([
      `${FILE}:${lineOf(text, 'from: sector:software, to: sector:advanced-manufacturing')}  relations[5].from (sector:software|PART_OF|sector:advanced-manufacturing)  sector:software rolls up to sector:tertiary-industry, but the grouping sector:advanced-manufacturing lies under sector:secondary-industry`,
    ]);
  });
});

describe('process-kind', () => {
  const file = (refiningKind: string | null) => `entities:
  - id: product:oil-refining
    type: Product${refiningKind ? `\n    kind: ${refiningKind}` : ''}
    name: 炼油
    nameEn: Oil refining
    quotes: [1600万吨/年炼油]
  - id: product:ethylene
    type: Product
    kind: good
    name: 乙烯
    nameEn: Ethylene
    quotes: [120万吨/年乙烯的炼化一体化项目为龙头]
relations:
  - { type: INPUT_TO, from: product:oil-refining, to: product:ethylene, status: planned, quotes: [1600万吨/年炼油] }
`;

  it('reports a process filed as a good on a chain link, at its kind', () => {
    const errors = errorsOf(validateFiles({ [FILE]: file('good') }), 'process-kind');
    expect(errors.map((e) => `${where(e)}  ${e.message}`)).toEqual([
      `${FILE}:4  entities[0].kind (product:oil-refining)  "炼油" names a process, not a good: write kind: process`,
    ]);
  });

  it('reports a product without a kind, at its type', () => {
    const errors = errorsOf(validateFiles({ [FILE]: file(null) }), 'process-kind');
    expect(errors.map(where)).toEqual([`${FILE}:3  entities[0].type (product:oil-refining)`]);
  });

  it('accepts the process flagged', () => {
    expect(errorsOf(validateFiles({ [FILE]: file('process') }), 'process-kind')).toEqual([]);
  });
});

describe('group-members', () => {
  const file = (owns: boolean) => `entities:
  - id: enterprise:xianglu-group
    type: Enterprise
    name: 翔鹭集团
    nameEn: Xianglu Group
    quotes: [友达企业、翔鹭集团、正新企业]
  - id: enterprise:xianglu-chemical-fibre
    type: Enterprise
    name: 翔鹭化纤
    nameEn: Xianglu Chemical Fiber
    quotes: [华阳电业、翔鹭化纤、腾龙芳烃]
relations:
  - { type: ${owns ? 'OWNS' : 'COOPERATES_WITH'}, from: enterprise:xianglu-group, to: enterprise:xianglu-chemical-fibre, status: existing, quotes: [友达企业、翔鹭集团、正新企业] }
`;

  it('reports a company that carries a group’s name without the group owning it, at its name', () => {
    const errors = errorsOf(validateFiles({ [FILE]: file(false) }), 'group-members');
    expect(errors.map((e) => `${where(e)}  ${e.message}`)).toEqual([
      `${FILE}:9  entities[1].name (enterprise:xianglu-chemical-fibre)  "翔鹭化纤" carries the name of the group enterprise:xianglu-group (翔鹭集团) but the group does not own it: add OWNS from the group, quoting the passages that name both`,
    ]);
  });

  it('accepts the ownership', () => {
    expect(errorsOf(validateFiles({ [FILE]: file(true) }), 'group-members')).toEqual([]);
  });
});

describe('number-bound, measure-threshold, growth-base and clause-twice', () => {
  const indicator = (id: string, name: string, extra: string, quote: string) => `  - id: ${id}
    type: Indicator
    name: ${name}
    nameEn: ${id}
    kind: actual
    year: 2010${extra}
    quotes: [${quote}]
`;
  const OVER_700 = '全省投资总额千万美元以上的台资企业700多家';
  const TEN = '10家年销售收入超百亿的台资企业';

  it('reports a lower bound (700多家) recorded as exact, and a figure without a bound', () => {
    const text = `entities:\n${indicator('indicator:firms', '投资总额千万美元以上的台资企业700多家', '\n    value: 700\n    unit: 家\n    bound: exact', OVER_700)}${indicator('indicator:firms-unbounded', '台资企业700多家', '\n    value: 700\n    unit: 家', OVER_700)}`;
    const errors = errorsOf(validateFiles({ [FILE]: text }), 'number-bound');
    expect(errors.map((e) => `${where(e)}  ${e.message}`)).toEqual([
      `${FILE}:${lineOf(text, 'bound: exact')}  entities[0].bound (indicator:firms)  "投资总额千万美元以上的台资企业700多家" bounds its figure (以上), so it is not exact: write at-least, at-most or about (or a threshold with its bound)`,
      `${FILE}:${lineOf(text, 'nameEn: indicator:firms-unbounded') + 3}  entities[1].value (indicator:firms-unbounded)  a figure needs a bound: exact, at-least (多, 以上), at-most (以下) or about (左右, 约)`,
    ]);
    const fixed = text
      .replace('bound: exact', 'bound: at-least')
      .replace('unit: 家\n    quotes', 'unit: 家\n    bound: at-least\n    quotes');
    expect(errorsOf(validateFiles({ [FILE]: fixed }), 'number-bound')).toEqual([]);
  });

  it('reports a measure whose threshold lives only in its name', () => {
    const text = `entities:
  - id: measure:approval
    type: Measure
    name: 5亿美元以下项目委托省级核准
    nameEn: Provincial approval under US$500 million
    kind: approval
    quotes: [委托省级投资主管部门核准]
`;
    const errors = errorsOf(validateFiles({ [FILE]: text }), 'measure-threshold');
    expect(errors.map(where)).toEqual([`${FILE}:4  entities[0].name (measure:approval)`]);
    expect(errors[0]!.message).toContain('the name states 5亿');
    const fixed = text.replace(
      'kind: approval',
      'kind: approval\n    threshold: 5\n    thresholdUnit: 亿美元\n    thresholdBound: at-most',
    );
    expect(errorsOf(validateFiles({ [FILE]: fixed }), 'measure-threshold')).toEqual([]);
  });

  it('reports a growth rate not tied to its base value, and accepts it with BASED_ON', () => {
    const q = '实现对台贸易103.89亿美元，比增48.58%';
    const text = (based: boolean) =>
      `entities:\n${indicator('indicator:trade', '2010年对台贸易103.89亿美元', '\n    value: 103.89\n    unit: 亿美元\n    bound: exact', q)}${indicator('indicator:trade-growth', '2010年对台贸易比增48.58%', '\n    value: 48.58\n    unit: "%"\n    bound: exact', q)}` +
      (based
        ? `relations:\n  - { type: BASED_ON, from: indicator:trade-growth, to: indicator:trade, status: existing, quotes: [${q}] }\n`
        : '');
    const errors = errorsOf(validateFiles({ [FILE]: text(false) }), 'growth-base');
    expect(errors.map(where)).toEqual([
      `${FILE}:${lineOf(text(false), 'name: 2010年对台贸易比增')}  entities[1].name (indicator:trade-growth)`,
    ]);
    expect(errorsOf(validateFiles({ [FILE]: text(true) }), 'growth-base')).toEqual([]);
  });

  it('reports one clause modelled as two indicators, on the part', () => {
    const text = `entities:\n${indicator('indicator:ten-firms', TEN, '\n    value: 10\n    unit: 家\n    bound: exact', TEN)}${indicator('indicator:sales', '年销售收入超百亿', '\n    value: 100\n    unit: 亿元\n    bound: at-least', TEN)}`;
    const errors = errorsOf(validateFiles({ [FILE]: text }), 'clause-twice');
    expect(errors.map((e) => `${where(e)}  ${e.message}`)).toEqual([
      `${FILE}:${lineOf(text, 'name: 年销售收入超百亿')}  entities[1].name (indicator:sales)  "年销售收入超百亿" is part of the clause of indicator:ten-firms (10家年销售收入超百亿的台资企业) on the same passage: record it there as a threshold rather than as a second indicator`,
    ]);
  });
});

describe('indicator-enumeration', () => {
  const zone = (id: string, name: string, level: boolean, quote: string) => `  - id: park:${id}
    type: Park
    name: ${name}
    nameEn: ${id}
    kind: taiwan-investment-zone${level ? '\n    level: national' : ''}
    quotes: [${quote}]
`;
  const file = (xiamenNational: boolean) =>
    `entities:
  - id: indicator:national-zones
    type: Indicator
    name: 2个国家级台商投资区
    nameEn: National zones
    value: 2
    unit: 个
    bound: exact
    year: 2010
    kind: actual
    enumerates: true
    quotes: [已建立4个国家级台商投资区]
` +
    zone('haicang-tiz', '海沧台商投资区', true, '以现有海沧、集美、杏林3个台商投资区') +
    zone('fuzhou-tiz', '福州台商投资区', true, '福州台商投资区将从马尾扩大到罗源湾南北两岸') +
    zone('xiamen-tiz', '厦门台商投资区', xiamenNational, '将台商投资区范围扩大到全市') +
    `relations:
  - { type: MEASURES, from: indicator:national-zones, to: park:haicang-tiz, status: existing, quotes: [已建立4个国家级台商投资区] }
  - { type: MEASURES, from: indicator:national-zones, to: park:fuzhou-tiz, status: existing, quotes: [已建立4个国家级台商投资区] }
`;

  it('reports a zone marked national beyond the count the plan gives, at its level', () => {
    const text = file(true);
    const errors = errorsOf(validateFiles({ [FILE]: text }), 'indicator-enumeration');
    expect(errors.map(where)).toEqual([
      `${FILE}:${lineOf(text, 'nameEn: xiamen-tiz') + 2}  entities[3].level (park:xiamen-tiz)`,
    ]);
    expect(errors[0]!.message).toContain("the plan's count leaves no room for it");
  });

  it('reports a count that its members do not match, and accepts the corrected file', () => {
    const short = file(false).replace(
      / {2}- \{ type: MEASURES, from: indicator:national-zones, to: park:fuzhou-tiz.*\n/,
      '',
    );
    expect(
      errorsOf(validateFiles({ [FILE]: short }), 'indicator-enumeration').map((e) => e.message),
    ).toContain('counts 2 but MEASURES 1 entities (park:haicang-tiz)');
    expect(errorsOf(validateFiles({ [FILE]: file(false) }), 'indicator-enumeration')).toEqual([]);
  });
});

describe('port-airport-site', () => {
  const file = (from: string) => `entities:
  - id: region:xiamen
    type: Region
    name: 厦门
    nameEn: Xiamen
    level: city
    quotes: [将台商投资区范围扩大到全市]
  - id: park:xiamen-airport
    type: Park
    name: 厦门国际机场
    nameEn: Xiamen International Airport
    kind: airport
    quotes: [依托福州、厦门、泉州国际机场]
  - id: sector:aircraft-maintenance
    type: Sector
    name: 航空维修业
    nameEn: Aircraft maintenance
    quotes: [吸引台湾航空维修业转移]
relations:
  - { type: LOCATED_IN, from: park:xiamen-airport, to: region:xiamen, status: existing, quotes: [依托福州、厦门、泉州国际机场] }
  - type: SUPPORTS
    from: ${from}
    to: sector:aircraft-maintenance
    status: existing
    quotes: [依托福州、厦门、泉州国际机场]
`;

  it('reports a city standing in for its airport, at the from line', () => {
    const text = file('region:xiamen');
    const errors = errorsOf(validateFiles({ [FILE]: text }), 'port-airport-site');
    expect(errors.map(where)).toEqual([
      `${FILE}:${lineOf(text, 'from: region:xiamen')}  relations[1].from (region:xiamen|SUPPORTS|sector:aircraft-maintenance)`,
    ]);
    expect(errors[0]!.message).toContain('write it from the port or airport');
  });

  it('accepts the fact written from the airport', () => {
    expect(errorsOf(validateFiles({ [FILE]: file('park:xiamen-airport') }), 'port-airport-site')).toEqual([]);
  });
});
