// The opening view is chosen from the data: the layout's halves 五区 and 十园 apply to the zones and
// parks, 专栏三's headings say which is which, and the FOCUSES_ON that 专栏三 states are the sectors.
import { describe, expect, it } from 'vitest';
import type { OverviewAnswer } from '../../web/src/api/explorerApi.ts';
import { buildOverview } from '../../web/src/canvas/overview.ts';
import type { Passage } from '../../web/src/model.ts';
import { edge, entity } from './web-fixtures.ts';

const BOX = '第四章空间布局 › 专栏三：闽台产业合作总体空间布局——“五区十园”';
function passage(ordinal: number, heading: string): Passage {
  return {
    id: `fujian-plan-2011:p${ordinal}`,
    documentId: 'fujian-plan-2011',
    section: `${BOX} › ${heading}`,
    sectionPath: ['第四章空间布局', '专栏三：闽台产业合作总体空间布局——“五区十园”', heading],
    ordinal,
    text: '…',
  };
}

const zones = 'policy:five-zones';
const parks = 'policy:ten-parks';
const xiamenTiz = entity('park:xiamen-tiz', 'Park', '厦门台商投资区', 'Xiamen TIZ', {
  attributes: { kind: 'taiwan-investment-zone' },
});
const pingtan = entity('park:pingtan-comprehensive-zone', 'Park', '平潭综合实验区', 'Pingtan', {
  attributes: { kind: 'comprehensive-zone' },
});
const gulei = entity('park:gulei-taiwan-petrochemical-park', 'Park', '古雷台湾石化工业园', 'Gulei', {
  attributes: { kind: 'specialised-park' },
});
const other = entity('park:haicang-tiz', 'Park', '海沧台商投资区', 'Haicang TIZ');
const xiamen = entity('region:xiamen', 'Region', '厦门', 'Xiamen', { attributes: { level: 'city' } });
const guleiTown = entity('region:gulei', 'Region', '古雷', 'Gulei', { attributes: { level: 'area' } });
const zhangzhou = entity('region:zhangzhou', 'Region', '漳州', 'Zhangzhou', {
  attributes: { level: 'city' },
});
const fujian = entity('region:fujian', 'Region', '福建', 'Fujian', { attributes: { level: 'province' } });
const electronics = entity('sector:electronics', 'Sector', '电子信息', 'Electronics');
const biomedicine = entity('sector:biomedicine', 'Sector', '生物医药', 'Biomedicine');
const petrochem = entity('sector:petrochemicals', 'Sector', '石化', 'Petrochemicals');
const px = entity('product:px', 'Product', '对二甲苯（PX）', 'PX');

const keyed = (park: typeof gulei, ordinal: number, heading: string) => ({
  edge: edge(heading.includes('五区') ? zones : parks, 'APPLIES_TO', park.id, 'planned'),
  evidence: [passage(ordinal, heading)],
  park,
});

const answer: OverviewAnswer = {
  halves: [zones, parks],
  targets: [
    keyed(gulei, 70, '2.“十园”'),
    keyed(xiamenTiz, 66, '1.“五区”'),
    keyed(pingtan, 64, '1.“五区”'),
    {
      edge: edge('policy:fujian-cross-strait-base-plan', 'APPLIES_TO', other.id, 'planned'),
      evidence: [passage(120, '三、厦门台商投资区')],
      park: other,
    },
  ],
  around: {
    nodes: [xiamenTiz, pingtan, gulei, xiamen, guleiTown, fujian, electronics, biomedicine, petrochem, px],
    edges: [
      edge(xiamenTiz.id, 'LOCATED_IN', xiamen.id),
      edge(gulei.id, 'LOCATED_IN', guleiTown.id),
      edge(pingtan.id, 'LOCATED_IN', fujian.id),
      edge(xiamenTiz.id, 'FOCUSES_ON', electronics.id, 'planned'),
      edge(xiamenTiz.id, 'FOCUSES_ON', biomedicine.id, 'planned'),
      edge(gulei.id, 'FOCUSES_ON', petrochem.id, 'planned'),
      edge(gulei.id, 'FOCUSES_ON', px.id, 'planned'),
    ],
    truncated: false,
    sections: new Map([
      [`${xiamenTiz.id}|FOCUSES_ON|${electronics.id}`, [`${BOX} › 1.“五区”`]],
      [`${xiamenTiz.id}|FOCUSES_ON|${biomedicine.id}`, ['第四章空间布局 › 三、厦门台商投资区']],
    ]),
  },
  regionParents: {
    nodes: [guleiTown, zhangzhou],
    edges: [edge(guleiTown.id, 'LOCATED_IN', zhangzhou.id)],
    truncated: false,
  },
};

describe('buildOverview', () => {
  const overview = buildOverview(answer);
  const ids = overview.subgraph.nodes.map((n) => n.id);

  it('takes the zones and parks from what the layout’s halves apply to, in the plan’s order', () => {
    expect(overview.zones).toEqual([pingtan.id, xiamenTiz.id]);
    expect(overview.parks).toEqual([gulei.id]);
    expect(ids).not.toContain(other.id);
  });

  it('shows the sectors 专栏三 names, or else a park’s own sectors, never products', () => {
    expect(ids).toContain(electronics.id);
    expect(ids).not.toContain(biomedicine.id); // stated elsewhere, and 专栏三 names one for this zone
    expect(ids).toContain(petrochem.id); // Gulei has none from 专栏三: its sectors stand in
    expect(ids).not.toContain(px.id);
  });

  it('shows where each lies, up to its city, but not the province everything is in', () => {
    expect(ids).toEqual(expect.arrayContaining([xiamen.id, guleiTown.id, zhangzhou.id]));
    expect(ids).not.toContain(fujian.id);
    const edgeIds = overview.subgraph.edges.map((e) => e.id);
    expect(edgeIds).toContain(`${guleiTown.id}|LOCATED_IN|${zhangzhou.id}`);
    for (const e of overview.subgraph.edges) {
      expect(ids).toContain(e.source);
      expect(ids).toContain(e.target);
    }
  });
});
