// Every named analyst query of cypher/ against the plan graph, as `cskg query` runs it (the analyses
// through the API's data-access functions), with answers read off the plan: the petrochemical chain
// around 炼油 and PTA, its gaps, the parks and Taiwan anchors of a sector, the associations of 青口, the
// policies reaching AUO, a path, the facts of one passage, the sub-areas of 泉州台商投资区 (杏田, 东园,
// 惠南, 张坂, 秀涂港).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNamedQuery } from '../../src/cli/analyses.ts';
import type { Database, Row } from '../../src/infra/database.ts';
import { bindNamedQuery, listNamedQueries, loadNamedQuery } from '../../src/read/namedQueries.ts';
import { connectTestDatabase } from '../support/neo4j.ts';
import { ensurePlanLoaded } from '../support/plan.ts';

let db: Database;

beforeAll(async () => {
  db = connectTestDatabase();
  await ensurePlanLoaded(db);
});

afterAll(async () => {
  await db.close();
});

const run = async (name: string, params: Record<string, unknown>): Promise<Row[]> =>
  (await runNamedQuery(db, name, params)).rows;

const ids = (items: unknown): string[] => (items as { id: string }[]).map((i) => i.id);

describe('the named queries', () => {
  it('are all listed and each has a description, typed parameters and an example', () => {
    expect(listNamedQueries()).toEqual([
      'chain-gaps',
      'chain-gaps-as-of',
      'gap-partners',
      'impact',
      'park-anchors',
      'park-associations',
      'park-parts',
      'partner-roles',
      'passage-facts',
      'policy-reach',
      'scorecard',
      'shortest-paths',
      'single-points',
      'supply-chain',
      'timeline',
    ]);
    for (const name of listNamedQueries()) {
      const query = loadNamedQuery(name);
      expect(query.description.length).toBeGreaterThan(40);
      expect(query.examples.length).toBeGreaterThan(0);
      expect(query.cypher).not.toMatch(/^\/\//);
    }
  });
});

describe('supply-chain', () => {
  it('runs from 炼油 downstream through 轻油裂解 and 乙烯 to the Taipei downstream products', async () => {
    const rows = await run('supply-chain', { product: 'product:oil-refining', direction: 'downstream' });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('product:oil-refining')?.side).toBe('self');
    expect(byId.get('product:naphtha-cracking')).toMatchObject({ side: 'downstream', distance: 1 });
    expect(byId.get('product:ethylene')).toMatchObject({ side: 'downstream', distance: 1 });
    for (const id of ['product:resin', 'product:rubber']) expect(byId.get(id)).toMatchObject({ distance: 2 });
    for (const id of ['product:tyres', 'product:plastic-products'])
      expect(byId.get(id)).toMatchObject({ distance: 3 });
    // the refinery's makers: 古雷石化 and 腾龙芳烃, through their projects
    expect(ids(byId.get('product:oil-refining')?.enterprises)).toEqual(
      expect.arrayContaining(['enterprise:gulei-petrochemical', 'enterprise:tenglong-aromatics']),
    );
  });

  it('traces PTA back to 炼油: 炼油 → 芳烃 → 对二甲苯（PX） → PTA, with 腾龙芳烃 on PX and 翔鹭石化 on PTA', async () => {
    const rows = await run('supply-chain', { product: 'product:pta', direction: 'upstream' });
    expect(rows.map((r) => [r.side, r.distance, r.id])).toEqual([
      ['upstream', 3, 'product:oil-refining'],
      ['upstream', 2, 'product:aromatics'],
      ['upstream', 1, 'product:px'],
      ['self', 0, 'product:pta'],
    ]);
    expect(ids(rows[2]?.enterprises)).toContain('enterprise:tenglong-aromatics');
    expect(ids(rows[3]?.enterprises).some((id) => id.startsWith('enterprise:xianglu-petrochemical'))).toBe(
      true,
    );
  });

  it('says when the chain goes on beyond the depth asked for, and not when it ends within it', async () => {
    const cut = await runNamedQuery(db, 'supply-chain', {
      product: 'product:pta',
      direction: 'upstream',
      depth: '1',
    });
    expect(cut.rows.map((r) => r.id)).toEqual(['product:px', 'product:pta']);
    expect(cut.notes).toEqual([expect.stringMatching(/goes on beyond depth 1.*--param depth/)]);
    const whole = await runNamedQuery(db, 'supply-chain', { product: 'product:pta', direction: 'upstream' });
    expect(whole.notes).toEqual([]);
  });

  it('checks its parameters against the header', () => {
    expect(() => bindNamedQuery(loadNamedQuery('supply-chain'), {})).toThrow(/needs --param product/);
    expect(() => bindNamedQuery(loadNamedQuery('supply-chain'), { product: 'x', depth: '11' })).toThrow(
      /between 1 and 10/,
    );
    expect(() => bindNamedQuery(loadNamedQuery('supply-chain'), { product: 'x', colour: 'red' })).toThrow(
      /no parameter colour/,
    );
  });
});

