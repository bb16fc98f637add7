// The explorer's API client without a network: requests it sends, answers it maps, and failures it turns
// into messages a person can act on.
import fs from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ApiError, GraphQLClient, type Fetch } from '../../web/src/api/client.ts';
import { createExplorerApi } from '../../web/src/api/explorerApi.ts';
import type { Limits, Passage } from '../../web/src/model.ts';
import { sectionAround } from '../../web/src/passages.ts';
import { describeError } from '../../web/src/ui/errors.ts';
import { edge, gulei, gulieTown, tenglong } from './web-fixtures.ts';

function answering(
  body: unknown,
  status = 200,
): { fetch: Fetch; sent: { query: string; variables: Record<string, unknown> }[] } {
  const sent: { query: string; variables: Record<string, unknown> }[] = [];
  return {
    sent,
    fetch: async (_url, init) => {
      sent.push(JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> });
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    },
  };
}

describe('GraphQLClient', () => {
  it('posts JSON to /graphql and returns data', async () => {
    const { fetch, sent } = answering({ data: { stats: { entities: 1 } } });
    const data = await new GraphQLClient('/graphql', fetch).request<{ stats: { entities: number } }>(
      'query { stats { entities } }',
    );
    expect(data.stats.entities).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('turns GraphQL errors, HTTP failures and network failures into ApiErrors that say what happened', async () => {
    const down = answering(
      { errors: [{ message: 'bolt://x is not reachable', extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
      503,
    );
    const error = await new GraphQLClient('/graphql', down.fetch)
      .request('query { stats { entities } }')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('SERVICE_UNAVAILABLE');
    expect((error as ApiError).message).toMatch(/database is not available.*not reachable/);

    const broken = async () =>
      new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    await expect(new GraphQLClient('/graphql', broken).request('{ x }')).rejects.toMatchObject({
      kind: 'http',
      code: '502',
    });

    const offline = async (): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    };
    await expect(new GraphQLClient('/graphql', offline).request('{ x }')).rejects.toMatchObject({
      kind: 'network',
    });
  });

  it('cancels a request when asked', async () => {
    const slow: Fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const controller = new AbortController();
    const request = new GraphQLClient('/graphql', slow).request('{ x }', {}, { signal: controller.signal });
    controller.abort();
    await expect(request).rejects.toMatchObject({ kind: 'aborted' });
  });
});

const LIMITS: Limits = {
  searchFirst: 100,
  entitiesFirst: 1000,
  neighborhoodIds: 100,
  neighborhoodLimit: 5000,
  pathsMaxHops: 6,
  pathsFirst: 10,
  supplyChainDepth: 10,
  supplyChainLimit: 5000,
  passageContext: 50,
};

describe('createExplorerApi', () => {
  it('asks only what schema.graphql answers, the limits among it', async () => {
    const sent: string[] = [];
    const refusing: Fetch = async (_url, init) => {
      sent.push((JSON.parse(String(init.body)) as { query: string }).query);
      return new Response('{}', { status: 503 });
    };
    const api = createExplorerApi(new GraphQLClient('/graphql', refusing));
    const calls: Promise<unknown>[] = [
      api.limits(),
      api.stats(),
      api.search('古雷', 10),
      api.entity(gulei.id),
      api.relation('x'),
      api.neighborhood([gulei.id]),
      api.paths(gulei.id, tenglong.id, 4, 3),
      api.supplyChain('product:px', 'BOTH', 6, 500),
      api.chainGaps('product:px'),
      api.passageContext('p1', 5, 5),
      api.policyReach(gulei.id),
      api.overview('policy:x', LIMITS),
      api.wholeGraph(LIMITS, 1000),
    ];
    await Promise.allSettled(calls);
    expect(sent).toHaveLength(calls.length);
    const schema = buildSchema(fs.readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
    for (const query of sent) expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
    expect(sent[0]).toMatch(/limits\s*\{/);
  });

  it('reads the whole graph within the API’s limits: a page of entities, neighbourhoods in chunks', async () => {
    const sent: { query: string; variables: Record<string, unknown> }[] = [];
    const ids = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id: `region:${id}`, degree: id.charCodeAt(0) }));
    const fetch: Fetch = async (_url, init) => {
      const request = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      sent.push(request);
      const data = request.query.includes('WholeGraphIds')
        ? { entities: { totalCount: 6, edges: ids.map((node) => ({ node })) } }
        : {
            neighborhood: {
              truncated: false,
              nodes: (request.variables.ids as string[]).map((id) => ({ ...gulieTown, id })),
              edges: [],
            },
          };
      return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
    };
    const limits = { ...LIMITS, entitiesFirst: 5, neighborhoodIds: 2, neighborhoodLimit: 7 };
    const api = createExplorerApi(new GraphQLClient('/graphql', fetch));
    const graph = await api.wholeGraph(limits, 100);
    expect(sent[0]?.variables).toEqual({ first: 5 });
    const walks = sent.slice(1).map((r) => r.variables);
    expect(walks[0]).toMatchObject({ ids: ['region:e', 'region:d'], depth: 2, limit: 7 });
    // each walk asks for no more than the room left under the limit
    expect(walks.slice(1)).toEqual([
      expect.objectContaining({ ids: ['region:a', 'region:b'], depth: 1, limit: 5 }),
      expect.objectContaining({ ids: ['region:c'], depth: 1, limit: 3 }),
    ]);
    expect(graph.nodes).toHaveLength(5);
    expect(graph.truncated).toBe(true); // 6 entities, a page of 5

    // what the canvas can draw caps it too: once the hubs' neighbourhood fills it, no more walks
    sent.length = 0;
    const part = await api.wholeGraph({ ...limits, entitiesFirst: 5 }, 3);
    expect(sent.slice(1).map((r) => r.variables)).toEqual([
      expect.objectContaining({ ids: ['region:e', 'region:d'], depth: 2, limit: 3 }),
      expect.objectContaining({ ids: ['region:a', 'region:b'], depth: 1, limit: 1 }),
    ]);
    expect(part.truncated).toBe(true);
  });

  it('opens on 五区十园: the layout’s halves, what they apply to, then what lies around those', async () => {
    const sent: { query: string; variables: Record<string, unknown> }[] = [];
    const layout = 'policy:five-zones-ten-parks';
    const half = { ...gulei, id: 'policy:five-zones', type: 'Policy' };
    const fetch: Fetch = async (_url, init) => {
      const request = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      sent.push(request);
      const ids = (request.variables.ids ?? request.variables.halves) as string[];
      const edges = ids.includes(layout)
        ? [edge(half.id, 'PART_OF', layout), edge(layout, 'PART_OF', 'policy:plan')]
        : ids.includes(half.id)
          ? [
              { ...edge(half.id, 'APPLIES_TO', gulei.id), evidence: [] },
              edge('policy:other', 'APPLIES_TO', gulei.id),
            ]
          : [];
      const data = { neighborhood: { truncated: false, nodes: [half, gulei, gulieTown], edges } };
      return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
    };
    const answer = await createExplorerApi(new GraphQLClient('/graphql', fetch)).overview(layout, LIMITS);
    expect(answer.halves).toEqual([half.id]);
    expect(answer.targets.map((t) => t.edge.id)).toEqual([edge(half.id, 'APPLIES_TO', gulei.id).id]);
    expect(sent.map((r) => r.variables.ids ?? r.variables.halves)).toEqual([[layout], [half.id], [gulei.id]]);
    const schema = buildSchema(fs.readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
    for (const { query } of sent) expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
  });

  it('reads an entity’s relations, with their direction, from its neighbourhood', async () => {
    const { fetch, sent } = answering({
      data: {
        entity: { ...gulei, caveats: [], evidence: [] },
        neighborhood: {
          truncated: false,
          nodes: [gulei, gulieTown, tenglong],
          edges: [edge(gulei.id, 'LOCATED_IN', gulieTown.id), edge(tenglong.id, 'ANCHORS', gulei.id)],
        },
      },
    });
    const record = await createExplorerApi(new GraphQLClient('/graphql', fetch)).entity(gulei.id);
    expect(sent[0]?.variables).toMatchObject({ id: gulei.id });
    expect(sent[0]?.query).not.toMatch(/first:\s*\d/); // no literal page sizes: the API's cost limit counts them
    expect(record?.relationCount).toBe(12);
    expect(record?.relations.map((r) => [r.direction, r.edge.type, r.neighbor.id])).toEqual([
      ['OUT', 'LOCATED_IN', gulieTown.id],
      ['IN', 'ANCHORS', tenglong.id],
    ]);
  });

  it('maps chain gap kinds to the explorer’s names', async () => {
    const { fetch } = answering({
      data: {
        gapPartners: [
          {
            link: { id: gulei.id },
            partners: [
              {
                entity: tenglong,
                taiwanSide: true,
                reasons: [{ kind: 'PLAN_COOPERATION' }],
                explanation: '…',
              },
            ],
          },
        ],
        chainGaps: [
          {
            chain: { name: '对二甲苯（PX） → 精对苯二甲酸（PTA）', nameEn: 'PX → PTA' },
            link: gulei,
            kinds: ['TAIWAN_ONLY', 'PLANNED_OR_SOUGHT_ONLY', 'SOMETHING_NEW'],
            explanation: '…',
            coverage: [{ entity: tenglong, taiwanInvested: true, relation: { status: 'planned' } }],
            evidence: [],
          },
        ],
      },
    });
    const { gaps, cut } = await createExplorerApi(new GraphQLClient('/graphql', fetch)).chainGaps(
      'product:px',
    );
    expect(cut).toBeNull();
    expect(gaps[0]?.kinds).toEqual(['taiwan-only', 'planned-only']);
    expect(gaps[0]?.coverage[0]).toMatchObject({ taiwanInvested: true, status: 'planned' });
    // who could fill the gap, from gapPartners of the same request
    expect(gaps[0]?.partners).toEqual([
      { entity: tenglong, taiwanSide: true, reasons: ['PLAN_COOPERATION'], explanation: '…' },
    ]);
  });

  it('says when the server stopped a search at a limit (extensions.truncation), and only for that field', async () => {
    const stopped = {
      path: 'paths',
      reason: 'VISIT_LIMIT',
      limit: 100000,
      message: '路径搜索在一端周围停止',
    };
    const api = (data: unknown, extensions?: unknown) =>
      createExplorerApi(
        new GraphQLClient('/graphql', answering({ data, ...(extensions ? { extensions } : {}) }).fetch),
      );
    const paths = (extensions?: unknown) => api({ paths: [] }, extensions).paths(gulei.id, tenglong.id, 4, 3);
    expect(await paths({ truncation: [stopped] })).toEqual({ paths: [], cut: stopped.message });
    expect(await paths()).toEqual({ paths: [], cut: null });
    expect(await paths({ truncation: [{ ...stopped, path: 'chainGaps' }] })).toEqual({
      paths: [],
      cut: null,
    });
    // chainGaps as of a day: its walk along the chain stopped at its budget of links
    const gaps = api({ chainGaps: [], gapPartners: [] }, { truncation: [{ ...stopped, path: 'chainGaps' }] });
    expect(await gaps.chainGaps('product:px')).toEqual({ gaps: [], cut: stopped.message });
  });
});

describe('sectionAround', () => {
  const p = (n: number, section: string): Passage => ({
    id: `p${n}`,
    documentId: 'd',
    section,
    text: String(n),
  });
  it('keeps the cited passage’s section and its sub-sections, nothing before or after', () => {
    const around = [
      p(1, '第三章 › 一、电子信息产业'),
      p(2, '第三章 › 二、石化产业'),
      p(3, '第三章 › 二、石化产业'),
      p(4, '第三章 › 二、石化产业 › 专栏'),
      p(5, '第三章 › 三、装备制造业'),
    ];
    expect(sectionAround(around, 'p3').map((x) => x.id)).toEqual(['p2', 'p3', 'p4']);
    expect(sectionAround(around, 'p9')).toHaveLength(5);
  });
});

describe('describeError', () => {
  it('says what went wrong in the interface’s language, with the server’s words', () => {
    const down = new ApiError('graphql', 'bolt://x is not reachable', 'SERVICE_UNAVAILABLE');
    expect(describeError(down, 'zh-Hans')).toBe('数据库暂时不可用，请稍后重试（bolt://x is not reachable）');
    expect(describeError(down, 'en')).toBe('bolt://x is not reachable');
    expect(describeError(new ApiError('network', 'Failed to fetch'), 'zh-Hans')).toContain('无法连接服务器');
    expect(
      describeError(new ApiError('graphql', 'maxHops must be at most 6', 'BAD_USER_INPUT'), 'zh-Hans'),
    ).toBe('maxHops must be at most 6');
    expect(describeError(new Error('boom'), 'zh-Hans')).toBe('boom');
  });
});
