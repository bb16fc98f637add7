// Synthetic data shaped like an industrial registry, the second generator of `npm run bench:scale` (the first,
// bench/generate.ts, draws power-law endpoints at random). Written in the streamed NDJSON form the loader
// accepts (src/write/stream.ts), with the plan's sources so that quotes resolve:
//
// - products in six tiers, each product fed (INPUT_TO) by one to four products of the tier before; a few
//   platform inputs (tier 0: 电力, 芯片 …) feed a large share of every tier directly, so one of them feeds
//   thousands, and the INPUT_TO links form one large chain as real industrial networks do;
// - sectors (a dozen, each with sub-sectors PART_OF it); every product and firm IN_SECTOR a sub-sector;
// - enterprises (Taiwan-invested, mainland, foreign) each LOCATED_IN a county of a Fujian city or, for a
//   few, a place on the Taiwan side, each making (PRODUCES) a few products of neighbouring tiers;
// - projects OWNED by one or two enterprises, HOSTED by a park, making a product or two;
// - parks LOCATED_IN counties, some PART_OF a larger park, each FOCUSING_ON a handful of products and sectors,
//   ANCHORED by some enterprises;
// - policies and their measures (PART_OF the policy) that APPLY_TO parks, sectors and regions;
// - associations, agencies, events and indicators around them; and, to reach the requested count, supplier
//   links (SUPPORTS) between enterprises, drawn with a power law.
//
// Picks that favour "popular" entities use index = ⌊n·u³⌋ (as bench/generate.ts), so degrees are skewed.
// Deterministic for a given size and seed; memory is per entity, plus the ids of the relations written (to
// avoid duplicates).
//
//   node --import tsx bench/generate-industry.ts --relations 100000 --out /tmp/cskg-industry-100k
import { createWriteStream, cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RelationStatus, RelationType } from '../src/data/model.ts';
import { random, uniqueQuotes, type GenerateOptions } from './generate.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLAN = 'fujian-plan-2011';

const CITIES: readonly [string, string][] = [
  ['福州', 'Fuzhou'],
  ['厦门', 'Xiamen'],
  ['泉州', 'Quanzhou'],
  ['漳州', 'Zhangzhou'],
  ['莆田', 'Putian'],
  ['三明', 'Sanming'],
  ['南平', 'Nanping'],
  ['龙岩', 'Longyan'],
  ['宁德', 'Ningde'],
];
const SECTORS: readonly [string, string][] = [
  ['电子信息', 'Electronics'],
  ['石油化工', 'Petrochemicals'],
  ['机械装备', 'Machinery'],
  ['汽车', 'Automotive'],
  ['船舶', 'Shipbuilding'],
  ['冶金', 'Metallurgy'],
  ['建材', 'Building materials'],
  ['纺织服装', 'Textiles'],
  ['食品', 'Food'],
  ['生物医药', 'Biomedicine'],
  ['新能源', 'New energy'],
  ['新材料', 'New materials'],
];
const PLATFORM: readonly [string, string][] = [
  ['电力', 'Electric power'],
  ['芯片', 'Chips'],
  ['钢材', 'Steel'],
  ['乙烯', 'Ethylene'],
  ['工业气体', 'Industrial gases'],
  ['铝材', 'Aluminium'],
  ['玻璃基板', 'Glass substrates'],
  ['树脂', 'Resins'],
];
const FIRM_WORDS: readonly [string, string][] = [
  ['宏达', 'Hongda'],
  ['华泰', 'Huatai'],
  ['联创', 'Lianchuang'],
  ['恒信', 'Hengxin'],
  ['永盛', 'Yongsheng'],
  ['鑫源', 'Xinyuan'],
  ['东南', 'Dongnan'],
  ['海峡', 'Haixia'],
  ['闽台', 'Mintai'],
  ['金龙', 'Jinlong'],
  ['天利', 'Tianli'],
  ['正新', 'Zhengxin'],
];
const ORIGINS = ['taiwan', 'mainland', 'foreign', 'unknown'] as const;
/** Share of the products in each tier, upstream first; tier 0 are the platform inputs. */
const TIER_SHARES = [0, 0.05, 0.12, 0.2, 0.27, 0.36];

/** Entities per 1,000 facts; the relations they take part in come to about 1,000 with the top-up. */
const PER_THOUSAND = {
  counties: 0.4,
  taiwanPlaces: 0.05,
  subSectors: 0.3,
  products: 22,
  enterprises: 95,
  projects: 12,
  parks: 2.5,
  policies: 0.5,
  measures: 2,
  associations: 0.3,
  agencies: 0.15,
  events: 0.1,
  indicators: 0.5,
};