describe('chain-gaps', () => {
  it('finds the petrochemical links nobody covers, those only Taiwan firms cover, and those only planned', async () => {
    const rows = await run('chain-gaps', { sector: 'sector:petrochemical' });
    const gaps = new Map(rows.map((r) => [r.id, r.gaps as string[]]));
    // the Taipei downstream products the plan only seeks to connect with (积极对接台北的橡胶、轮胎、树脂、塑胶制品)
    for (const id of ['product:rubber', 'product:tyres', 'product:resin', 'product:plastic-products']) {
      expect(gaps.get(id)).toContain('uncovered');
    }
    // refining and ethylene: only planned projects and park focuses (加快推进 … 炼化一体化工程)
    expect(gaps.get('product:oil-refining')).toContain('planned-or-sought-only');
    expect(gaps.get('product:ethylene')).toContain('planned-or-sought-only');
    // PX and PTA: the only firms that make them are Taiwan-invested (腾龙芳烃, 翔鹭石化), though 古雷 focuses on them
    expect(gaps.get('product:px')).toContain('taiwan-only');
    expect(gaps.get('product:pta')).toContain('taiwan-only');
    // every gap is what it says
    for (const row of rows) {
      const cover = row.coveredBy as { type: string; taiwanInvested: boolean; status: string }[];
      const kinds = row.gaps as string[];
      expect(kinds.length).toBeGreaterThan(0);
      if (kinds.includes('uncovered')) expect(cover).toEqual([]);
      const firms = cover.filter((c) => c.type === 'Enterprise' || c.type === 'Project');
      if (kinds.includes('taiwan-only')) {
        expect(firms.length).toBeGreaterThan(0);
        for (const c of firms) expect(c.taiwanInvested).toBe(true);
      }
      if (kinds.includes('planned-or-sought-only'))
        for (const c of cover) expect(c.status).not.toBe('existing');
      expect((row.passages as unknown[]).length).toBeGreaterThan(0);
    }
    const rubber = rows.find((r) => r.id === 'product:rubber');
    expect(
      (rubber?.passages as { text: string }[]).some((p) =>
        p.text.includes('积极对接台北的橡胶、轮胎、树脂、塑胶制品'),
      ),
    ).toBe(true);
  });

  it('covers every chain without a sector', async () => {
    const all = await run('chain-gaps', {});
    const petro = await run('chain-gaps', { sector: 'sector:petrochemical' });
    expect(all.length).toBeGreaterThan(petro.length);
  });

  it('keeps whole chains: a sector brings the chains its products are on, a product its own', async () => {
    // 橡胶、轮胎 are petrochemical-downstream products and 炼油 is not, but they are on one chain.
    const downstream = await run('chain-gaps', { sector: 'sector:petrochemical-downstream' });
    expect(downstream.map((r) => r.id)).toEqual(
      expect.arrayContaining(['product:tyres', 'product:oil-refining']),
    );
    const pta = await run('chain-gaps', { product: 'product:pta' });
    expect(new Set(pta.map((r) => r.chain)).size).toBe(1);
    expect(pta.map((r) => r.id)).toEqual(expect.arrayContaining(['product:pta', 'product:tyres']));
  });
});

