// What if (issue 16), on the plan's own cases against the real Neo4j: the PX link (古雷 and 腾龙芳烃 failing
// uncover PX, and PTA loses its only source), 东南汽车 and the 青口 auto park, the display chain; single
// points of failure; partners for the gaps; roles in the partnership network. Every consequence carries
// paths from a failing entity whose every hop is a fact with its evidence, and the command line answers
// what GraphQL answers.
/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read by shape */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/infra/config.ts';
import type { Database } from '../../src/infra/database.ts';
import { readImpact } from '../../src/read/impact.ts';
import { readGapPartners } from '../../src/read/gapPartners.ts';
import { readSinglePoints } from '../../src/read/singlePoints.ts';
import { testNeo4jEnv } from '../support/neo4j.ts';
import { usePlanServer } from '../support/plan.ts';
import type { TestServer } from '../support/server.ts';

let db: Database;
let server: TestServer;

usePlanServer((plan) => ({ db, server } = plan));

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const { body } = await server.graphql<any>(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

const execFileAsync = promisify(execFile);

async function cli(name: string, params: Record<string, string | number>): Promise<any[]> {
  const args = [path.join(PROJECT_ROOT, 'bin', 'cskg.js'), 'query', name, '--json'];
  for (const [key, value] of Object.entries(params)) args.push('--param', `${key}=${value}`);
  const { stdout } = await execFileAsync(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...testNeo4jEnv(), LOG_LEVEL: 'warn' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as any[];
}

const PATH = /* GraphQL */ `
  nodes {
    id
  }
  edges {
    id
    type
    source
    target
    evidence {
      id
      quote
    }
  }
  length
`;

const IMPACT = /* GraphQL */ `
  query ($entities: [ID!]!) {
    impact(entities: $entities) {
      failing {
        id
      }
      failedWith {
        entity {
          id
        }
        path { ${PATH} }
      }
      consequences {
        kind
        entity {
          id
        }
        chain {
          id
        }
        lost {
          id
        }
        remaining
        distance
        paths { ${PATH} }
        explanation
        evidence {
          id
          text
        }
      }
      consequenceCount
      truncated
    }
  }
`;

/** Facts met without passages: later facts (data/later), which cite a page instead (checked at the end). */
const withoutPassages = new Set<string>();

/** A fact of the plan cites its passages, with the quoted words. */
function expectCited(edge: any) {
  if (edge.evidence.length === 0) withoutPassages.add(edge.id);
  for (const passage of edge.evidence) expect(passage.quote).toBeTruthy();
}

/** Every path starts at a failing entity, ends at the consequence, and every hop is a fact of the plan. */
function expectCarried(consequence: any, failing: readonly string[]) {
  expect(consequence.paths.length, consequence.explanation).toBeGreaterThan(0);
  for (const p of consequence.paths) {
    expect(failing).toContain(p.nodes[0].id);
    expect(p.nodes.at(-1).id).toBe(consequence.entity.id);
    expect(p.edges).toHaveLength(p.length);
    p.edges.forEach((edge: any, i: number) => {
      expect([edge.source, edge.target].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort());
      expectCited(edge);
    });
  }
  const cited = new Set(
    consequence.paths.flatMap((p: any) => p.edges.flatMap((e: any) => e.evidence.map((x: any) => x.id))),
  );
  expect(new Set(consequence.evidence.map((p: any) => p.id))).toEqual(cited);
}

const byKind = (impact: any, kind: string) =>
  new Map<string, any>(
    impact.consequences.filter((c: any) => c.kind === kind).map((c: any) => [c.entity.id, c]),
  );

describe('impact: the PX link', () => {
  const FAILING = ['enterprise:tenglong-aromatics', 'park:gulei-taiwan-petrochemical-park'];

  it('古雷 and 腾龙芳烃 failing uncover PX, and PTA loses its only source, then what PTA feeds', async () => {
    const { impact } = await gql(IMPACT, { entities: FAILING });
    expect(impact.failing.map((e: any) => e.id).sort()).toEqual(FAILING);
    expect(impact.truncated).toBe(false);
    // what fails with them: the projects 腾龙芳烃 owns and the park hosts
    const failed = impact.failedWith.map((f: any) => f.entity.id);
    expect(failed).toEqual(
      expect.arrayContaining(['project:tenglong-px', 'project:xianglu-pta', 'project:gulei-refinery']),
    );
    const px = byKind(impact, 'LINK_UNCOVERED').get('product:px');
    expect(px, 'PX uncovered').toBeDefined();
    expect(px.remaining).toBe(0);
    expect(px.lost.map((e: any) => e.id).sort()).toEqual([
      'enterprise:tenglong-aromatics|PRODUCES|product:px',
      'park:gulei-taiwan-petrochemical-park|FOCUSES_ON|product:px',
      'project:tenglong-px|PRODUCES|product:px',
    ]);
    expectCarried(px, FAILING);
    // the project's path goes through its owner
    expect(px.paths.map((p: any) => p.nodes.map((n: any) => n.id).join(' > '))).toContain(
      'enterprise:tenglong-aromatics > project:tenglong-px > product:px',
    );
    const sources = byKind(impact, 'SOURCE_LOST');
    const pta = sources.get('product:pta');
    expect(pta.explanation).toContain('only source');
    expect(pta.paths[0].edges.at(-1).id).toBe('product:px|INPUT_TO|product:pta');
    expectCarried(pta, FAILING);
    // PTA is still made (翔鹭石化 stands), so it is not uncovered; what it alone feeds loses its source
    expect(byKind(impact, 'LINK_UNCOVERED').has('product:pta')).toBe(false);
    expect([...sources.keys()]).toEqual(
      expect.arrayContaining(['product:chemical-textile-materials', 'product:differential-fibre']),
    );
    const fabric = byKind(impact, 'INPUT_LOST').get('product:new-textile-fabric');
    expect(fabric.remaining).toBe(2);
    for (const c of impact.consequences) expectCarried(c, FAILING);
  });

  it("腾龙芳烃 alone leaves PX with no firm, only the park's focus; PTA keeps its source", async () => {
    const { impact } = await gql(IMPACT, { entities: ['enterprise:tenglong-aromatics'] });
    const px = byKind(impact, 'LINK_FIRMS_LOST').get('product:px');
    expect(px.remaining).toBe(1);
    expect(byKind(impact, 'LINK_UNCOVERED').has('product:px')).toBe(false);
    expect(byKind(impact, 'SOURCE_LOST').has('product:pta')).toBe(false);
    const owned = byKind(impact, 'OWNER_LOST');
    expect([...owned.keys()].sort()).toEqual([
      'project:tenglong-ethylene',
      'project:tenglong-px',
      'project:tenglong-refinery',
    ]);
    expect(owned.get('project:tenglong-px').explanation).toContain('fails with it');
  });
});

describe('impact: 东南汽车 and the 青口 auto park', () => {
  it('东南汽车 failing takes its three projects with it', async () => {
    const { impact } = await gql(IMPACT, { entities: ['enterprise:soueast'] });
    const owned = byKind(impact, 'OWNER_LOST');
    expect([...owned.keys()].sort()).toEqual([
      'project:soueast-ev',
      'project:soueast-phase-3',
      'project:soueast-phase-4',
    ]);
    for (const c of owned.values()) {
      expect(c.remaining).toBe(0);
      expectCarried(c, ['enterprise:soueast']);
    }
    expect(impact.failedWith.map((f: any) => f.entity.id).sort()).toEqual([...owned.keys()].sort());
  });

  it('the 青口 park failing uncovers the vehicle and the parts only it develops, and fails the projects it hosts', async () => {
    const FAILING = ['park:fuzhou-qingkou-auto-park'];
    const { impact } = await gql(IMPACT, { entities: FAILING });
    const failed = impact.failedWith.map((f: any) => f.entity.id);
    expect(failed).toEqual(expect.arrayContaining(['project:soueast-phase-3', 'project:soueast-phase-4']));
    const hosted = impact.failedWith.find((f: any) => f.entity.id === 'project:soueast-phase-3');
    expect(hosted.path.edges[0].type).toBe('HOSTS');
    const uncovered = byKind(impact, 'LINK_UNCOVERED');
    expect([...uncovered.keys()]).toEqual(
      expect.arrayContaining([
        'product:complete-vehicle',
        'product:new-energy-vehicle',
        'product:engine-assembly',
      ]),
    );
    for (const c of impact.consequences) expectCarried(c, FAILING);
  });
});

describe('impact: the display chain', () => {
  it('the two parks that develop LCD panels failing uncover the panel, and the display loses its only source', async () => {
    const FAILING = ['park:fuzhou-tiz', 'park:pingtan-low-carbon-tech-zone'];
    const { impact } = await gql(IMPACT, { entities: FAILING });
    expect(byKind(impact, 'LINK_UNCOVERED').has('product:lcd-panel')).toBe(true);
    const display = byKind(impact, 'SOURCE_LOST').get('product:lcd-display');
    expect(display.paths[0].nodes.map((n: any) => n.id)).toEqual([
      expect.stringMatching(/^park:/),
      'product:lcd-panel',
      'product:lcd-display',
    ]);
    for (const c of impact.consequences) expectCarried(c, FAILING);
  });

  it('友达光电 failing leaves the display without a firm and 翔安组团 without its anchor', async () => {
    const { impact } = await gql(IMPACT, { entities: ['enterprise:auo'] });
    expect(byKind(impact, 'LINK_FIRMS_LOST').get('product:lcd-display').remaining).toBe(2);
    const anchor = byKind(impact, 'ANCHOR_LOST').get('park:xiamen-xiangan-cluster');
    expect(anchor.lost.map((e: any) => e.id)).toEqual(['enterprise:auo|ANCHORS|park:xiamen-xiangan-cluster']);
    expect(anchor.remaining).toBe(0);
    expectCarried(anchor, ['enterprise:auo']);
  });
});

describe('impact: bounds and bad input', () => {
  it('stops at the visit budget and says so', async () => {
    const result = await readImpact(db, { entities: ['region:fujian'], first: 10, visits: 5 });
    expect(result.truncation.map((t) => t.reason)).toEqual(['VISIT_LIMIT']);
    expect(result.failedWith.length).toBeLessThanOrEqual(10);
  });

  it('refuses no ids, too many ids, and unknown ids, naming them', async () => {
    const none = await server.graphql<any>(/* GraphQL */ `
      {
        impact(entities: []) {
          consequenceCount
        }
      }
    `);
    expect(none.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await server.graphql<any>(/* GraphQL */ `
      {
        impact(entities: ["enterprise:nobody"]) {
          consequenceCount
        }
      }
    `);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(unknown.body.errors?.[0]?.message).toContain('enterprise:nobody');
    const many = Array.from({ length: 101 }, (_, i) => `enterprise:x${i}`);
    const tooMany = await server.graphql<any>(
      /* GraphQL */ `
        query ($e: [ID!]!) {
          impact(entities: $e) {
            consequenceCount
          }
        }
      `,
      { e: many },
    );
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('costs the same few statements for a small and a large answer', async () => {
    const small = await server.graphql<any>(IMPACT, { entities: ['enterprise:auo'] });
    const large = await server.graphql<any>(IMPACT, { entities: ['region:fujian'] });
    expect(large.body.data.impact.consequenceCount).toBeGreaterThan(
      10 * small.body.data.impact.consequenceCount,
    );
    const statements = (body: any) => body.extensions.statements as number;
    expect(statements(large.body)).toBe(statements(small.body));
    expect(statements(small.body)).toBeLessThanOrEqual(3);
  });
});

describe('single points of failure', () => {
  const SINGLE = /* GraphQL */ `
    query ($product: ID) {
      singlePoints(product: $product) {
        links {
          chain {
            id
          }
          link {
            id
          }
          points {
            id
          }
          coverCount
          firmCount
          uncoveredByLoss
          paths { ${PATH} }
          explanation
          evidence {
            id
          }
        }
        ranking {
          entity {
            id
          }
          links {
            id
          }
          linkCount
          uncovers
          paths { ${PATH} }
          explanation
        }
        rankCount
        truncated
      }
    }
  `;

  it('names the links that hang on one firm, and ranks the firms by what their loss uncovers', async () => {
    const { singlePoints } = await gql(SINGLE);
    const links = new Map<string, any>(singlePoints.links.map((l: any) => [l.link.id, l]));
    expect(links.get('product:px').points.map((p: any) => p.id)).toEqual(['enterprise:tenglong-aromatics']);
    expect(links.get('product:lcd-display').points.map((p: any) => p.id)).toEqual(['enterprise:auo']);
    expect(links.get('product:lcd-display').uncoveredByLoss).toBe(false);
    // 轻油裂解 is made only by 古雷石化's ethylene project, and nothing else covers it
    const cracking = links.get('product:naphtha-cracking');
    expect(cracking.points.map((p: any) => p.id)).toEqual([
      'enterprise:gulei-petrochemical',
      'project:gulei-ethylene',
    ]);
    expect(cracking.uncoveredByLoss).toBe(true);
    const [first] = singlePoints.ranking;
    expect(first.uncovers).toBeGreaterThanOrEqual(1);
    expect(['enterprise:gulei-petrochemical', 'project:gulei-ethylene']).toContain(first.entity.id);
    const tenglong = singlePoints.ranking.find((r: any) => r.entity.id === 'enterprise:tenglong-aromatics');
    expect(tenglong.links.map((l: any) => l.id)).toEqual(['product:px']);
    expect(tenglong.paths.map((p: any) => p.nodes.map((n: any) => n.id).join(' > ')).sort()).toEqual([
      'enterprise:tenglong-aromatics > product:px',
      'enterprise:tenglong-aromatics > project:tenglong-px > product:px',
    ]);
    for (const link of singlePoints.links) {
      for (const p of link.paths) for (const e of p.edges) expectCited(e);
    }
  });

  it('the single points agree with impact: losing one leaves its links without a firm', async () => {
    const { singlePoints } = await gql(SINGLE);
    for (const rank of singlePoints.ranking) {
      const impact = await readImpact(db, { entities: [rank.entity.id], first: 500 });
      const lost = new Set(
        impact.consequences
          .filter((c) => c.kind === 'LINK_UNCOVERED' || c.kind === 'LINK_FIRMS_LOST')
          .map((c) => c.entity.id),
      );
      for (const link of rank.links) expect(lost, `${rank.entity.id} → ${link.id}`).toContain(link.id);
    }
  });

  it('asked for no path, explanation or evidence, reads none and ranks the same', async () => {
    const SLIM = /* GraphQL */ `
      {
        singlePoints(first: 500) {
          links {
            chain {
              id
              name
            }
            link {
              id
            }
            points {
              id
            }
            uncoveredByLoss
          }
          ranking {
            entity {
              id
            }
            links {
              id
            }
            uncovers
            explanation
          }
          rankCount
        }
      }
    `;
    const [slim, { singlePoints: whole }, read] = await Promise.all([
      gql(SLIM),
      gql(SINGLE),
      readSinglePoints(db, { product: null, first: 500, details: true }),
    ]);
    const points = (links: any[]) =>
      links.map((l) => [l.chain.id, l.link.id, l.points.map((p: any) => p.id)]);
    expect(points(slim.singlePoints.links)).toEqual(points(whole.links));
    expect(slim.singlePoints.links.map((l: any) => l.chain.name)).toEqual(
      read.links.map((l) => l.chain.name),
    );
    expect(slim.singlePoints.links.map((l: any) => l.uncoveredByLoss)).toEqual(
      whole.links.map((l: any) => l.uncoveredByLoss),
    );
    const ranks = (ranking: any[]) =>
      ranking.map((r) => [r.entity.id, r.links.map((l: any) => l.id), r.uncovers, r.explanation]);
    expect(ranks(slim.singlePoints.ranking)).toEqual(ranks(whole.ranking));
    expect(slim.singlePoints.rankCount).toBe(whole.rankCount);
    // without details, nothing behind paths or evidence is read
    const bare = await readSinglePoints(db, { product: null, first: 500, details: false });
    expect(bare.links.flatMap((l) => [...l.paths, ...l.evidence])).toEqual([]);
    expect(read.links.flatMap((l) => l.evidence).length).toBeGreaterThan(0);
  });

  it('keeps one chain when asked for a product, and refuses a product that is not one', async () => {
    const { singlePoints } = await gql(SINGLE, { product: 'product:pta' });
    expect(new Set(singlePoints.links.map((l: any) => l.chain.id))).toEqual(new Set(['product:aromatics']));
    const wrong = await server.graphql<any>(SINGLE, { product: 'enterprise:auo' });
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const capped = await readSinglePoints(db, { product: null, first: 1, visits: 2 });
    expect(capped.links).toHaveLength(2);
    expect(capped.ranking).toHaveLength(1);
    expect(capped.truncation.map((t) => t.reason)).toEqual(['VISIT_LIMIT']);
  });
});

describe('partners for the gaps', () => {
  const PARTNERS = /* GraphQL */ `
    query ($product: ID) {
      gapPartners(product: $product, partners: 10) {
        link {
          id
        }
        kinds
        partnerCount
        partners {
          entity {
            id
          }
          taiwanSide
          reasons {
            kind
            path { ${PATH} }
          }
          explanation
          evidence {
            id
          }
        }
      }
    }
  `;

  it("puts the plan's own 对接 first: the Taiwan vehicle and electronics associations for the 青口 park's gaps", async () => {
    const { gapPartners } = await gql(PARTNERS, { product: 'product:complete-vehicle' });
    const vehicle = gapPartners.find((g: any) => g.link.id === 'product:complete-vehicle');
    expect(vehicle.kinds).toContain('NO_ENTERPRISE');
    const firstThree = vehicle.partners.slice(0, 3);
    expect(firstThree.map((p: any) => p.entity.id).sort()).toEqual([
      'association:automotive-electronics-alliance',
      'association:teema',
      'association:ttvma',
    ]);
    for (const partner of firstThree) {
      expect(partner.taiwanSide).toBe(true);
      expect(partner.reasons[0].kind).toMatch(/COOPERATION$/);
      const hop = partner.reasons[0].path.edges.at(-1);
      expect(hop.type).toBe('COOPERATES_WITH');
      expect(hop.evidence[0].quote).toBeTruthy();
    }
    // what covers the gap in Fujian (the 青口 park develops the vehicle) is coverage, not a partner
    expect(vehicle.partners.map((p: any) => p.entity.id)).not.toContain('park:fuzhou-qingkou-auto-park');
  });

  it('the petrochemical gaps: 台湾石化同业公会, through the 古雷 park it is to cooperate with', async () => {
    const { gapPartners } = await gql(PARTNERS, { product: 'product:aromatics' });
    const aromatics = gapPartners.find((g: any) => g.link.id === 'product:aromatics');
    expect(aromatics.partners[0].entity.id).toBe('association:taiwan-petrochemical-association');
    expect(aromatics.partners[0].reasons[0].path.nodes.map((n: any) => n.id)).toEqual([
      'product:aromatics',
      'park:gulei-taiwan-petrochemical-park',
      'association:taiwan-petrochemical-association',
    ]);
  });
});

describe('partners for the gaps, asked for less', () => {
  it('without paths, explanations or evidence: the same partners, sides and kinds, and no fact read', async () => {
    // (the partners' ids, sides and reasons' kinds: what bench/scale/operations.ts asks)
    const SLIM = `query ($product: ID) { gapPartners(product: $product, partners: 10) {
      link { id } partnerCount partners { entity { id } taiwanSide reasons { kind } } } }`;
    const partners = (gaps: any[]) =>
      gaps.map((g) => [
        g.link.id,
        g.partnerCount,
        g.partners.map((p: any) => [p.entity.id, p.taiwanSide, p.reasons.map((r: any) => r.kind)]),
      ]);
    for (const product of ['product:complete-vehicle', 'product:aromatics']) {
      const whole = await readGapPartners(db, { sector: null, product, first: 200, partners: 10 });
      const { gapPartners } = await gql(SLIM, { product });
      expect(partners(gapPartners)).toEqual(partners(whole.gaps));
      expect(whole.gaps.flatMap((g) => g.partners.flatMap((p) => p.evidence)).length).toBeGreaterThan(0);
    }
    const bare = await readGapPartners(db, {
      sector: null,
      product: 'product:complete-vehicle',
      first: 200,
      partners: 10,
      details: false,
    });
    const read = bare.gaps.flatMap((g) => g.partners);
    expect(read.length).toBeGreaterThan(0);
    expect(read.flatMap((p) => [...p.evidence, ...p.reasons.flatMap((r) => r.path.edges)])).toEqual([]);
  });
});

describe('roles in the partnership network', () => {
  const ROLES = /* GraphQL */ `
    {
      partnerRoles(first: 60) {
        dataHash
        roles {
          entity {
            id
          }
          side
          betweenness
          degree
          community
          crossSideTies
          bridge
          ties {
            id
          }
          explanation
        }
        bridges {
          entity {
            id
          }
        }
        communities {
          id
          size
          members {
            id
          }
        }
        modularity
        nodeCount
        betweennessSources
        edgeCount
        truncated
      }
    }
  `;

  it('Taiwan and Fujian bridge the two sides; communities cover every member; the same load gives the same answer', async () => {
    const { partnerRoles } = await gql(ROLES);
    const { stats } = await gql(/* GraphQL */ `
      {
        stats {
          dataHash
        }
      }
    `);
    expect(partnerRoles.dataHash).toBe(stats.dataHash);
    expect(partnerRoles.truncated).toBe(false);
    const top = partnerRoles.bridges.slice(0, 2).map((b: any) => b.entity.id);
    expect(top).toEqual(['region:taiwan', 'region:fujian']);
    const roles = new Map<string, any>(partnerRoles.roles.map((r: any) => [r.entity.id, r]));
    expect(roles.get('region:taiwan').side).toBe('TAIWAN');
    expect(roles.get('association:ttvma').side).toBe('TAIWAN');
    expect(roles.get('park:fuzhou-qingkou-auto-park').side).toBe('MAINLAND');
    expect(roles.size).toBe(partnerRoles.nodeCount);
    // the plan's network is small: every member is a source, the betweenness exact
    expect(partnerRoles.betweennessSources).toBe(partnerRoles.nodeCount);
    expect(partnerRoles.communities.reduce((n: number, c: any) => n + c.size, 0)).toBe(
      partnerRoles.nodeCount,
    );
    // 青口 and the associations it is to cooperate with are one group
    expect(roles.get('association:ttvma').community).toBe(
      roles.get('park:fuzhou-qingkou-auto-park').community,
    );
    expect(roles.get('region:taiwan').ties.length).toBeGreaterThanOrEqual(roles.get('region:taiwan').degree);
    const again = await gql(ROLES);
    expect(again).toEqual({ partnerRoles });
  });
});

describe('the command line answers what GraphQL answers', () => {
  it('impact, single points, gap partners and roles', async () => {
    const entities = ['enterprise:tenglong-aromatics', 'park:gulei-taiwan-petrochemical-park'];
    const [{ impact }, impactRows] = await Promise.all([
      gql(IMPACT, { entities }),
      cli('impact', { entities: entities.join(',') }),
    ]);
    expect(impactRows.map((r) => [r.kind, r.id])).toEqual(
      impact.consequences.map((c: any) => [c.kind.toLowerCase().replaceAll('_', '-'), c.entity.id]),
    );
    const [{ singlePoints }, pointRows] = await Promise.all([
      gql(/* GraphQL */ `
        {
          singlePoints(first: 500) {
            ranking {
              entity {
                id
              }
              uncovers
            }
          }
        }
      `),
      cli('single-points', {}),
    ]);
    expect(pointRows.map((r) => [r.id, r.uncovers])).toEqual(
      singlePoints.ranking.map((r: any) => [r.entity.id, r.uncovers]),
    );
    const [{ gapPartners }, partnerRows] = await Promise.all([
      gql(/* GraphQL */ `
        {
          gapPartners(product: "product:pta", partners: 5) {
            link {
              id
            }
            partners {
              entity {
                id
              }
            }
          }
        }
      `),
      cli('gap-partners', { product: 'product:pta', partners: 5 }),
    ]);
    expect(partnerRows.map((r) => r.id)).toEqual(
      gapPartners.flatMap((g: any) => g.partners.map((p: any) => p.entity.id)),
    );
    const [{ partnerRoles }, roleRows] = await Promise.all([
      gql(/* GraphQL */ `
        {
          partnerRoles(first: 1000) {
            roles {
              entity {
                id
              }
              community
              bridge
            }
          }
        }
      `),
      cli('partner-roles', {}),
    ]);
    expect(roleRows.map((r) => [r.id, r.community, r.bridge])).toEqual(
      partnerRoles.roles.map((r: any) => [r.entity.id, r.community, r.bridge]),
    );
  });
});

describe('provenance', () => {
  it('every fact on a path without passages is a later fact citing the page it was read on', async () => {
    const rows = await db.read({
      cypher: /* Cypher */ `
        UNWIND $ids AS id
        MATCH (:Entity {id: split(id, '|')[0]})-[r {id: id}]->(:Entity {id: split(id, '|')[2]})
        RETURN r.id AS id, r.source AS source`,
      params: { ids: [...withoutPassages] },
    });
    expect(rows.map((r) => r.id).sort()).toEqual([...withoutPassages].sort());
    for (const row of rows) expect(row.source, String(row.id)).toMatch(/^web:/);
  });
});