export async function generateIndustryData(
  options: GenerateOptions,
): Promise<{ entities: number; relations: number }> {
  const rand = random(options.seed ?? 42);
  const quotes = uniqueQuotes();
  const quote = () => quotes[Math.floor(rand() * quotes.length)] as string;
  const int = (n: number) => Math.floor(rand() * n);
  const oneOf = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  /** power law: most picks fall on the first entities of the list */
  const popular = <T>(list: readonly T[]): T => list[Math.floor(list.length * rand() ** 3)] as T;
  const count = (key: keyof typeof PER_THOUSAND, min: number) =>
    Math.max(min, Math.round((options.relations / 1000) * PER_THOUSAND[key]));

  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(path.join(options.out, 'graph'), { recursive: true });
  cpSync(path.join(ROOT, 'data', 'sources'), path.join(options.out, 'sources'), { recursive: true });
  const target = path.join(options.out, 'graph', 'industry.ndjson');
  const partial = `${target}.partial`;
  const stream = createWriteStream(partial, 'utf8');
  const write = async (value: unknown) => {
    if (!stream.write(`${JSON.stringify(value)}\n`)) await once(stream, 'drain');
  };
  await write({ document: PLAN });

  let entities = 0;
  const entity = async (
    id: string,
    type: string,
    name: string,
    nameEn: string,
    extra: Record<string, unknown> = {},
  ) => {
    entities += 1;
    await write({ entity: { id, type, name, nameEn, quotes: [quote()], ...extra } });
    return id;
  };

  // ------------------------------------------------------------------------------------ entities
  const document = await entity(
    'document:industry',
    'Document',
    '产业合成登记',
    'Synthetic industry registry',
  );
  const province = await entity('region:fujian', 'Region', '福建省', 'Fujian', { level: 'province' });
  const taiwan = await entity('region:taiwan', 'Region', '台湾', 'Taiwan', { level: 'taiwan-place' });
  const cities: string[] = [];
  for (const [i, [zh, en]] of CITIES.entries())
    cities.push(await entity(`region:city-${i}`, 'Region', `${zh}市`, en, { level: 'city' }));
  const counties: string[] = [];
  for (let i = 0; i < count('counties', 10); i++) {
    const [zh, en] = CITIES[i % CITIES.length] as [string, string];
    counties.push(
      await entity(`region:county-${i}`, 'Region', `${zh}第${i}区`, `${en} district ${i}`, {
        level: 'county',
      }),
    );
  }
  const taiwanPlaces: string[] = [];
  for (let i = 0; i < count('taiwanPlaces', 3); i++)
    taiwanPlaces.push(
      await entity(`region:tw-${i}`, 'Region', `台湾地点${i}`, `Taiwan place ${i}`, {
        level: 'taiwan-place',
      }),
    );

  const sectors: string[] = [];
  for (const [i, [zh, en]] of SECTORS.entries())
    sectors.push(await entity(`sector:s${i}`, 'Sector', `${zh}产业`, `${en} industry`, { level: 1 }));
  const subSectors: string[] = [];
  for (let i = 0; i < count('subSectors', SECTORS.length); i++) {
    const [zh, en] = SECTORS[i % SECTORS.length] as [string, string];
    subSectors.push(
      await entity(`sector:s${i % SECTORS.length}-${i}`, 'Sector', `${zh}细分${i}`, `${en} segment ${i}`, {
        level: 2,
      }),
    );
  }
  const sectorOfSub = (sub: number) => sub % SECTORS.length;

  // Products in tiers; a product's family (sector) is kept so that its inputs, makers and parks match it.
  const productTotal = count('products', 40);
  const tiers: string[][] = [[]];
  const productSub = new Map<string, number>();
  for (const [i, [zh, en]] of PLATFORM.entries()) {
    const id = await entity(`product:platform-${i}`, 'Product', zh, en);
    tiers[0]?.push(id);
    productSub.set(id, i % subSectors.length);
  }
  for (let tier = 1; tier < TIER_SHARES.length; tier++) {
    const list: string[] = [];
    const size = Math.max(3, Math.round(productTotal * (TIER_SHARES[tier] as number)));
    for (let i = 0; i < size; i++) {
      const sub = int(subSectors.length);
      const [zh, en] = SECTORS[sectorOfSub(sub)] as [string, string];
      const id = await entity(
        `product:t${tier}-${i}`,
        'Product',
        `${zh}${tier}级品${i}`,
        `${en} tier ${tier} item ${i}`,
      );
      list.push(id);
      productSub.set(id, sub);
    }
    tiers.push(list);
  }
  const products = tiers.flat();
  const tierOf = new Map<string, number>();
  tiers.forEach((list, tier) => list.forEach((id) => tierOf.set(id, tier)));

  const enterprises: string[] = [];
  const enterpriseSub: number[] = [];
  for (let i = 0; i < count('enterprises', 30); i++) {
    const [cityZh, cityEn] = oneOf(CITIES);
    const [wordZh, wordEn] = oneOf(FIRM_WORDS);
    const sub = int(subSectors.length);
    const [sectorZh, sectorEn] = SECTORS[sectorOfSub(sub)] as [string, string];
    enterprises.push(
      await entity(
        `enterprise:e${i}`,
        'Enterprise',
        `${cityZh}${wordZh}${sectorZh}有限公司${i}`,
        `${cityEn} ${wordEn} ${sectorEn} Co. ${i}`,
        {
          origin: ORIGINS[rand() < 0.3 ? 0 : rand() < 0.85 ? 1 : rand() < 0.7 ? 2 : 3],
        },
      ),
    );
    enterpriseSub.push(sub);
  }
  const projects: string[] = [];
  for (let i = 0; i < count('projects', 8); i++)
    projects.push(
      await entity(`project:p${i}`, 'Project', `合成项目${i}`, `Project ${i}`, {
        projectStatus: oneOf(['existing', 'under-construction', 'planned'] as const),
      }),
    );
  const parks: string[] = [];
  for (let i = 0; i < count('parks', 6); i++) {
    const [zh, en] = oneOf(CITIES);
    parks.push(
      await entity(`park:k${i}`, 'Park', `${zh}产业园${i}`, `${en} industrial park ${i}`, {
        kind: i % 5 === 0 ? 'taiwan-investment-zone' : 'industrial-park',
        areaKm2: 1 + (i % 40) / 2,
      }),
    );
  }
  const policies: string[] = [];
  for (let i = 0; i < count('policies', 3); i++)
    policies.push(
      await entity(`policy:y${i}`, 'Policy', `扶持政策${i}`, `Support policy ${i}`, { kind: 'opinion' }),
    );
  const measures: string[] = [];
  for (let i = 0; i < count('measures', 6); i++)
    measures.push(
      await entity(`measure:m${i}`, 'Measure', `优惠措施${i}`, `Incentive ${i}`, {
        kind: oneOf(['land', 'tax', 'finance', 'talent'] as const),
      }),
    );
  const associations: string[] = [];
  for (let i = 0; i < count('associations', 2); i++)
    associations.push(
      await entity(`association:a${i}`, 'Association', `两岸协会${i}`, `Cross-strait association ${i}`, {
        side: oneOf(['taiwan', 'cross-strait'] as const),
      }),
    );
  const agencies: string[] = [];
  for (let i = 0; i < count('agencies', 2); i++)
    agencies.push(await entity(`agency:g${i}`, 'Agency', `管理委员会${i}`, `Administrative committee ${i}`));
  const events: string[] = [];
  for (let i = 0; i < count('events', 1); i++)
    events.push(
      await entity(`event:v${i}`, 'Event', `投资洽谈会${i}`, `Investment fair ${i}`, {
        city: oneOf(CITIES)[1],
      }),
    );
  const indicators: string[] = [];
  for (let i = 0; i < count('indicators', 2); i++)
    indicators.push(
      await entity(`indicator:n${i}`, 'Indicator', `产值指标${i}`, `Output indicator ${i}`, {
        value: 10 + i,
        unit: '亿元',
        year: 2015,
      }),
    );

  // ----------------------------------------------------------------------------------- relations
  const seen = new Set<string>();
  let relations = 0;
  const status = (): RelationStatus => (rand() < 0.6 ? 'existing' : rand() < 0.6 ? 'planned' : 'sought');
  const relation = async (
    type: RelationType,
    from: string,
    to: string,
    extra: Record<string, unknown> = {},
  ) => {
    if (relations >= options.relations || from === to) return;
    const id = `${from}|${type}|${to}`;
    if (seen.has(id)) return;
    seen.add(id);
    relations += 1;
    await write({ relation: { type, from, to, status: status(), quotes: [quote()], ...extra } });
  };
  /** A product near a tier (same or next), of the same sector family when one is close at hand. */
  const productNear = (sub: number) => {
    const tier = 1 + int(TIER_SHARES.length - 1);
    const list = tiers[tier] as string[];
    for (let tries = 0; tries < 4; tries++) {
      const candidate = popular(list);
      if (sectorOfSub(productSub.get(candidate) ?? 0) === sectorOfSub(sub)) return candidate;
    }
    return popular(list);
  };

  // The spine: every entity takes part in at least one relation.
  await relation('TARGETS', document, province);
  for (const city of cities) await relation('PART_OF', city, province);
  for (const [i, county] of counties.entries())
    await relation('PART_OF', county, cities[i % cities.length] as string);
  for (const place of taiwanPlaces) await relation('PART_OF', place, taiwan);
  await relation('COUNTERPART_OF', taiwan, province);
  for (const [i, sub] of subSectors.entries())
    await relation('PART_OF', sub, sectors[sectorOfSub(i)] as string);
  for (const sector of sectors) await relation('TARGETS', document, sector);
  // Supply chains: each product of tier ≥ 1 is fed by one to four products of the tier before, and often
  // by a platform input as well.
  for (let tier = 1; tier < tiers.length; tier++) {
    for (const product of tiers[tier] as string[]) {
      await relation('IN_SECTOR', product, subSectors[productSub.get(product) ?? 0] as string);
      const inputs = 1 + int(4);
      for (let k = 0; k < inputs; k++)
        await relation('INPUT_TO', popular(tiers[tier - 1] as string[]), product);
      if (tier > 1 && rand() < 0.5) await relation('INPUT_TO', popular(tiers[0] as string[]), product);
    }
  }
  for (const platform of tiers[0] as string[])
    await relation('IN_SECTOR', platform, subSectors[productSub.get(platform) ?? 0] as string);
  for (const [i, park] of parks.entries()) {
    await relation('LOCATED_IN', park, popular(counties));
    if (i >= 10 && rand() < 0.3) await relation('PART_OF', park, popular(parks.slice(0, i)));
    const focus = 3 + int(8);
    for (let k = 0; k < focus; k++)
      await relation('FOCUSES_ON', park, rand() < 0.2 ? oneOf(subSectors) : popular(products));
  }
  for (const [i, firm] of enterprises.entries()) {
    await relation('LOCATED_IN', firm, rand() < 0.04 ? oneOf(taiwanPlaces) : popular(counties));
    await relation('IN_SECTOR', firm, subSectors[enterpriseSub[i] as number] as string);
    const makes = 1 + int(5);
    for (let k = 0; k < makes; k++) await relation('PRODUCES', firm, productNear(enterpriseSub[i] as number));
    if (rand() < 0.03) await relation('ANCHORS', firm, popular(parks));
  }
  for (const project of projects) {
    await relation('OWNS', popular(enterprises), project);
    if (rand() < 0.3) await relation('OWNS', popular(enterprises), project);
    await relation('HOSTS', popular(parks), project);
    await relation('LOCATED_IN', project, popular(counties));
    await relation('PRODUCES', project, productNear(int(subSectors.length)));
    if (rand() < 0.5) await relation('PRODUCES', project, productNear(int(subSectors.length)));
  }
  for (const policy of policies) {
    await relation('BASED_ON', policy, document);
    const reach = 4 + int(12);
    for (let k = 0; k < reach; k++) {
      const r = rand();
      await relation(
        'APPLIES_TO',
        policy,
        r < 0.5 ? popular(parks) : r < 0.8 ? oneOf(subSectors) : oneOf(counties),
      );
    }
  }
  for (const measure of measures) {
    await relation('PART_OF', measure, popular(policies));
    const reach = 1 + int(4);
    for (let k = 0; k < reach; k++)
      await relation('APPLIES_TO', measure, rand() < 0.7 ? popular(parks) : oneOf(subSectors));
  }
  for (const association of associations) {
    await relation('COOPERATES_WITH', association, popular(parks));
    for (let k = 0; k < 4; k++) await relation('PARTNERS_WITH', association, popular(enterprises));
  }
  for (const agency of agencies) {
    await relation('LOCATED_IN', agency, oneOf(cities));
    await relation('SUPPORTS', agency, popular(parks));
  }
  for (const event of events) {
    await relation('HOSTS', oneOf(cities), event);
    await relation('LOCATED_IN', event, oneOf(cities));
  }
  for (const indicator of indicators)
    await relation('MEASURES', indicator, rand() < 0.5 ? oneOf(sectors) : popular(parks));

  // Top-up to the requested count: supplier links between enterprises, and some investments.
  for (let attempts = 0; relations < options.relations && attempts < options.relations * 4; attempts++) {
    if (rand() < 0.85) await relation('SUPPORTS', popular(enterprises), popular(enterprises));
    else
      await relation(
        'INVESTS_IN',
        popular(enterprises),
        rand() < 0.5 ? popular(enterprises) : popular(projects),
      );
  }
  stream.end();
  await once(stream, 'finish');
  renameSync(partial, target);
  return { entities, relations };
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const relations = Number(argument('relations') ?? 10_000);
  const out = path.resolve(argument('out') ?? `/tmp/cskg-industry-${relations}`);
  const started = performance.now();
  const result = await generateIndustryData({ relations, out, seed: Number(argument('seed') ?? 42) });
  process.stdout.write(
    `${JSON.stringify({ ...result, out, seconds: (performance.now() - started) / 1000 })}\n`,
  );
}
