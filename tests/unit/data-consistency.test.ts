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
    expect(result.errors).toEqual([]);
  });
});
