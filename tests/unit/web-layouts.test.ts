// The explorer's own layouts, as pure functions: columns for the opening view, rows for paths, tiers for
// chains, and the seeded random that makes every fcose run repeatable.
import { describe, expect, it } from 'vitest';
import { columnOf, columnsLayout, spread } from '../../web/src/canvas/columns.ts';
import { tierProducts } from '../../web/src/canvas/chain.ts';
import { seededRandom } from '../../web/src/canvas/layouts.ts';
import { pathPositions } from '../../web/src/canvas/pathsLayout.ts';
import { edge } from './web-fixtures.ts';

describe('columnsLayout', () => {
  const nodes = [
    { id: 'region:fuzhou', type: 'Region', level: 'city', size: 20, labelWidth: 24 },
    { id: 'region:mawei', type: 'Region', level: 'district', size: 14, labelWidth: 24 },
    { id: 'region:zhangzhou', type: 'Region', level: 'city', size: 20, labelWidth: 24 },
    { id: 'park:fuzhou-tiz', type: 'Park', rank: 0, size: 40, labelWidth: 91 },
    { id: 'park:gulei', type: 'Park', rank: 1, size: 30, labelWidth: 117 },
    { id: 'sector:petrochemicals', type: 'Sector', size: 16, labelWidth: 24 },
    { id: 'sector:flat-panel', type: 'Sector', size: 16, labelWidth: 72 },
  ];
  const edges = [
    { source: 'park:fuzhou-tiz', target: 'region:mawei' },
    { source: 'region:mawei', target: 'region:fuzhou' },
    { source: 'park:gulei', target: 'region:zhangzhou' },
    { source: 'park:gulei', target: 'sector:petrochemicals' },
    { source: 'park:fuzhou-tiz', target: 'sector:flat-panel' },
  ];
  const placed = columnsLayout(nodes, edges);
  const at = (id: string) => placed.get(id)!;

  it('puts where on the left, the zones and parks in the middle, what they focus on on the right', () => {
    expect(at('region:fuzhou').x).toBeLessThan(at('region:mawei').x);
    expect(at('region:mawei').x).toBeLessThan(at('park:gulei').x);
    expect(at('park:gulei').x).toBeLessThan(at('sector:petrochemicals').x);
    expect(columnOf({ id: 'x', type: 'Region', level: 'province' })).toBe(0);
    expect(columnOf({ id: 'x', type: 'Product' })).toBeGreaterThan(columnOf({ id: 'x', type: 'Sector' }));
  });

  it('keeps the plan’s order in the middle and puts each neighbour level with what it belongs to', () => {
    expect(at('park:fuzhou-tiz').y).toBeLessThan(at('park:gulei').y);
    expect(at('sector:flat-panel').y).toBeLessThan(at('sector:petrochemicals').y);
    expect(at('region:fuzhou').y).toBeLessThan(at('region:zhangzhou').y);
  });

  it('puts labels outwards, and the middle column’s to the left', () => {
    expect(at('region:fuzhou').side).toBe('left');
    expect(at('park:gulei').side).toBe('left');
    expect(at('sector:flat-panel').side).toBe('right');
    // the gap before the parks holds their labels
    expect(at('park:gulei').x - at('region:mawei').x).toBeGreaterThanOrEqual(117 + 60);
  });

  it('gives a wrapped label the rows it needs', () => {
    const rows = columnsLayout(
      [
        { id: 'park:a', type: 'Park', rank: 0, size: 20, labelLines: 3 },
        { id: 'park:b', type: 'Park', rank: 1, size: 20, labelLines: 3 },
        { id: 'park:c', type: 'Park', rank: 2, size: 20, labelLines: 1 },
        { id: 'park:d', type: 'Park', rank: 3, size: 20, labelLines: 1 },
      ],
      [],
    );
    expect(rows.get('park:b')!.y - rows.get('park:a')!.y).toBeGreaterThanOrEqual(3 * 15);
    expect(rows.get('park:d')!.y - rows.get('park:c')!.y).toBeLessThan(3 * 15);
  });

  it('spreads rows apart without overlaps', () => {
    const ys = spread([0, 0, 0, 100], [20, 20, 20, 20]);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(20);
  });
});

describe('pathPositions', () => {
  it('puts the start left, the end right and every hop one column on, one row per path', () => {
    const a = { id: 'association:ttvma' };
    const b = { id: 'enterprise:soueast' };
    const positions = pathPositions([
      { nodes: [a, { id: 'park:qingkou' }, { id: 'project:soueast-phase-4' }, b] },
      { nodes: [a, { id: 'park:fuzhou-tiz' }, { id: 'project:soueast-ev' }, b] },
      { nodes: [a, { id: 'region:fuzhou' }, b] },
    ]);
    expect(positions.get(a.id)).toEqual({ x: 0, y: 0 });
    expect(positions.get(b.id)!.x).toBeGreaterThan(positions.get('project:soueast-phase-4')!.x);
    expect(positions.get('park:qingkou')!.y).not.toBe(positions.get('park:fuzhou-tiz')!.y);
    expect(positions.get('region:fuzhou')!.x).toBeGreaterThan(0);
  });
});

describe('tierProducts', () => {
  it('gives each product its longest distance from the start of the chain, and survives a cycle', () => {
    const products = ['product:a', 'product:b', 'product:c', 'product:d'];
    const tiers = tierProducts(products, [
      edge('product:a', 'INPUT_TO', 'product:b'),
      edge('product:b', 'INPUT_TO', 'product:c'),
      edge('product:a', 'INPUT_TO', 'product:c'),
      edge('product:c', 'INPUT_TO', 'product:a'),
    ]);
    expect(tiers.get('product:d')).toBe(0);
    expect(tiers.get('product:c')! > tiers.get('product:b')!).toBe(true);
    for (const tier of tiers.values()) expect(tier).toBeLessThan(products.length);
  });
});

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });
});
