// What only changes when the graph is loaded, computed once per load from the rows the loader writes, so
// that the analyses read it instead of recomputing it over the whole graph at every request
// (docs/graph-model.md, "Derived at load time"):
//
// - the supply chains (src/data/derived.ts): the connected sets of INPUT_TO links, each a (:Chain) node with
//   its name, size and the sectors of its products; each product on one a (:ChainLink) node with its place
//   on the chain (upstream first), the counts of what covers it in Fujian, its gap kinds and, for a gap,
//   its rank in the order chainGaps lists them; and its single points of failure: the firms (or the sole
//   owner of a project) whose loss alone would leave no firm in Fujian making it (singlePointsOf);
// - the facts of each passage: `facts`, the ids of the first PASSAGE_FACTS relations that cite it (by id),
//   and `factCount`, how many do.
//
// Both load paths feed every entity and relation row through one DerivedGraphBuilder (in whatever order
// they write them) and write what `build` returns, so they store the same derived graph. Everything here is
// order-independent (ids are compared, never arrival order). What is held until `build` is per entity (an
// integer, its type, a product's names) and per relation of the few types a chain needs (a few integers);
// the facts of a passage are kept only up to PASSAGE_FACTS.
import {
  COVERING_ENTITIES,
  COVER_TYPES,
  TAIWAN_SIDE_LEVEL,
  TAIWAN_SIDE_STEPS,
  countCovers,
  gapKinds,
  isFirm,
  PASSAGE_FACTS,
  type CoverFacts,
} from '../data/derived.ts';
import { ENTITY_TYPES, type EntityType, type RelationStatus } from '../data/model.ts';
import { cypherInteger } from '../infra/database.ts';
import type { EntityNodeRow, NodeProperties, RelationRow } from './records.ts';

/** Names of roots (and of sinks) a chain's name lists before "…and N more". */
const CHAIN_NAME_ENDS = 20;

export interface DerivedRows {
  /** (:Chain) nodes, by id */
  readonly chains: NodeProperties[];
  /** (:ChainLink) nodes, by product id */
  readonly links: NodeProperties[];
  /** passage id → the properties set on it */
  readonly passageFacts: ReadonlyMap<string, { facts: string[]; factCount: number }>;
}

const TYPE_INDEX = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i]));
const typeAt = (index: number): EntityType | undefined => ENTITY_TYPES[index];
const UNKNOWN_TYPE = 255;

/** Pairs of integers, appended to and read back. */
class Pairs {
  readonly a: number[] = [];
  readonly b: number[] = [];
  push(a: number, b: number) {
    this.a.push(a);
    this.b.push(b);
  }
  get length() {
    return this.a.length;
  }
}

export class DerivedGraphBuilder {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private types = new Uint8Array(1024).fill(UNKNOWN_TYPE);
  private readonly productNames = new Map<number, { name: string; nameEn: string }>();
  private readonly taiwanEnterprises = new Set<number>();
  private readonly taiwanPlaces = new Set<number>();
  /** LOCATED_IN and PART_OF: the steps up from an entity (places, sectors) */
  private readonly up = new Pairs();
  private readonly inputTo = new Pairs();
  private readonly owns = new Pairs();
  private readonly inSector = new Pairs();
  /** PRODUCES / FOCUSES_ON into a product: coverer, product; and whether the fact is existing */
  private readonly covers = new Pairs();
  private readonly coverExisting: boolean[] = [];
  private readonly passageFacts = new Map<string, { count: number; ids: string[] }>();

  observeEntity(row: EntityNodeRow): void {
    const n = this.intern(row.id);
    if (n >= this.types.length) {
      const grown = new Uint8Array(Math.max(n + 1, this.types.length * 2)).fill(UNKNOWN_TYPE);
      grown.set(this.types);
      this.types = grown;
    }
    this.types[n] = TYPE_INDEX.get(row.type) ?? UNKNOWN_TYPE;
    if (row.type === 'Product')
      this.productNames.set(n, { name: String(row.props.name), nameEn: String(row.props.nameEn) });
    if (row.type === 'Enterprise' && row.props.origin === 'taiwan') this.taiwanEnterprises.add(n);
    if (row.type === 'Region' && row.props.level === TAIWAN_SIDE_LEVEL) this.taiwanPlaces.add(n);
  }

  observeRelation(row: RelationRow): void {
    this.observeEvidence(String(row.props.id), row.props.evidence);
    switch (row.type) {
      case 'LOCATED_IN':
      case 'PART_OF':
        this.up.push(this.intern(row.from), this.intern(row.to));
        break;
      case 'INPUT_TO':
        this.inputTo.push(this.intern(row.from), this.intern(row.to));
        break;
      case 'OWNS':
        this.owns.push(this.intern(row.from), this.intern(row.to));
        break;
      case 'IN_SECTOR':
        this.inSector.push(this.intern(row.from), this.intern(row.to));
        break;
      default:
        break;
    }
    if (COVER_TYPES.includes(row.type)) {
      this.covers.push(this.intern(row.from), this.intern(row.to));
      this.coverExisting.push((row.props.status as RelationStatus) === 'existing');
    }
  }

