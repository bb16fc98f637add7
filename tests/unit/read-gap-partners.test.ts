// How gapPartners merges the short lists of the nodes a gap's reasons pass through, and ranks the partners
// (src/read/gapPartners.ts), without a database: the statement's lists are given here as it returns them.
import { describe, expect, it } from 'vitest';
import {
  candidatesOf,
  rankPartners,
  type RawGap,
  type RawReach,
  type RawReason,
} from '../../src/read/gapPartners.ts';

const reason = (entity: string, fact: string, side = 1, taiwan = false): RawReason => ({
  entity,
  fact,
  side,
  taiwan,
});
const reach = (node: string, lists: Partial<RawReach> = {}): RawReach => ({
  node,
  park: false,
  cooperation: [],
  associations: [],
  focus: [],
  ...lists,
});
const gap = (link: string, covering: string[], targets: RawGap['targets']): RawGap => ({
  rank: 0,
  chain: 'product:c',
  link,
  kinds: ['UNCOVERED'],
  covering,
  targets,
});

describe('gapPartners: a gap picks from its nodes’ lists', () => {
  // Two gaps share the sector s; the firm f1 makes (covers) product a but not product b.
  const reaches = new Map(
    [
      reach('product:a'),
      reach('product:b'),
      reach('sector:s', {
        focus: [
          reason('enterprise:f2', 'enterprise:f2|IN_SECTOR|sector:s'),
          reason('enterprise:f1', 'enterprise:f1|IN_SECTOR|sector:s'),
        ],
      }),
    ].map((r) => [r.node, r]),
  );
  const a = gap(
    'product:a',
    ['enterprise:f1'],
    [
      { node: 'product:a', via: [] },
      { node: 'sector:s', via: ['product:a|IN_SECTOR|sector:s'] },
    ],
  );
  const b = gap(
    'product:b',
    [],
    [
      { node: 'product:b', via: [] },
      { node: 'sector:s', via: ['product:b|IN_SECTOR|sector:s'] },
    ],
  );

  it('leaves out what covers the gap, and only for that gap', () => {
    expect(candidatesOf(a, reaches, [], 10).map((c) => c.entity)).toEqual(['enterprise:f2']);
    expect(candidatesOf(b, reaches, [], 10).map((c) => c.entity)).toEqual(['enterprise:f1', 'enterprise:f2']);
  });

  it('keeps 3 × partners of each kind: the Taiwan side, then the closest, then by id', () => {
    const lists = new Map(
      [
        reach('product:x', {
          cooperation: [reason('association:z', 'association:z|COOPERATES_WITH|product:x')],
        }),
        reach('sector:near', {
          focus: [
            reason('enterprise:b', 'enterprise:b|IN_SECTOR|sector:near'),
            reason('enterprise:c', 'enterprise:c|IN_SECTOR|sector:near'),
          ],
        }),
        reach('sector:far', {
          focus: [
            reason('enterprise:t', 'enterprise:t|IN_SECTOR|sector:far', 0, true),
            reason('enterprise:a', 'enterprise:a|IN_SECTOR|sector:far'),
          ],
        }),
      ].map((r) => [r.node, r]),
    );
    const x = gap(
      'product:x',
      [],
      [
        { node: 'product:x', via: [] },
        { node: 'sector:near', via: ['product:x|IN_SECTOR|sector:near'] },
        { node: 'sector:far', via: ['product:x|IN_SECTOR|sector:near', 'sector:near|PART_OF|sector:far'] },
      ],
    );
    const picked = candidatesOf(x, lists, [], 1);
    expect(picked.map((c) => `${c.kind} ${c.entity} ${c.facts.length}`)).toEqual([
      'PLAN_COOPERATION association:z 1',
      // the Taiwan firm first however far, then the closest two; enterprise:a (farther) is cut
      'SECTOR_FOCUS enterprise:t 3',
      'SECTOR_FOCUS enterprise:b 2',
      'SECTOR_FOCUS enterprise:c 2',
    ]);
  });

  it('breaks a tie between parallel facts by their ids, the same way every time', () => {
    const lists = new Map(
      [
        reach('product:p'),
        reach('sector:up', { focus: [reason('enterprise:e', 'enterprise:e|IN_SECTOR|sector:up')] }),
      ].map((r) => [r.node, r]),
    );
    const twice = (order: string[]) =>
      gap(
        'product:p',
        [],
        [
          { node: 'product:p', via: [] },
          ...order.map((part) => ({ node: 'sector:up', via: ['product:p|IN_SECTOR|sector:s', part] })),
        ],
      );
    const parts = ['sector:s|PART_OF|sector:up|k2', 'sector:s|PART_OF|sector:up'];
    const first = candidatesOf(twice(parts), lists, [], 10)[0]?.facts;
    expect(first).toEqual([
      'product:p|IN_SECTOR|sector:s',
      'sector:s|PART_OF|sector:up',
      'enterprise:e|IN_SECTOR|sector:up',
    ]);
    expect(candidatesOf(twice([...parts].reverse()), lists, [], 10)[0]?.facts).toEqual(first);
  });
});

describe('gapPartners: the rank', () => {
  const c = (
    kind: Parameters<typeof rankPartners>[0][number]['kind'],
    entity: string,
    facts: string[],
    taiwan = false,
  ) => ({
    kind,
    entity,
    facts,
    side: taiwan ? 0 : 1,
    taiwan,
  });

  it('orders by the best kind, then the Taiwan side, then the closest, then the most reasons, then id', () => {
    const ranked = rankPartners([
      c('SECTOR_FOCUS', 'enterprise:many', ['f1', 'f2']),
      c('SECTOR_FOCUS', 'enterprise:many', ['f3', 'f4']),
      c('SECTOR_FOCUS', 'enterprise:one', ['f5', 'f6']),
      c('SECTOR_FOCUS', 'enterprise:near', ['f7']),
      c('SECTOR_FOCUS', 'enterprise:taiwan', ['f8', 'f9'], true),
      c('MAKES_ELSEWHERE', 'enterprise:maker', ['f10']),
      c('PLAN_COOPERATION', 'association:plan', ['f11', 'f12']),
      // the same kind and facts again: one reason
      c('SECTOR_FOCUS', 'enterprise:one', ['f5', 'f6']),
    ]);
    expect(ranked.map((p) => [p.entity, p.reasons.length])).toEqual([
      ['association:plan', 1],
      ['enterprise:maker', 1],
      ['enterprise:taiwan', 1],
      ['enterprise:near', 1],
      ['enterprise:many', 2],
      ['enterprise:one', 1],
    ]);
  });
});
