// What became of the plan, over GraphQL against the plan graph loaded with data/later (real Neo4j, real
// HTTP): the timeline of the 古雷 PX plant (its 2013 and 2015 fires and the 2017 reorganisation, each step
// citing its page), the 古雷 refinery and ethylene projects as of 2014 and 2023, 华映 (CPT) as of 2018 and
// 2020 (the provincial group's control appears as a later fact with its citation), the scorecard of the 古雷
// park, and the graph before the plan was published. The figures asserted are those of data/later.
/* eslint-disable @typescript-eslint/no-explicit-any -- answers are checked by shape */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/infra/database.ts';
import { readScorecard } from '../../src/read/scorecard.ts';
import { usePlanServer } from '../support/plan.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer;
let db: Database;

usePlanServer((plan) => ({ server, db } = plan));

async function gql(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data: any; statements: number }> {
  const { body } = await server.graphql<any>(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return { data: body.data, statements: (body as any).extensions?.statements };
}

const STATUS = /* GraphQL */ `
  fragment Status on EntityStatus {
    status
    date
    basis
    outcome
    step {
      id
      source {
        id
        url
      }
    }
  }
`;

describe('timeline', () => {
  const TIMELINE = /* GraphQL */ `
    query ($entity: ID!, $asOf: Date) {
      timeline(entity: $entity, asOf: $asOf) {
        entity {
          id
        }
        status {
          ...Status
        }
        steps {
          id
          basis
          date
          validFrom
          validTo
          status
          outcome
          summary
          summaryZh
          where
          stated
          facts {
            key
            value
          }
          source {
            id
            url
            publisher
            date
            language
            kind
          }
          seeAlso {
            id
          }
          evidence {
            id
            quote
          }
        }
        undated {
          id
          status
          date
          source {
            id
          }
        }
        research {
          found
          caveats
          searched
        }
        truncated
      }
    }
    ${STATUS}
  `;

  it('of the 古雷 PX plant: the plan, the 2013 and 2015 fires and the 2017 reorganisation, each citing its page', async () => {
    const { data, statements } = await gql(TIMELINE, { entity: 'project:tenglong-px' });
    const { steps } = data.timeline;
    // The plan's step comes first: it was under construction (在建) in 2011, in the plan's own words.
    expect(steps[0]).toMatchObject({
      id: 'project:tenglong-px#plan',
      basis: 'PLAN',
      date: '2011-10-29',
      status: 'under_construction',
      source: null,
    });
    expect(steps[0].evidence.map((p: any) => p.quote)).toContain(
      '加快在建重点项目腾龙芳烃（漳州）有限公司80万吨/年对二甲苯（PX）',
    );
    const at = (date: string) => steps.find((s: any) => s.date === date);
    expect(at('2013-07-30')).toMatchObject({
      basis: 'LATER',
      status: 'under_construction',
      where: 'paragraphs 2 and 4',
    });
    expect(at('2013-07-30').source).toMatchObject({
      id: 'web:163-2013-07-30-zhangzhou-px-blast',
      url: 'http://money.163.com/13/0730/22/952KMJQM00253B0H.html',
      date: '2013-07-30',
    });
    expect(at('2013-07-30').seeAlso.map((p: any) => p.id)).toEqual([
      'web:china-com-cn-2013-07-31-gulei-px-flash',
    ]);
    expect(at('2015-04-06')).toMatchObject({ status: 'suspended', outcome: 'suspended' });
    expect(at('2015-04-06').source.id).toBe('web:enorth-2015-04-08-gulei-fire-reignites');
    expect(at('2015-04-06').facts).toContainEqual({ key: 'tanksBurning', value: '3' });
    expect(at('2017-10-27')).toMatchObject({
      status: 'reorganised',
      outcome: 'transformed',
      stated: '2018-03-30',
    });
    expect(at('2017-10-27').facts).toContainEqual({
      key: 'owners',
      value: '{"Fuhua Gulei Petrochemical":0.9,"Dragon Aromatics":0.1}',
    });
    // In time order; every later step has a page with an address, a summary in English and in Chinese.
    const froms = steps.map((s: any) => s.validFrom);
    expect(froms).toEqual([...froms].sort());
    for (const step of steps.slice(1)) {
      expect(step.source.url).toMatch(/^https?:\/\//);
      expect(step.summary.length).toBeGreaterThan(20);
      expect(step.summaryZh.length).toBeGreaterThan(5);
      expect(step.where).toBeTruthy();
    }
    expect(data.timeline.status).toMatchObject({
      status: 'operating',
      date: '2023-01-05',
      basis: 'LATER',
      outcome: 'realised',
    });
    expect(data.timeline.research.found).toBe('DATED');
    expect(data.timeline.research.searched.length).toBeGreaterThan(3);
    expect(statements).toBe(2); // the timeline (with the entity), and the evidence of the plan's step
  });

  it('as of a day: only the steps dated by then, the status on that day, no undated facts', async () => {
    const { data } = await gql(TIMELINE, { entity: 'project:tenglong-px', asOf: '2016-06-30' });
    expect(data.timeline.steps.map((s: any) => s.date)).toEqual([
      '2011-10-29',
      '2012-07-01',
      '2013-01',
      '2013-07-30',
      '2013',
      '2015-04-06',
      '2015-10-21',
    ]);
    expect(data.timeline.status).toMatchObject({
      status: 'suspended',
      date: '2015-10-21',
      outcome: 'suspended',
    });
    expect(data.timeline.undated).toEqual([]);
    const all = await gql(TIMELINE, { entity: 'enterprise:cpt' });
    expect(all.data.timeline.undated.map((s: any) => [s.status, s.date, s.source.id])).toEqual([
      [null, null, 'web:cj8808-undated-cptf-25pct'],
    ]);
  });

  it('of an entity data/later does not describe, or found nothing for', async () => {
    const none = await gql(TIMELINE, { entity: 'project:tenglong-ethylene' });
    expect(none.data.timeline.research.found).toBe('NONE');
    expect(none.data.timeline.research.searched.length).toBeGreaterThan(0);
    expect(none.data.timeline.steps.map((s: any) => s.basis)).toEqual(['PLAN']);
    expect(none.data.timeline.status).toMatchObject({
      status: 'planned',
      basis: 'PLAN',
      outcome: 'unknown',
      step: null,
    });
    const region = await gql(TIMELINE, { entity: 'region:xiamen' });
    expect(region.data.timeline.research.found).toBe('NOT_RESEARCHED');
    expect(region.data.timeline.status).toMatchObject({ status: null, basis: null, outcome: 'unknown' });
  });
});

describe('the 古雷 refinery and ethylene projects, as of 2014 and as of 2023', () => {
  it('the ethylene project was still planned in 2014 and operating in 2023; the refinery only planned', async () => {
    const { data, statements } = await gql(/* GraphQL */ `
      query {
        ethylene: entity(id: "project:gulei-ethylene") {
          in2014: status(asOf: "2014-12-31") {
            ...Status
          }
          in2023: status(asOf: "2023-12-31") {
            ...Status
          }
        }
        refinery: entity(id: "project:gulei-refinery") {
          in2014: status(asOf: "2014-12-31") {
            ...Status
          }
          in2023: status(asOf: "2023-12-31") {
            ...Status
          }
        }
      }
      ${STATUS}
    `);
    expect(data.ethylene.in2014).toMatchObject({
      status: 'planned',
      date: '2013-10-21',
      basis: 'LATER',
      outcome: 'pending',
    });
    expect(data.ethylene.in2014.step.source.id).toBe('web:cen-2013-10-21-taiwan-gulei-consortium');
    expect(data.ethylene.in2023).toMatchObject({
      status: 'operating',
      date: '2022-12-19',
      outcome: 'realised',
    });
    expect(data.ethylene.in2023.step.source.id).toBe('web:chinanews-2022-12-19-gulei-commercial');
    // No later page dates the refinery by 2014: the plan's own status (前期, planned), its fate unknown.
    expect(data.refinery.in2014).toMatchObject({
      status: 'planned',
      date: '2011-10-29',
      basis: 'PLAN',
      outcome: 'unknown',
      step: null,
    });
    expect(data.refinery.in2023).toMatchObject({
      status: 'planned',
      date: '2022-12-18',
      basis: 'LATER',
      outcome: 'pending',
    });
    // the entities, then one statement per day asked
    expect(statements).toBe(3);
  });

  it("the ethylene chain: the same plan, the projects' fates and the realised joint venture only in 2023", async () => {
    const CHAIN = /* GraphQL */ `
      query ($asOf: Date) {
        supplyChain(product: "product:ethylene", depth: 1, asOf: $asOf) {
          nodes {
            id
            status {
              status
              outcome
            }
          }
          edges {
            id
            status
            provenance
            stated
            validFrom
            citation {
              source {
                id
                publisher
              }
              where
              summary
            }
          }
        }
      }
    `;
    const [in2014, in2023] = await Promise.all([
      gql(CHAIN, { asOf: '2014-12-31' }),
      gql(CHAIN, { asOf: '2023-12-31' }),
    ]);
    const node = (answer: any, id: string) =>
      answer.data.supplyChain.nodes.find((n: any) => n.id === id)?.status;
    expect(node(in2014, 'project:gulei-ethylene')).toEqual({ status: 'planned', outcome: 'pending' });
    expect(node(in2023, 'project:gulei-ethylene')).toEqual({ status: 'operating', outcome: 'realised' });
    const later = (answer: any) =>
      answer.data.supplyChain.edges.filter((e: any) => e.provenance === 'CITATION');
    expect(later(in2014)).toEqual([]);
    expect(later(in2023)).toEqual([
      {
        id: 'enterprise:gulei-petrochemical|OWNS|project:gulei-ethylene|joint-venture',
        status: 'existing',
        provenance: 'CITATION',
        stated: '2016-11-08',
        validFrom: '2016-11-03',
        citation: {
          source: { id: 'web:taihainet-2016-11-08-gulei-jv', publisher: expect.any(String) },
          where: 'paragraphs 1, 3 and 4',
          summary: expect.stringMatching(/joint venture/),
        },
      },
    ]);
    // The plan's facts are stated on the plan's date and carry no citation.
    const plan = in2014.data.supplyChain.edges.find(
      (e: any) => e.id === 'project:gulei-ethylene|PRODUCES|product:ethylene',
    );
    expect(plan).toMatchObject({
      provenance: 'QUOTE',
      stated: '2011-10-29',
      validFrom: null,
      citation: null,
    });
  });
});

describe('华映 (CPT) as of 2018 and as of 2020', () => {
  const AROUND = /* GraphQL */ `
    query ($asOf: Date) {
      neighborhood(ids: ["enterprise:cpt"], depth: 1, asOf: $asOf) {
        nodes {
          id
          status {
            ...Status
          }
        }
        edges {
          id
          source
          target
          provenance
          validFrom
          citation {
            source {
              id
              url
            }
            summaryZh
            seeAlso {
              id
            }
          }
        }
      }
    }
    ${STATUS}
  `;

  it('comes under the provincial Fujian Electronics & Information Group between the two, with the page that says so', async () => {
    const [in2018, in2020] = await Promise.all([
      gql(AROUND, { asOf: '2018-12-31' }),
      gql(AROUND, { asOf: '2020-12-31' }),
    ]);
    const cpt = (answer: any) =>
      answer.data.neighborhood.nodes.find((n: any) => n.id === 'enterprise:cpt').status;
    expect(cpt(in2018)).toMatchObject({ status: 'operating', date: '2018-12-13', outcome: 'realised' });
    expect(cpt(in2020)).toMatchObject({ status: 'acquired', date: '2020-11-12', outcome: 'transformed' });
    expect(cpt(in2020).step.source.id).toBe('web:sina-2021-09-24-cpt-tech-competition-plan');
    const ids = (answer: any) => answer.data.neighborhood.nodes.map((n: any) => n.id);
    expect(ids(in2018)).not.toContain('enterprise:fujian-electronics-group');
    expect(ids(in2020)).toContain('enterprise:fujian-electronics-group');
    const owns = in2020.data.neighborhood.edges.find(
      (e: any) => e.id === 'enterprise:fujian-electronics-group|OWNS|enterprise:cpt',
    );
    expect(owns).toMatchObject({
      provenance: 'CITATION',
      validFrom: '2020-11-12',
      source: 'enterprise:fujian-electronics-group',
      target: 'enterprise:cpt',
    });
    expect(owns.citation.source.url).toMatch(/^https?:\/\//);
    expect(owns.citation.seeAlso.map((p: any) => p.id)).toEqual([
      'web:sina-2022-cpt-tech-related-party',
      'web:sina-2025-cpt-tech-related-party',
    ]);
    // Everything else around it is the plan's, seen in both years.
    expect(in2018.data.neighborhood.edges.every((e: any) => e.provenance === 'QUOTE')).toBe(true);
  });

  it('paths and policy reach see the later fact only once it holds', async () => {
    const PATH = /* GraphQL */ `
      query ($asOf: Date) {
        paths(from: "enterprise:cpt", to: "enterprise:fujian-electronics-group", maxHops: 1, asOf: $asOf) {
          edges {
            id
          }
        }
      }
    `;
    expect((await gql(PATH, { asOf: '2019-12-31' })).data.paths).toEqual([]);
    expect((await gql(PATH, { asOf: '2021-01-01' })).data.paths).toEqual([
      { edges: [{ id: 'enterprise:fujian-electronics-group|OWNS|enterprise:cpt' }] },
    ]);
    expect((await gql(PATH, {})).data.paths).toHaveLength(1);
  });
});

describe('the scorecard of the 古雷 park', () => {
  const SCORECARD = /* GraphQL */ `
    query ($asOf: Date) {
      scorecard(scope: "park:gulei-taiwan-petrochemical-park", asOf: $asOf) {
        scope {
          id
        }
        total
        outcomes {
          outcome
          count
        }
        counts {
          intended
          outcome
          count
        }
        members {
          entity {
            id
            status {
              outcome
            }
          }
          intended
          via {
            type
            status
          }
          status {
            ...Status
          }
          explanation
        }
        truncated
      }
    }
    ${STATUS}
  `;

  it('today: of its eight members, five realised, one transformed and two pending, each with its page', async () => {
    const { data, statements } = await gql(SCORECARD);
    const card = data.scorecard;
    expect(card.total).toBe(8);
    expect(Object.fromEntries(card.outcomes.map((o: any) => [o.outcome, o.count]))).toEqual({
      realised: 5,
      transformed: 1,
      pending: 2,
      suspended: 0,
      abandoned: 0,
      unknown: 0,
    });
    const member = (id: string) => card.members.find((m: any) => m.entity.id === id);
    expect(card.members.map((m: any) => m.entity.id)[0]).toBe('park:gulei-taiwan-petrochemical-park');
    expect(member('park:gulei-taiwan-petrochemical-park')).toMatchObject({ intended: null, via: [] });
    expect(member('project:gulei-ethylene')).toMatchObject({
      intended: 'planned',
      via: [{ type: 'HOSTS', status: 'planned' }],
    });
    expect(member('project:gulei-ethylene').status).toMatchObject({
      status: 'operating',
      outcome: 'realised',
    });
    expect(member('project:gulei-refinery').status).toMatchObject({
      status: 'under_construction',
      outcome: 'pending',
    });
    expect(member('enterprise:tenglong-aromatics').status).toMatchObject({
      status: 'reorganised',
      outcome: 'transformed',
    });
    expect(member('project:tenglong-px')).toMatchObject({ intended: 'existing' });
    for (const m of card.members.filter((x: any) => x.status.basis === 'LATER'))
      expect(m.status.step.source.url).toMatch(/^https?:\/\//);
    // The member's own status field says the same (as of the scorecard's day).
    for (const m of card.members) expect(m.entity.status.outcome).toBe(m.status.outcome);
    expect(member('project:gulei-ethylene').explanation).toMatch(
      /HOSTS, planned.*2022-12-19.*operating \(realised\)/,
    );
    expect(card.counts).toContainEqual({ intended: 'planned', outcome: 'realised', count: 2 });
    expect(card.truncated).toBe(false);
    expect(statements).toBe(2); // the scorecard, and the members' statuses
  });

  it('as of 2014: one realised (the PX plant, producing since 2013), five pending, two unknown', async () => {
    const { data } = await gql(SCORECARD, { asOf: '2014-12-31' });
    expect(Object.fromEntries(data.scorecard.outcomes.map((o: any) => [o.outcome, o.count]))).toMatchObject({
      realised: 1,
      pending: 5,
      unknown: 2,
    });
    const unknown = data.scorecard.members
      .filter((m: any) => m.status.outcome === 'unknown')
      .map((m: any) => m.entity.id);
    expect(unknown.sort()).toEqual(['park:gulei-taiwan-petrochemical-park', 'project:gulei-refinery']);
  });

  it('cut at the walk budget keeps the first members in order and says so', async () => {
    const request = { scope: 'sector:petrochemical', asOf: null, first: 500 };
    const whole = (await readScorecard(db, request)).scorecard;
    expect(whole.truncated).toBe(false);
    const cut = (await readScorecard(db, { ...request, visits: 3 })).scorecard;
    expect(cut.members.map((m) => m.entity.id)).toEqual(whole.members.slice(0, 3).map((m) => m.entity.id));
    expect(cut.total).toBe(3);
    expect(cut.truncated).toBe(true);
    expect(cut.truncation.map((t) => t.reason)).toEqual(['VISIT_LIMIT']);
    // a scope that is neither a park nor a sector, or is missing, has no member (one row all the same)
    expect((await readScorecard(db, { ...request, scope: 'region:xiamen' })).scopeType).toBe('Region');
    expect((await readScorecard(db, { ...request, scope: 'park:nowhere' })).scorecard.total).toBe(0);
  });

  it('of a sector counts its projects, parks and enterprises; a region is refused', async () => {
    const { data } = await gql(/* GraphQL */ `
      {
        scorecard(scope: "sector:petrochemical", first: 0) {
          total
          members {
            entity {
              id
            }
          }
          truncated
          outcomes {
            count
          }
        }
      }
    `);
    expect(data.scorecard.total).toBeGreaterThan(8);
    expect(data.scorecard.members).toEqual([]);
    expect(data.scorecard.truncated).toBe(true);
    expect(data.scorecard.outcomes.reduce((n: number, o: any) => n + o.count, 0)).toBe(data.scorecard.total);
    const { body } = await server.graphql<any>(/* GraphQL */ `
      {
        scorecard(scope: "region:xiamen") {
          total
        }
      }
    `);
    expect(body.errors?.[0]).toMatchObject({
      message: 'scope: "region:xiamen" is a Region, not a Park or a Sector.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('chainGaps as of a day', () => {
  const GAPS = /* GraphQL */ `
    query ($asOf: Date) {
      chainGaps(sector: "sector:petrochemical", first: 500, asOf: $asOf) {
        chain {
          id
        }
        link {
          id
          status {
            outcome
          }
        }
        kinds
        coverageCount
        coverageOutsideFujianCount
        upstreamCount
        downstreamCount
        explanation
        coverage {
          entity {
            id
          }
          relation {
            id
          }
          taiwanInvested
        }
      }
    }
  `;
  it('computes live what the load stored, once everything then known is everything known', async () => {
    // Every INPUT_TO, PRODUCES and FOCUSES_ON fact of data/ is the plan's: as of today the live answer is
    // the stored one, in the same order, computed by the other statement.
    const stored = (await gql(GAPS)).data.chainGaps;
    const live = (await gql(GAPS, { asOf: '2026-12-31' })).data.chainGaps;
    expect(stored.length).toBeGreaterThan(5);
    // and some of it lies on the Taiwan side (台北's tyres), which the live answer must find as the load did
    expect(stored.some((gap: any) => gap.coverageOutsideFujianCount > 0)).toBe(true);
    expect(live).toEqual(stored);
  });

  it('knows no chain before the plan was published', async () => {
    expect((await gql(GAPS, { asOf: '2011-10-28' })).data.chainGaps).toEqual([]);
    expect((await gql(GAPS, { asOf: '2011-10-29' })).data.chainGaps.length).toBeGreaterThan(5);
  });
});

describe('time at its edges', () => {
  it('before the plan was published the graph knows nothing', async () => {
    const { data } = await gql(/* GraphQL */ `
      {
        neighborhood(ids: ["park:gulei-taiwan-petrochemical-park"], asOf: "2011-10-28") {
          nodes {
            id
            status {
              status
              outcome
            }
          }
          edges {
            id
          }
        }
      }
    `);
    expect(data.neighborhood.nodes).toEqual([
      { id: 'park:gulei-taiwan-petrochemical-park', status: { status: null, outcome: 'unknown' } },
    ]);
    expect(data.neighborhood.edges).toEqual([]);
    const published = await gql(/* GraphQL */ `
      {
        neighborhood(ids: ["park:gulei-taiwan-petrochemical-park"], asOf: "2011-10-29") {
          edges {
            id
          }
        }
      }
    `);
    expect(published.data.neighborhood.edges.length).toBeGreaterThan(10);
  });

  it('a day that is not a day is BAD_USER_INPUT, as a literal and as a variable', async () => {
    const literal = await server.graphql<any>(/* GraphQL */ `
      {
        timeline(entity: "enterprise:cpt", asOf: "2020-02-30") {
          truncated
        }
      }
    `);
    expect(literal.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('"2020-02-30" is not a date'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const variable = await server.graphql<any>(
      /* GraphQL */ `
        query ($d: Date) {
          chainGaps(asOf: $d) {
            explanation
          }
        }
      `,
      { d: '2014' },
    );
    expect(variable.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('"2014" is not a date'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const unknown = await server.graphql<any>(/* GraphQL */ `
      {
        timeline(entity: "project:nowhere") {
          truncated
        }
      }
    `);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('stats count the pages and steps of data/later', async () => {
    const { data } = await gql(/* GraphQL */ `
      {
        stats {
          sources
          statusSteps
        }
      }
    `);
    // 240 pages of data/later/sources.yaml and 13 of data/later/names.yaml
    expect(data.stats).toEqual({ sources: 253, statusSteps: 221 });
  });
});
