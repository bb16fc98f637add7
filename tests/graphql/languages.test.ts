// Cross-strait reading (issue 14) over real HTTP against the plan graph: a search written in Traditional
// characters or with Taiwan's words finds what the plan writes in Simplified, and the texts the server
// writes (caveats, the explanations of chainGaps and policyReach) come in the language a field asks for, else
// in the one the request's Accept-Language names.
import { beforeAll, describe, expect, it } from 'vitest';
import { toTraditional } from '../../src/data/language.ts';
import { usePlanServer } from '../support/plan.ts';
import type { GraphQLBody, TestServer } from '../support/server.ts';

let server: TestServer;

usePlanServer((plan) => ({ server } = plan));

/** POSTs a query with the headers given (Accept-Language among them) and returns its data. */
async function gql<T>(query: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as GraphQLBody<T>;
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(response.status).toBe(200);
  return body.data as T;
}

interface Hits {
  search: { matched: string; entity: { id: string; name: string } }[];
}

const searchFor = (text: string) =>
  gql<Hits>(
    /* GraphQL */ `{ search(query: ${JSON.stringify(text)}, first: 5) { matched entity { id name } } }`,
  );

describe('search folds Traditional and Simplified', () => {
  it.each([
    ['臺塑', 'enterprise:formosa-plastics'],
    ['友達光電', 'enterprise:auo'],
    ['華映', 'enterprise:cpt'],
    ['東南汽車', 'enterprise:soueast'],
    // Taiwan's words for the plan's 软件 and 信息化
    ['軟體', 'sector:software'],
    ['資訊化', 'sector:informatization'],
  ])('%s finds %s first', async (text, id) => {
    const { search } = await searchFor(text);
    expect(search[0]?.entity.id, JSON.stringify(search)).toBe(id);
  });

  it('says which name as written matched the folded query', async () => {
    const { search } = await searchFor('臺塑');
    expect(search[0]).toMatchObject({ matched: '台塑', entity: { name: '台塑' } });
  });

  it('keeps one-character queries working, in either script', async () => {
    const simplified = await searchFor('雷');
    expect(simplified.search.length).toBeGreaterThan(0);
    const traditional = await searchFor('華');
    expect(traditional.search.map((h) => h.entity.name).join()).toContain('华');
  });

  it('finds passages of the plan from Traditional text', async () => {
    const data = await gql<{ passages: { passage: { text: string } }[] }>(/* GraphQL */ `
      {
        passages(query: "臺灣車輛同業公會", first: 3) {
          passage {
            text
          }
        }
      }
    `);
    expect(data.passages[0]?.passage.text).toContain('台湾车辆同业公会');
  });
});

const GULEI = 'park:gulei-taiwan-petrochemical-park';
const caveatsQuery = (args = '') => /* GraphQL */ `{ entity(id: "${GULEI}") { caveats${args} } }`;
type Caveats = { entity: { caveats: string[] } };

describe("caveats in the reader's language", () => {
  let english: string[];
  let simplified: string[];

  beforeAll(async () => {
    english = (await gql<Caveats>(caveatsQuery())).entity.caveats;
    simplified = (await gql<Caveats>(caveatsQuery('(language: ZH_HANS)'))).entity.caveats;
  });

  it('answers in English without an Accept-Language header or language argument', () => {
    expect(english.length).toBeGreaterThan(0);
    expect(english[0]).toMatch(/^The plan names the park three ways/);
  });

  it('answers in Simplified Chinese, aligned with the English', () => {
    expect(simplified).toHaveLength(english.length);
    expect(simplified[0]).toContain('同一个园区');
  });

  it.each([
    ['zh-TW', 'ZH_HANT'],
    ['zh-HK,en;q=0.5', 'ZH_HANT'],
    ['zh-Hant', 'ZH_HANT'],
    ['zh-CN,zh;q=0.9', 'ZH_HANS'],
    ['zh', 'ZH_HANS'],
    ['fr-FR, zh-TW;q=0.4', 'ZH_HANT'],
    ['en-GB', 'EN'],
    ['fr', 'EN'],
  ])('Accept-Language %s reads as %s', async (header, language) => {
    const { entity } = await gql<Caveats>(caveatsQuery(), { 'accept-language': header });
    const expected =
      language === 'EN' ? english : language === 'ZH_HANS' ? simplified : simplified.map(toTraditional);
    expect(entity.caveats).toEqual(expected);
  });

  it('writes Traditional with Taiwan characters (同一個園區)', async () => {
    const { entity } = await gql<Caveats>(caveatsQuery(), { 'accept-language': 'zh-TW' });
    expect(entity.caveats[0]).toContain('同一個園區');
  });

  it('takes the language argument over the header', async () => {
    const { entity } = await gql<Caveats>(caveatsQuery('(language: EN)'), { 'accept-language': 'zh-TW' });
    expect(entity.caveats).toEqual(english);
  });

  it('answers the caveats of a fact too', async () => {
    const data = await gql<{ relation: { en: string[]; zh: string[] } }>(
      /* GraphQL */ `{ relation(id: "${GULEI}|HOSTS|project:xianglu-pta") { en: caveats(language: EN) zh: caveats(language: ZH_HANT) } }`,
    );
    expect(data.relation.en[0]).toContain('Chapter 4 gives');
    expect(data.relation.zh[0]).toContain('第四章');
  });
});

