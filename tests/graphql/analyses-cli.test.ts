// The analyses that both `cskg query` and GraphQL answer give the same answer for the same input: the
// same chain gaps with the same reasons, coverage and passages; the same policies reaching an entity,
// through the same target, in the same steps; the same supply chain; the same shortest paths. The command
// line runs as a child process (bin/cskg.js query … --json) against the test Neo4j; GraphQL over HTTP.
/* eslint-disable @typescript-eslint/no-explicit-any -- rows and answers are compared by shape */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { gapName } from '../../src/cli/analyses.ts';
import { PROJECT_ROOT } from '../../src/infra/config.ts';
import { testNeo4jEnv } from '../support/neo4j.ts';
import { usePlanServer } from '../support/plan.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer;

usePlanServer((plan) => ({ server } = plan));

const execFileAsync = promisify(execFile);

/** `cskg query NAME --json --param k=v … [options]` as a child process; its rows. */
async function cli(
  name: string,
  params: Record<string, string | number>,
  options: readonly string[] = [],
): Promise<any[]> {
  const args = [path.join(PROJECT_ROOT, 'bin', 'cskg.js'), 'query', name, '--json', ...options];
  for (const [key, value] of Object.entries(params)) args.push('--param', `${key}=${value}`);
  const { stdout } = await execFileAsync(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...testNeo4jEnv(), LOG_LEVEL: 'warn' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as any[];
}

async function gql(query: string, variables: Record<string, unknown>): Promise<any> {
  const { body } = await server.graphql<any>(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

const sorted = <T>(items: T[]) => items.map((x) => JSON.stringify(x)).sort();

describe('chain gaps', () => {
  const GAPS = /* GraphQL */ `
    query ($sector: ID, $product: ID) {
      chainGaps(sector: $sector, product: $product, first: 500) {
        link {
          id
        }
        kinds
        coverage {
          entity {
            id
          }
          relation {
            status
          }
          taiwanInvested
        }
        coverageOutsideFujian {
          entity {
            id
          }
        }
        evidence {
          id
        }
      }
    }
  `;
  const inputs: Record<string, string>[] = [
    {},
    { sector: 'sector:petrochemical' },
    { sector: 'sector:led' },
    { product: 'product:pta' },
  ];

  it('are the same links, for the same reasons, covered by the same firms and parks, on the same passages', async () => {
    const answers = await Promise.all(
      inputs.map(async (input) => ({
        input,
        rows: await cli('chain-gaps', input),
        gaps: (await gql(GAPS, input)).chainGaps as any[],
      })),
    );
    for (const { input, rows, gaps } of answers) {
      const fromCli = rows.map((row) => ({
        link: row.id,
        kinds: row.gaps,
        coverage: row.coveredBy.map((c: any) => [c.id, c.status, c.taiwanInvested]),
        outside: row.outsideFujian.map((c: any) => c.id),
        evidence: row.passages.map((p: any) => p.id),
      }));
      const fromApi = gaps.map((gap) => ({
        link: gap.link.id,
        kinds: gap.kinds.map(gapName),
        coverage: gap.coverage.map((c: any) => [c.entity.id, c.relation.status, c.taiwanInvested]),
        outside: gap.coverageOutsideFujian.map((c: any) => c.entity.id),
        evidence: gap.evidence.map((p: any) => p.id),
      }));
      expect(fromCli.length, JSON.stringify(input)).toBeGreaterThan(0);
      expect(sorted(fromCli), JSON.stringify(input)).toEqual(sorted(fromApi));
    }
    // Three kinds of gap occur, so agreeing is not agreeing on nothing.
    const petrochemical = answers[1]!.rows;
    const kindsOf = (id: string) => petrochemical.find((row) => row.id === id)?.gaps;
    expect(kindsOf('product:tyres')).toEqual(['uncovered']);
    expect(kindsOf('product:px')).toContain('taiwan-only');
    expect(kindsOf('product:oil-refining')).toContain('planned-or-sought-only');
  });
});

describe('policy reach', () => {
  const REACH = /* GraphQL */ `
    query ($entity: ID!) {
      policyReach(entity: $entity, first: 500) {
        policy {
          id
        }
        relation {
          type
        }
        target {
          id
        }
        status
        path {
          length
          nodes {
            id
          }
        }
        evidence {
          text
        }
      }
    }
  `;
  const entities = [
    'enterprise:auo',
    'project:gulei-refinery',
    'park:gulei-taiwan-petrochemical-park',
    'park:fuzhou-qingkou-auto-park',
    'region:xiamen',
  ];

  it('is the same policies and measures, through the same park, sector or region, on the same path', async () => {
    const answers = await Promise.all(
      entities.map(async (entity) => ({
        entity,
        rows: await cli('policy-reach', { entity, first: 500 }),
        reaches: (await gql(REACH, { entity })).policyReach as any[],
      })),
    );
    for (const { entity, rows, reaches } of answers) {
      const fromCli = rows.map((row) => [row.id, row.relation, row.via, row.hops, row.status, row.passages]);
      const fromApi = reaches.map((reach) => [
        reach.policy.id,
        reach.relation.type,
        reach.target.id,
        reach.path.length - 1,
        reach.status,
        reach.evidence.map((p: any) => p.text),
      ]);
      expect(fromCli.length, entity).toBeGreaterThan(0);
      expect(sorted(fromCli), entity).toEqual(sorted(fromApi));
      // The reason the command line prints walks the API's path from the entity to the policy.
      for (const [i, reach] of reaches.entries()) {
        expect(rows[i].id).toBe(reach.policy.id);
        expect(rows[i].reasonText.split(/ <?-[A-Z_]+->? /).length).toBe(reach.path.nodes.length);
      }
    }
  });
});

describe('supply chain and shortest paths', () => {
  const CHAIN = /* GraphQL */ `
    query ($product: ID!, $direction: ChainDirection, $depth: Int) {
      supplyChain(product: $product, direction: $direction, depth: $depth) {
        nodes {
          id
          type
        }
        edges {
          id
        }
      }
    }
  `;
  const PATHS = /* GraphQL */ `
    query ($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
      paths(from: $from, to: $to, maxHops: $maxHops, first: $first) {
        nodes {
          id
        }
      }
    }
  `;

  it('are the same products with the same parks, regions, projects and firms, and the same paths', async () => {
    const chains = [
      { product: 'product:pta', direction: 'both', depth: 6 },
      { product: 'product:oil-refining', direction: 'downstream', depth: 2 },
    ];
    const pairs = [
      { from: 'enterprise:auo', to: 'park:gulei-taiwan-petrochemical-park', maxHops: 4, first: 5 },
      { from: 'association:ttvma', to: 'enterprise:auo', maxHops: 4, first: 10 },
    ];
    const [chainAnswers, pathAnswers] = await Promise.all([
      Promise.all(
        chains.map(async (input) => ({
          rows: await cli('supply-chain', input),
          chain: (await gql(CHAIN, { ...input, direction: input.direction.toUpperCase() })).supplyChain,
        })),
      ),
      Promise.all(
        pairs.map(async (input) => ({
          rows: await cli('shortest-paths', input),
          paths: (await gql(PATHS, input)).paths as any[],
        })),
      ),
    ]);
    for (const { rows, chain } of chainAnswers) {
      const products = chain.nodes.filter((n: any) => n.type === 'Product').map((n: any) => n.id);
      expect(rows.map((row) => row.id).sort()).toEqual(products.sort());
      const around = new Set<string>(
        rows.flatMap((row) =>
          [row.parks, row.regions, row.projects, row.enterprises].flat().map((c: any) => c.id),
        ),
      );
      const others = chain.nodes.filter((n: any) => n.type !== 'Product').map((n: any) => n.id);
      expect([...around].sort()).toEqual(others.sort());
    }
    for (const { rows, paths } of pathAnswers) {
      expect(paths.length).toBeGreaterThan(0);
      expect(rows.map((row) => row.ids)).toEqual(paths.map((p) => p.nodes.map((n: any) => n.id)));
    }
  });
});

describe("the language of the explanations (--lang, and the API's language argument)", () => {
  it('is the same sentence on the command line and over GraphQL, in English, 简体 and 繁體', async () => {
    const QUERY = /* GraphQL */ `
      query ($sector: ID, $language: Language) {
        chainGaps(sector: $sector, first: 500) {
          link {
            id
          }
          explanation(language: $language)
        }
      }
    `;
    const cases = [
      { lang: 'en', language: 'EN' },
      { lang: 'zh-CN', language: 'ZH_HANS' },
      { lang: 'zh-TW', language: 'ZH_HANT' },
    ];
    for (const { lang, language } of cases) {
      const [rows, data] = await Promise.all([
        cli('chain-gaps', { sector: 'sector:petrochemical' }, ['--lang', lang]),
        gql(QUERY, { sector: 'sector:petrochemical', language }),
      ]);
      expect(rows.length).toBeGreaterThan(0);
      const byLink = new Map(data.chainGaps.map((g: any) => [g.link.id, g.explanation]));
      for (const row of rows) expect(row.explanation).toBe(byLink.get(row.id));
    }
  });

  it('refuses a language it does not write, naming the option', async () => {
    await expect(cli('chain-gaps', {}, ['--lang', 'fr'])).rejects.toThrow(/--lang fr: write en, zh-Hans/);
  });
});

describe('timeline, scorecard, and the walks as of a day', () => {
  const TIMELINE = /* GraphQL */ `
    query ($entity: ID!, $asOf: Date) {
      timeline(entity: $entity, asOf: $asOf) {
        steps {
          date
          basis
          status
          outcome
          source {
            url
          }
        }
        undated {
          date
          basis
          status
          outcome
          source {
            url
          }
        }
      }
    }
  `;
  const SCORECARD = /* GraphQL */ `
    query ($scope: ID!, $asOf: Date) {
      scorecard(scope: $scope, asOf: $asOf, first: 500) {
        members {
          entity {
            id
          }
          intended
          status {
            status
            date
            outcome
          }
          explanation
        }
      }
    }
  `;
  /** The API's enum values in the command line's spelling: under_construction → under-construction, PLAN → plan. */
  const word = (value: string | null) => (value === null ? null : value.toLowerCase().replaceAll('_', '-'));

  it('are the same steps with the same pages, and the same members with the same outcomes', async () => {
    const timelines: Record<string, string>[] = [
      { entity: 'project:tenglong-px' },
      { entity: 'enterprise:cpt', asOf: '2020-12-31' },
      { entity: 'enterprise:cpt' },
      { entity: 'project:tenglong-ethylene' },
    ];
    for (const input of timelines) {
      const rows = await cli('timeline', input);
      const { timeline } = await gql(TIMELINE, input);
      const fromApi = [...timeline.steps, ...timeline.undated].map((s: any) => [
        s.date,
        word(s.basis),
        word(s.status),
        s.outcome,
        s.source?.url ?? null,
      ]);
      expect(
        rows.map((r) => [r.date, r.basis, r.status, r.outcome, r.source?.url ?? null]),
        JSON.stringify(input),
      ).toEqual(fromApi);
      expect(rows.length).toBeGreaterThan(0);
    }
    const scorecards: Record<string, string>[] = [
      { scope: 'park:gulei-taiwan-petrochemical-park' },
      { scope: 'park:gulei-taiwan-petrochemical-park', asOf: '2014-12-31' },
      { scope: 'sector:petrochemical' },
    ];
    for (const input of scorecards) {
      const rows = await cli('scorecard', { ...input, first: 500 });
      const { scorecard } = await gql(SCORECARD, input);
      expect(
        rows.map((r) => [r.id, r.intended, r.status, r.date, r.outcome, r.explanation]),
        JSON.stringify(input),
      ).toEqual(
        scorecard.members.map((m: any) => [
          m.entity.id,
          m.intended,
          word(m.status.status),
          m.status.date,
          m.status.outcome,
          m.explanation,
        ]),
      );
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  it('see the same graph as of the same day', async () => {
    const PATHS = /* GraphQL */ `
      query ($from: ID!, $to: ID!, $asOf: Date) {
        paths(from: $from, to: $to, maxHops: 2, first: 10, asOf: $asOf) {
          nodes {
            id
          }
        }
      }
    `;
    for (const asOf of ['2019-12-31', '2021-12-31']) {
      const input = { from: 'enterprise:cpt', to: 'enterprise:fujian-electronics-group', asOf };
      const rows = await cli('shortest-paths', { ...input, maxHops: 2, first: 10 });
      const { paths } = await gql(PATHS, input);
      expect(
        rows.map((row) => row.ids),
        asOf,
      ).toEqual(paths.map((p: any) => p.nodes.map((n: any) => n.id)));
    }
    const REACH = /* GraphQL */ `
      query ($asOf: Date) {
        policyReach(entity: "project:gulei-ethylene", first: 500, asOf: $asOf) {
          policy {
            id
          }
        }
      }
    `;
    for (const asOf of ['2011-01-01', '2014-12-31']) {
      const rows = await cli('policy-reach', { entity: 'project:gulei-ethylene', first: 500, asOf });
      const { policyReach } = await gql(REACH, { asOf });
      expect(
        rows.map((row) => row.id),
        asOf,
      ).toEqual(policyReach.map((r: any) => r.policy.id));
    }
  });
});