  build(): DerivedRows {
    const outside = this.taiwanSide();
    const taiwanInvested = this.taiwanInvested();
    const { chains, links } = this.chains(outside, taiwanInvested);
    const passageFacts = new Map<string, { facts: string[]; factCount: number }>();
    for (const [passage, { count, ids }] of this.passageFacts) {
      passageFacts.set(passage, { facts: smallest(ids, PASSAGE_FACTS), factCount: count });
    }
    return { chains, links, passageFacts };
  }

  // ------------------------------------------------------------------------------------------ parts

  private intern(id: string): number {
    let n = this.ids.get(id);
    if (n === undefined) {
      n = this.names.length;
      this.ids.set(id, n);
      this.names.push(id);
    }
    return n;
  }

  private typeOf(n: number): EntityType | undefined {
    return n < this.types.length ? typeAt(this.types[n] as number) : undefined;
  }

  /** Keeps each passage's PASSAGE_FACTS smallest fact ids, and counts them all. */
  private observeEvidence(id: string, evidence: unknown): void {
    if (!Array.isArray(evidence)) return;
    // Most facts cite one passage: no set needed to count it once.
    for (const passage of evidence.length === 1 ? (evidence as string[]) : new Set(evidence as string[])) {
      let entry = this.passageFacts.get(passage);
      if (!entry) {
        entry = { count: 0, ids: [] };
        this.passageFacts.set(passage, entry);
      }
      entry.count += 1;
      entry.ids.push(id);
      if (entry.ids.length >= 2 * PASSAGE_FACTS) entry.ids = smallest(entry.ids, PASSAGE_FACTS);
    }
  }

  /** The entities that lie, within TAIWAN_SIDE_STEPS steps up, in a Taiwan-side place (itself included). */
  private taiwanSide(): Set<number> {
    const down = new Map<number, number[]>();
    for (let i = 0; i < this.up.length; i++) {
      const [from, to] = [this.up.a[i] as number, this.up.b[i] as number];
      const list = down.get(to);
      if (list) list.push(from);
      else down.set(to, [from]);
    }
    const reached = new Set<number>(this.taiwanPlaces);
    let level = [...this.taiwanPlaces];
    for (let step = 0; step < TAIWAN_SIDE_STEPS && level.length > 0; step++) {
      const next: number[] = [];
      for (const n of level) {
        for (const below of down.get(n) ?? []) {
          if (reached.has(below)) continue;
          reached.add(below);
          next.push(below);
        }
      }
      level = next;
    }
    return reached;
  }

  /** Taiwan-invested enterprises, and projects every owner of which is one (and that have an owner). */
  private taiwanInvested(): Set<number> {
    const invested = new Set<number>(this.taiwanEnterprises);
    const owners = new Map<number, boolean>();
    for (let i = 0; i < this.owns.length; i++) {
      const [owner, owned] = [this.owns.a[i] as number, this.owns.b[i] as number];
      if (this.typeOf(owned) !== 'Project') continue;
      owners.set(owned, (owners.get(owned) ?? true) && this.taiwanEnterprises.has(owner));
    }
    for (const [project, allTaiwan] of owners) if (allTaiwan) invested.add(project);
    return invested;
  }