describe("composed explanations in the reader's language", () => {
  interface Gaps {
    chainGaps: {
      kinds: string[];
      link: { name: string };
      en: string;
      hans: string;
      hant: string;
      header: string;
    }[];
  }
  it('chainGaps explains each gap in English, 简体 and 繁體', async () => {
    const { chainGaps } = await gql<Gaps>(
      /* GraphQL */ `
        {
          chainGaps(first: 20) {
            kinds
            link {
              name
            }
            en: explanation(language: EN)
            hans: explanation(language: ZH_HANS)
            hant: explanation(language: ZH_HANT)
            header: explanation
          }
        }
      `,
      { 'accept-language': 'zh-CN' },
    );
    expect(chainGaps.length).toBeGreaterThan(0);
    for (const gap of chainGaps) {
      expect(gap.en).toMatch(/^(No |Only |Everything )/);
      expect(gap.hans).toContain(gap.link.name);
      expect(gap.hans).toMatch(/。$/);
      expect(gap.hant).toBe(toTraditional(gap.hans));
      expect(gap.header).toBe(gap.hans);
    }
    const plannedOnly = chainGaps.find((g) => g.kinds.includes('PLANNED_OR_SOUGHT_ONLY'));
    expect(plannedOnly?.hans).toMatch(/都只是(规划|争取)/);
    expect(plannedOnly?.hant).toMatch(/都只是(規劃|爭取)/);
  });

  it("policyReach reads each hop in the reader's language", async () => {
    const { policyReach } = await gql<{ policyReach: { en: string; zh: string }[] }>(
      /* GraphQL */ `
        {
          policyReach(entity: "project:gulei-refinery", first: 5) {
            en: explanation(language: EN)
            zh: explanation
          }
        }
      `,
      { 'accept-language': 'zh-TW' },
    );
    expect(policyReach.length).toBeGreaterThan(0);
    for (const reach of policyReach) {
      expect(reach.en).toMatch(/ \((existing|planned|sought)\)\.$/);
      expect(reach.zh).toMatch(/（(已有|規劃|爭取)）。$/);
    }
  });

  it("the what-if answers explain themselves in the reader's language", async () => {
    type Texts = { en: string; hans: string; hant: string }[];
    const TEXTS = 'en: explanation(language: EN) hans: explanation(language: ZH_HANS) hant: explanation';
    const data = await gql<{
      impact: { consequences: Texts };
      singlePoints: { links: Texts; ranking: Texts };
      gapPartners: { partners: Texts }[];
      partnerRoles: { roles: Texts };
    }>(
      /* GraphQL */ `{
        impact(entities: ["enterprise:auo"]) { consequences { ${TEXTS} } }
        singlePoints(first: 5) { links { ${TEXTS} } ranking { ${TEXTS} } }
        gapPartners(first: 5, partners: 2) { partners { ${TEXTS} } }
        partnerRoles(first: 5) { roles { ${TEXTS} } }
      }`,
      { 'accept-language': 'zh-TW' },
    );
    const groups = {
      impact: data.impact.consequences,
      singlePointLinks: data.singlePoints.links,
      singlePointRanking: data.singlePoints.ranking,
      gapPartners: data.gapPartners.flatMap((g) => g.partners),
      partnerRoles: data.partnerRoles.roles,
    };
    for (const [name, texts] of Object.entries(groups)) {
      expect(texts.length, name).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text.en, name).toMatch(/[a-z].*\.$/);
        expect(text.hans, name).toMatch(/。$/);
        expect(text.hant, name).toBe(toTraditional(text.hans));
      }
    }
  });

  it('truncation messages follow the language too', async () => {
    const { supplyChain } = await gql<{ supplyChain: { truncation: { reason: string; message: string }[] } }>(
      /* GraphQL */ `
        {
          supplyChain(product: "product:pta", direction: BOTH, depth: 1) {
            truncation {
              reason
              message
            }
          }
        }
      `,
      { 'accept-language': 'zh-CN' },
    );
    const depth = supplyChain.truncation.find((t) => t.reason === 'DEPTH');
    expect(depth?.message).toBe('产业链超出 1 个环节还在延续；调大深度可看到更多。');
  });
});
