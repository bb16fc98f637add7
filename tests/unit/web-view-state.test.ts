// The view as a URL: encode and decode are inverse, defaults stay out, malformed input falls back.
import { describe, expect, it } from 'vitest';
import {
  decodeViewState,
  DEFAULT_STATE,
  encodeViewState,
  type ViewState,
} from '../../web/src/explorer/viewState.ts';

describe('view state in the URL', () => {
  it('round-trips a full state', () => {
    const state: ViewState = {
      base: { kind: 'chain', product: 'product:px', direction: 'UPSTREAM', depth: 4 },
      ops: [
        { op: 'add', id: 'enterprise:auo' },
        { op: 'expand', id: 'park:xiamen-tiz' },
        { op: 'more', id: 'park:xiamen-tiz' },
        { op: 'hide', id: 'region:xiamen' },
        { op: 'pin', id: 'park:xiamen-tiz' },
      ],
      lang: 'en',
      layout: 'concentric',
      selected: 'product:px|INPUT_TO|product:pta',
      hiddenTypes: ['Region', 'Indicator'],
      hiddenRelations: ['LOCATED_IN'],
      hiddenStatuses: ['sought'],
      pathIndex: 0,
      year: 2014,
    };
    const query = encodeViewState(state);
    expect(query).toContain('product=product:px');
    expect(query).toContain('year=2014');
    expect(query).toContain(
      'ops=a.enterprise:auo,x.park:xiamen-tiz,m.park:xiamen-tiz,h.region:xiamen,p.park:xiamen-tiz',
    );
    expect(query).toContain('types=-Region,-Indicator');
    expect(decodeViewState(query)).toEqual(state);
    expect(decodeViewState(`?${query}`)).toEqual(state);
  });

  it('keeps the year the view is seen as of within 2011 and this year; none is today', () => {
    expect(decodeViewState('view=overview&year=2014').year).toBe(2014);
    expect(decodeViewState('view=overview&year=1999').year).toBe(2011);
    expect(decodeViewState('view=overview&year=9999').year).toBe(new Date().getFullYear());
    expect(decodeViewState('view=overview').year).toBeNull();
    expect(encodeViewState({ ...DEFAULT_STATE, year: null })).not.toContain('year');
  });

  it('round-trips paths with the highlighted path, and the whole graph', () => {
    const paths: ViewState = {
      ...DEFAULT_STATE,
      base: { kind: 'paths', from: 'association:ttvma', to: 'enterprise:soueast', maxHops: 5 },
      pathIndex: 2,
    };
    expect(decodeViewState(encodeViewState(paths))).toEqual(paths);
    const whole: ViewState = { ...DEFAULT_STATE, base: { kind: 'whole' } };
    expect(decodeViewState(encodeViewState(whole))).toEqual(whole);
    const map: ViewState = {
      ...DEFAULT_STATE,
      base: { kind: 'map' },
      lang: 'zh-Hant',
      selected: 'region:taichung',
    };
    expect(encodeViewState(map)).toBe('view=map&lang=zh-Hant&sel=region:taichung');
    expect(decodeViewState(encodeViewState(map))).toEqual(map);
    const overviewOnMap: ViewState = { ...DEFAULT_STATE, layout: 'map' };
    expect(decodeViewState(encodeViewState(overviewOnMap))).toEqual(overviewOnMap);
  });

  it('leaves defaults out of the URL', () => {
    expect(encodeViewState(DEFAULT_STATE)).toBe('view=overview');
    expect(decodeViewState('')).toEqual(DEFAULT_STATE);
  });

  it('falls back to defaults on malformed input instead of failing', () => {
    const state = decodeViewState(
      'view=chain&depth=99&layout=spiral&lang=fr&status=-maybe,-planned&ops=zz.x,x.,expand',
    );
    expect(state.base).toEqual({ kind: 'overview' }); // a chain needs a product
    expect(state.layout).toBeNull();
    expect(state.lang).toBe('zh-Hans');
    expect(state.hiddenStatuses).toEqual(['planned']);
    expect(state.ops).toEqual([]);
    expect(decodeViewState('view=chain&product=product:px&depth=0').base).toMatchObject({ depth: 1 });
    // beyond the API's limits is the controller's to bring within them (web-explorer.test.ts)
    expect(decodeViewState('view=chain&product=product:px&depth=99').base).toMatchObject({ depth: 99 });
  });
});
