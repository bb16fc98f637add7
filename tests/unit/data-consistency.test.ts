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