  private chains(
    outside: Set<number>,
    taiwanInvested: Set<number>,
  ): { chains: NodeProperties[]; links: NodeProperties[] } {
    // Connected components of the INPUT_TO links (union-find), each named by its smallest product id.
    const parent = new Map<number, number>();
    const find = (n: number): number => {
      let root = n;
      while ((parent.get(root) ?? root) !== root) root = parent.get(root) as number;
      for (let m = n; m !== root;) {
        const next = parent.get(m) as number;
        parent.set(m, root);
        m = next;
      }
      return root;
    };
    for (let i = 0; i < this.inputTo.length; i++) {
      for (const n of [this.inputTo.a[i] as number, this.inputTo.b[i] as number])
        if (!parent.has(n)) parent.set(n, n);
      const [a, b] = [find(this.inputTo.a[i] as number), find(this.inputTo.b[i] as number)];
      if (a !== b)
        parent.set(this.names[a]! < this.names[b]! ? b : a, this.names[a]! < this.names[b]! ? a : b);
    }
    const members = new Map<number, number[]>();
    for (const n of parent.keys()) {
      const root = find(n);
      const list = members.get(root);
      if (list) list.push(n);
      else members.set(root, [n]);
    }
    const outgoing = new Map<number, number[]>();
    const incoming = new Map<number, number>();
    for (let i = 0; i < this.inputTo.length; i++) {
      const [from, to] = [this.inputTo.a[i] as number, this.inputTo.b[i] as number];
      const list = outgoing.get(from);
      if (list) list.push(to);
      else outgoing.set(from, [to]);
      incoming.set(to, (incoming.get(to) ?? 0) + 1);
    }

    // What covers each product on a chain.
    const coversOf = new Map<number, { facts: CoverFacts; entity: number }[]>();
    for (let i = 0; i < this.covers.length; i++) {
      const [entity, product] = [this.covers.a[i] as number, this.covers.b[i] as number];
      const entityType = this.typeOf(entity);
      if (!parent.has(product) || !entityType || !COVERING_ENTITIES.includes(entityType)) continue;
      const facts: CoverFacts = {
        entityType,
        status: this.coverExisting[i] ? 'existing' : 'planned',
        inFujian: !outside.has(entity),
        taiwanInvested: isFirm(entityType) && taiwanInvested.has(entity),
      };
      const list = coversOf.get(product);
      if (list) list.push({ facts, entity });
      else coversOf.set(product, [{ facts, entity }]);
    }

    const soleOwners = this.soleOwners();
    const sectorsOf = this.sectorsOfProducts();
    const chains: NodeProperties[] = [];
    const links: NodeProperties[] = [];
    const byId = (a: number, b: number) => compare(this.names[a] as string, this.names[b] as string);
    let gapRank = 0;
    let singleRank = 0;
    for (const root of [...members.keys()].sort(byId)) {
      const products = members.get(root) as number[];
      const order = this.upstreamFirst(products, outgoing, incoming);
      const chainId = this.names[root] as string;
      const sectors = new Set<string>();
      let gaps = 0;
      let linkCount = 0;
      order.forEach((product, position) => {
        linkCount += outgoing.get(product)?.length ?? 0;
        for (const sector of sectorsOf.get(product) ?? []) sectors.add(sector);
        const covers = coversOf.get(product) ?? [];
        const counts = countCovers(covers.map((c) => c.facts));
        const kinds = gapKinds(counts);
        const fujianFirms = covers.filter((c) => c.facts.inFujian && isFirm(c.facts.entityType));
        const singlePoints = singlePointsOf(
          fujianFirms.map((c) => c.entity),
          soleOwners,
        )
          .map((n) => this.names[n] as string)
          .sort(compare);
        links.push({
          product: this.names[product],
          chain: chainId,
          position: cypherInteger(position),
          covers: cypherInteger(counts.covers),
          fujianCovers: cypherInteger(counts.fujianCovers),
          fujianExisting: cypherInteger(counts.fujianExisting),
          fujianFirms: cypherInteger(counts.fujianFirms),
          fujianTaiwanFirms: cypherInteger(counts.fujianTaiwanFirms),
          gapKinds: kinds,
          outsideFujian: [
            ...new Set(covers.filter((c) => !c.facts.inFujian).map((c) => this.names[c.entity] as string)),
          ].sort(compare),
          ...(kinds.length > 0 ? { gapRank: cypherInteger(gapRank++) } : {}),
          singlePoints,
          ...(singlePoints.length > 0 ? { singleRank: cypherInteger(singleRank++) } : {}),
        });
        if (kinds.length > 0) gaps += 1;
      });
      const ends = (list: number[], field: 'name' | 'nameEn') => {
        const named = list.map((n) => this.productNames.get(n)?.[field] ?? (this.names[n] as string));
        const shown = named.slice(0, CHAIN_NAME_ENDS).join(field === 'name' ? '、' : ', ');
        if (named.length <= CHAIN_NAME_ENDS) return shown;
        const more = named.length - CHAIN_NAME_ENDS;
        return field === 'name' ? `${shown}等${named.length}种` : `${shown} and ${more} more`;
      };
      const roots = products.filter((n) => !incoming.has(n)).sort(byId);
      const sinks = products.filter((n) => !outgoing.has(n)).sort(byId);
      chains.push({
        id: chainId,
        name: `${ends(roots, 'name')} → ${ends(sinks, 'name')}`,
        nameEn: `${ends(roots, 'nameEn')} → ${ends(sinks, 'nameEn')}`,
        productCount: cypherInteger(products.length),
        linkCount: cypherInteger(linkCount),
        gapCount: cypherInteger(gaps),
        sectors: [...sectors].sort(compare),
      });
    }
    return { chains, links };
  }