describe('park-anchors', () => {
  it('lists 古雷 among the petrochemical parks, anchored by the Taiwan firms 腾龙芳烃 and 翔鹭石化', async () => {
    const rows = await run('park-anchors', { sector: 'sector:petrochemical' });
    const gulei = rows.find((r) => r.id === 'park:gulei-taiwan-petrochemical-park');
    expect(gulei).toBeDefined();
    const taiwan = ids(gulei?.taiwanAnchors);
    expect(taiwan).toContain('enterprise:tenglong-aromatics');
    expect(taiwan.some((id) => id.startsWith('enterprise:xianglu-petrochemical'))).toBe(true);
    expect(ids(gulei?.otherAnchors)).toContain('enterprise:gulei-petrochemical');
  });
});

describe('park-associations', () => {
  it('finds the Taiwan associations cooperating with the 青口 auto park', async () => {
    const rows = await run('park-associations', { park: 'park:fuzhou-qingkou-auto-park' });
    expect(rows.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'association:ttvma',
        'association:teema',
        'association:automotive-electronics-alliance',
      ]),
    );
    for (const row of rows) expect((row.passages as string[]).length).toBeGreaterThan(0);
  });
});

describe('policy-reach', () => {
  it('reaches AU Optronics directly, through its park and through Fujian, with the reason', async () => {
    const rows = await run('policy-reach', { entity: 'enterprise:auo' });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('policy:fujian-cross-strait-base-plan')).toMatchObject({ hops: 0, relation: 'TARGETS' });
    expect(byId.get('policy:ecfa')).toMatchObject({ via: 'region:fujian', hops: 1 });
    expect(String(byId.get('policy:ecfa')?.reasonText)).toBe(
      '友达光电 -LOCATED_IN-> 福建 <-APPLIES_TO- 海峡两岸经济合作框架协议',
    );
    const throughPark = rows.find((r) => r.via === 'park:xiamen-tiz');
    expect(String(throughPark?.reasonText)).toContain(
      '友达光电 -ANCHORS-> 翔安组团 -PART_OF-> 厦门台商投资区',
    );
    for (const row of rows) expect((row.passages as string[]).length).toBeGreaterThan(0);
  });
});

describe('shortest-paths', () => {
  it('joins AU Optronics and its Xiang’an cluster in one step, and bounds the search', async () => {
    const rows = await run('shortest-paths', { from: 'enterprise:auo', to: 'park:xiamen-xiangan-cluster' });
    expect(rows[0]).toMatchObject({ hops: 1, path: '友达光电 -ANCHORS-> 翔安组团' });
    const far = await run('shortest-paths', {
      from: 'enterprise:auo',
      to: 'park:gulei-taiwan-petrochemical-park',
      maxHops: '3',
    });
    for (const row of far) expect(row.hops as number).toBeLessThanOrEqual(3);
  });
});

describe('passage-facts', () => {
  it('lists what the sentence on the petrochemical projects supports', async () => {
    const [passage] = await db.read({
      cypher: /* Cypher */ `MATCH (p:Passage) WHERE p.text CONTAINS '加快在建重点项目腾龙芳烃' RETURN p.id AS id`,
    });
    const rows = await run('passage-facts', { passage: passage?.id });
    const ids = rows.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining(['product:px', 'product:pta', 'product:px|INPUT_TO|product:pta']),
    );
    const link = rows.find((r) => r.id === 'product:px|INPUT_TO|product:pta');
    expect(link).toMatchObject({ kind: 'relation', status: 'planned' });
    expect(String(link?.quote)).toContain('对二甲苯（PX）');
  });
});

describe('park-parts', () => {
  it('gives the sub-areas of 泉州台商投资区: 杏田, 东园, 惠南, 张坂, 秀涂港', async () => {
    const rows = await run('park-parts', { park: 'park:quanzhou-tiz' });
    const subAreas = rows.filter((r) => r.kind === 'sub-area').map((r) => r.name);
    expect(subAreas).toEqual(
      expect.arrayContaining(['杏田片区', '东园片区', '惠南片区', '张坂片区', '秀涂港片区']),
    );
  });
});