  /** Each project with exactly one owner (OWNS from an enterprise): that owner. */
  private soleOwners(): Map<number, number> {
    const owners = new Map<number, Set<number>>();
    for (let i = 0; i < this.owns.length; i++) {
      const [owner, owned] = [this.owns.a[i] as number, this.owns.b[i] as number];
      if (this.typeOf(owned) !== 'Project') continue;
      const set = owners.get(owned) ?? new Set<number>();
      set.add(owner);
      owners.set(owned, set);
    }
    const sole = new Map<number, number>();
    for (const [project, set] of owners) if (set.size === 1) sole.set(project, [...set][0] as number);
    return sole;
  }

  /** Kahn's algorithm, the smallest id first among the ready; a cycle leaves products, appended by id. */
  private upstreamFirst(
    products: number[],
    outgoing: Map<number, number[]>,
    incoming: Map<number, number>,
  ): number[] {
    const byId = (a: number, b: number) => compare(this.names[a] as string, this.names[b] as string);
    const remaining = new Map(products.map((n) => [n, incoming.get(n) ?? 0]));
    const ready = new MinHeap(byId);
    for (const n of products) if ((incoming.get(n) ?? 0) === 0) ready.push(n);
    const order: number[] = [];
    const placed = new Set<number>();
    while (ready.size > 0) {
      const next = ready.pop() as number;
      order.push(next);
      placed.add(next);
      for (const to of outgoing.get(next) ?? []) {
        const left = (remaining.get(to) ?? 0) - 1;
        remaining.set(to, left);
        if (left === 0) ready.push(to);
      }
    }
    for (const n of [...products].sort(byId)) if (!placed.has(n)) order.push(n);
    return order;
  }

  /** Each product's sectors (IN_SECTOR) and the sectors those are part of, up to TAIWAN_SIDE_STEPS steps. */
  private sectorsOfProducts(): Map<number, string[]> {
    const parents = new Map<number, number[]>();
    for (let i = 0; i < this.up.length; i++) {
      const [from, to] = [this.up.a[i] as number, this.up.b[i] as number];
      if (this.typeOf(from) !== 'Sector' || this.typeOf(to) !== 'Sector') continue;
      const list = parents.get(from);
      if (list) list.push(to);
      else parents.set(from, [to]);
    }
    const ancestry = new Map<number, string[]>();
    const ancestorsOf = (sector: number): string[] => {
      const known = ancestry.get(sector);
      if (known) return known;
      const reached = new Set<number>([sector]);
      let level = [sector];
      for (let step = 0; step < TAIWAN_SIDE_STEPS && level.length > 0; step++) {
        level = level.flatMap((s) => parents.get(s) ?? []).filter((s) => !reached.has(s) && reached.add(s));
      }
      const names = [...reached].map((s) => this.names[s] as string);
      ancestry.set(sector, names);
      return names;
    };
    const sectors = new Map<number, string[]>();
    for (let i = 0; i < this.inSector.length; i++) {
      const [product, sector] = [this.inSector.a[i] as number, this.inSector.b[i] as number];
      if (this.typeOf(product) !== 'Product' || this.typeOf(sector) !== 'Sector') continue;
      sectors.set(product, [...(sectors.get(product) ?? []), ...ancestorsOf(sector)]);
    }
    return sectors;
  }
}

/**
 * The single points of failure of a link (src/data/derived.ts, SINGLE_POINTS): given the firms that make it
 * in Fujian, the entities whose loss alone leaves none of them — a firm that is the only one, or the sole
 * owner of every project that makes it (a project fails with its owners). Empty when no firm makes it.
 */
function singlePointsOf(firms: readonly number[], soleOwners: ReadonlyMap<number, number>): number[] {
  const distinct = [...new Set(firms)];
  if (distinct.length === 0) return [];
  const candidates = new Set<number>(distinct);
  for (const firm of distinct) {
    const owner = soleOwners.get(firm);
    if (owner !== undefined) candidates.add(owner);
  }
  return [...candidates].filter((x) => distinct.every((firm) => firm === x || soleOwners.get(firm) === x));
}

/** Code-unit order, as the rest of the loader sorts ids. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `count` smallest strings of a list, in order. */
function smallest(list: readonly string[], count: number): string[] {
  return [...new Set(list)].sort(compare).slice(0, count);
}

/** A binary heap of integers under a comparison (Kahn's ready set: the smallest id first). */
class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly less: (a: number, b: number) => number) {}
  get size() {
    return this.items.length;
  }
  push(item: number): void {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0;) {
      const up = (i - 1) >> 1;
      if (this.less(items[i] as number, items[up] as number) >= 0) break;
      [items[i], items[up]] = [items[up] as number, items[i] as number];
      i = up;
    }
  }
  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      for (let i = 0; ;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let m = i;
        if (l < items.length && this.less(items[l] as number, items[m] as number) < 0) m = l;
        if (r < items.length && this.less(items[r] as number, items[m] as number) < 0) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m] as number, items[i] as number];
        i = m;
      }
    }
    return top;
  }
}
