// Rules about the graph as a whole, which no single entry can break on its own but which have each misled an
// analyst before: a name that quietly means two things, a sector tree that rolls up into two of the three
// industries, a structural fact hidden by a status filter, a process sold as a product, a figure of the plan
// read as exact when it says 多 or 以上. The validator runs them on the resolved graph, after the per-entry
// rules, and reports through a sink that turns (subject, path) into file:line.
import type { RuleCode } from './issues.ts';
import { isStructuralRelation, type EntityType } from './model.ts';
import type { YamlPath } from './read.ts';
import type { ResolvedEntity, ResolvedRelation } from './validate.ts';

/** Where a consistency issue is reported: the entry of an entity or relation, at a path inside it. */
export interface IssueSink {
  entity(id: string, path: YamlPath, rule: RuleCode, message: string, value?: unknown): void;
  relation(id: string, path: YamlPath, rule: RuleCode, message: string, value?: unknown): void;
}

export interface GraphView {
  readonly entities: readonly ResolvedEntity[];
  readonly relations: readonly ResolvedRelation[];
}

/** The rules of this module, one line each (merged into RULES of validate.ts). */
export const CONSISTENCY_RULES = {
  'shared-name':
    'a name or alias carried by two entities is marked on both (homonyms), and every homonym shares a name or alias',
  'structural-status':
    'a relation that states what something is (IN_SECTOR, MEASURES, OWNS, BASED_ON, PART_OF of a sector, policy or measure) is existing',
  'sector-tree':
    'every sector has a kind; an industry has one parent in the tree of 三次产业 and level = parent level + 1; the three roots have level 1 and no parent; a grouping has no level, at most one parent, and members that roll up to its root',
  'group-members':
    'an enterprise named <stem>集团 owns (OWNS) every other enterprise whose name starts with its stem (翔鹭集团 → 翔鹭化纤)',
  'number-bound':
    'an indicator with a value has a bound, and one written with 多, 以上, 以下, 左右, 约, 超 … is not all exact',
  'measure-threshold': 'a measure whose name states a figure (30%, 5亿美元, 一年) carries it as threshold, thresholdUnit and thresholdBound',
  'growth-base': 'a growth rate, multiple or per-firm average (增长, 比增, 倍, 户均) rests (BASED_ON) on the indicator it is computed from',
  'clause-twice':
    'one clause is one indicator: no indicator is named by part of another indicator’s name on the same passage (make it a threshold)',
  'indicator-enumeration':
    'an indicator that enumerates what it counts MEASURES exactly value entities, and when they share a level every entity of that type, kind and level',
  'process-kind':
    'every product has a kind, and one named as a process (炼油, 裂解, 代工, 封装, 提取, 保鲜, 综合利用, 技术) is a process',
  'status-wording':
    'a TARGETS or FOCUSES_ON relation whose every quote seeks (争取, 力争) or takes over a transfer of Taiwan industry (转移) is sought',
  'port-airport-site':
    'a fact from a region whose every quote names a port or an airport (港口, 机场) starts from that port or airport, a Park of kind port or airport',
} as const satisfies Partial<Record<RuleCode, string>>;

export function checkConsistency(graph: GraphView, sink: IssueSink): void {
  const types = new Map(graph.entities.map((e) => [e.id, e.type]));
  checkSharedNames(graph, sink);
  checkStatuses(graph, types, sink);
  checkSectorTree(graph, sink);
  checkProductKinds(graph, sink);
  checkGroupMembers(graph, sink);
  checkNumbers(graph, sink);
  checkEnumerations(graph, sink);
  checkPortAirportSites(graph, types, sink);
}

/** Every surface form (name or alias) and the path of it inside its entity. */
function surfaceForms(entity: ResolvedEntity): { form: string; path: YamlPath }[] {
  return [{ form: entity.name, path: ['name'] }, ...entity.aliases.map((form, i) => ({ form, path: ['aliases', i] as YamlPath }))];
}

function checkSharedNames(graph: GraphView, sink: IssueSink): void {
  const byForm = new Map<string, { entity: ResolvedEntity; path: YamlPath }[]>();
  for (const entity of graph.entities) {
    for (const { form, path } of surfaceForms(entity)) {
      const list = byForm.get(form) ?? [];
      if (!list.some((x) => x.entity.id === entity.id)) list.push({ entity, path });
      byForm.set(form, list);
    }
  }
  for (const [form, carriers] of byForm) {
    if (carriers.length < 2) continue;
    for (const { entity, path } of carriers) {
      const unmarked = carriers.filter((other) => other.entity.id !== entity.id && !entity.homonyms.includes(other.entity.id));
      if (unmarked.length === 0) continue;
      sink.entity(entity.id, path, 'shared-name',
        `"${form}" also names ${unmarked.map((o) => o.entity.id).join(', ')}; drop it from one of them, or list each in the other's homonyms (and say in a caveat which is meant where)`, form);
    }
  }
  const forms = new Map(graph.entities.map((e) => [e.id, new Set(surfaceForms(e).map((f) => f.form))]));
  for (const entity of graph.entities) {
    entity.homonyms.forEach((id, i) => {
      const theirs = forms.get(id);
      if (!theirs) {
        sink.entity(entity.id, ['homonyms', i], 'shared-name', `no entity has id ${id}`, id);
      } else if (![...forms.get(entity.id)!].some((f) => theirs.has(f))) {
        sink.entity(entity.id, ['homonyms', i], 'shared-name', `${id} shares no name or alias with ${entity.id}; remove it from homonyms`, id);
      }
    });
  }
}

/** Words that make a fact something the plan seeks, not something it does: 争取, 力争, and taking over (承接,
 * 引导, 促进, 吸引) a transfer (转移) of Taiwan's industry, which depends on Taiwan's firms. */
const SEEKING = /争取|力争|转移/;

function checkStatuses(graph: GraphView, types: ReadonlyMap<string, EntityType>, sink: IssueSink): void {
  for (const relation of graph.relations) {
    const fromType = types.get(relation.from);
    if (fromType && isStructuralRelation(relation.type, fromType) && relation.status !== 'existing') {
      sink.relation(relation.id, ['status'], 'structural-status',
        `${relation.type} from a ${fromType} states what something is and holds once the plan states it: write status: existing (the plan's intent goes on its TARGETS, APPLIES_TO or FOCUSES_ON relations, Project.projectStatus or Indicator.kind)`,
        relation.status);
    }
    if ((relation.type === 'TARGETS' || relation.type === 'FOCUSES_ON') && relation.status !== 'sought') {
      const quotes = [...new Set(relation.evidence.map((e) => e.quote))];
      if (quotes.length > 0 && quotes.every((q) => SEEKING.test(q))) {
        sink.relation(relation.id, ['status'], 'status-wording',
          `every quote of this ${relation.type} seeks (争取, 力争) or takes over a transfer (转移), which the plan cannot do alone: write status: sought, or cite the words that commit the plan`,
          relation.status);
      }
    }
  }
}

/**
 * The sector tree: 第一、二、三产业 are its roots; every industry hangs from one parent (an industry or a root), so a
 * roll-up by 三次产业 counts it once and in one place, and its `level` is its depth. Groupings (先进制造业,
 * 战略性新兴产业 ...) gather industries from anywhere in the tree through PART_OF without being in it; when a
 * grouping itself lies under a root (先进制造业 under 第二产业), all its members must roll up to that root.
 */
function checkSectorTree(graph: GraphView, sink: IssueSink): void {
  const sectors = new Map(graph.entities.filter((e) => e.type === 'Sector').map((e) => [e.id, e]));
  const kindOf = (id: string) => sectors.get(id)?.properties.kind as string | undefined;
  const levelOf = (id: string) => sectors.get(id)?.properties.level as number | undefined;
  const parents = new Map<string, ResolvedRelation[]>();
  for (const relation of graph.relations) {
    if (relation.type !== 'PART_OF' || !sectors.has(relation.from) || !sectors.has(relation.to)) continue;
    parents.set(relation.from, [...(parents.get(relation.from) ?? []), relation]);
  }
  const treeParent = (id: string) => (parents.get(id) ?? []).filter((r) => kindOf(r.to) !== 'grouping');
  /** The root an industry rolls up to along its tree parents (undefined when the tree is broken on the way). */
  const rootOf = (id: string, seen = new Set<string>()): string | undefined => {
    if (kindOf(id) === 'three-sector') return id;
    if (seen.has(id)) return undefined;
    seen.add(id);
    const up = kindOf(id) === 'grouping' ? (parents.get(id) ?? []) : treeParent(id);
    return up.length === 1 ? rootOf(up[0]!.to, seen) : undefined;
  };
  for (const sector of sectors.values()) {
    const kind = kindOf(sector.id);
    const level = levelOf(sector.id);
    const report = (path: YamlPath, message: string, value?: unknown) => sink.entity(sector.id, path, 'sector-tree', message, value);
    if (kind === undefined) {
      report(['type'], 'a sector needs a kind: three-sector (第一、二、三产业), industry (one parent in the tree) or grouping (gathers industries across the tree)');
      continue;
    }
    const up = parents.get(sector.id) ?? [];
    if (kind === 'three-sector') {
      if (level !== 1) report(['level'], 'a root of the three-sector tree has level 1', level);
      for (const r of up) sink.relation(r.id, ['to'], 'sector-tree', `${sector.id} is a root of the three-sector tree and has no parent`, r.to);
    } else if (kind === 'grouping') {
      if (level !== undefined) report(['level'], 'a grouping is not in the tree and has no level; remove it', level);
      if (up.length > 1) {
        for (const r of up.slice(1)) sink.relation(r.id, ['to'], 'sector-tree', `the grouping ${sector.id} has more than one parent (${up.map((x) => x.to).join(', ')})`, r.to);
      }
      const root = up.length === 1 ? rootOf(sector.id) : undefined;
      if (root !== undefined) {
        for (const member of graph.relations) {
          if (member.type !== 'PART_OF' || member.to !== sector.id || kindOf(member.from) !== 'industry') continue;
          const memberRoot = rootOf(member.from);
          if (memberRoot !== undefined && memberRoot !== root) {
            sink.relation(member.id, ['from'], 'sector-tree', `${member.from} rolls up to ${memberRoot}, but the grouping ${sector.id} lies under ${root}`, member.from);
          }
        }
      }
    } else {
      const tree = treeParent(sector.id);
      if (tree.length === 0) {
        report(['id'], 'an industry needs one parent in the tree of 三次产业 (PART_OF another industry or a root): it floats, so a roll-up by 三次产业 misses it', sector.id);
      } else if (tree.length > 1) {
        for (const r of tree.slice(1)) {
          sink.relation(r.id, ['to'], 'sector-tree', `${sector.id} already has the parent ${tree[0]!.to} in the tree; a second one (${r.to}) counts it twice in a roll-up (make one of them a grouping, or drop it)`, r.to);
        }
      } else {
        const parentLevel = levelOf(tree[0]!.to);
        if (parentLevel !== undefined && level !== parentLevel + 1) {
          report(['level'], `level must be ${parentLevel + 1}, one below its parent ${tree[0]!.to} (level ${parentLevel})`, level);
        }
      }
    }
  }
}

/** The endings by which the plan names a production step, service or technique rather than a good. */
const PROCESS_NAME = /(炼油|裂解|代工|封装|提取|保鲜|综合利用|技术)$/;

/** A process on a supply chain must say so, or an analyst reads 炼油 or 晶圆代工 as something one can buy. */
function checkProductKinds(graph: GraphView, sink: IssueSink): void {
  for (const product of graph.entities) {
    if (product.type !== 'Product') continue;
    const kind = product.properties.kind;
    if (kind === undefined) {
      sink.entity(product.id, ['type'], 'process-kind', 'a product needs a kind: good, or process (a production step, service or technique)');
    } else if (kind !== 'process' && PROCESS_NAME.test(product.name)) {
      sink.entity(product.id, ['kind'], 'process-kind', `"${product.name}" names a process, not a good: write kind: process`, kind);
    }
  }
}

/**
 * A group the plan names beside its companies (翔鹭集团 beside 翔鹭化纤, 翔鹭石化) owns them: without the OWNS
 * relations an analyst cannot roll the companies up to the group the plan sets out to foster.
 */
function checkGroupMembers(graph: GraphView, sink: IssueSink): void {
  const enterprises = graph.entities.filter((e) => e.type === 'Enterprise');
  const owns = new Set(graph.relations.filter((r) => r.type === 'OWNS').map((r) => `${r.from}|${r.to}`));
  for (const group of enterprises) {
    const stem = group.name.endsWith('集团') ? group.name.slice(0, -2) : '';
    if (stem.length < 2) continue;
    for (const member of enterprises) {
      if (member.id === group.id || !member.name.startsWith(stem) || owns.has(`${group.id}|${member.id}`)) continue;
      sink.entity(member.id, ['name'], 'group-members',
        `"${member.name}" carries the name of the group ${group.id} (${group.name}) but the group does not own it: add OWNS from the group, quoting the passages that name both`, member.name);
    }
  }
}

/** Words by which the plan bounds a figure rather than stating it: 700多家, 90%以上, 10%左右, 约占, 超百亿, 5亿美元以下. */
const APPROXIMATE = /多|余|以上|以下|左右|约|超|逾|不低于|不少于|不超过/;
/** A figure in a measure's name: 30%, 5亿美元, 一年, 零关税. */
const FIGURE = /\d+(?:\.\d+)?\s*(?:%|％|亿|万|年)|[一二三四五六七八九十]+年|零关税/;
/** A figure computed from another: a growth rate, a multiple, an average per firm. */
const DERIVED = /增长|比增|倍|户均/;

/** Figures as the plan writes them: bounded, with their thresholds, tied to their base, one per clause. */
function checkNumbers(graph: GraphView, sink: IssueSink): void {
  const basedOn = new Set(graph.relations.filter((r) => r.type === 'BASED_ON').map((r) => r.from));
  const indicators = graph.entities.filter((e) => e.type === 'Indicator');
  for (const indicator of indicators) {
    const p = indicator.properties;
    if (p.value !== undefined && p.bound === undefined) {
      sink.entity(indicator.id, ['value'], 'number-bound', 'a figure needs a bound: exact, at-least (多, 以上), at-most (以下) or about (左右, 约)', p.value);
    } else if (p.bound === 'exact' && (p.thresholdBound ?? 'exact') === 'exact' && APPROXIMATE.test(indicator.name)) {
      sink.entity(indicator.id, ['bound'], 'number-bound',
        `"${indicator.name}" bounds its figure (${indicator.name.match(APPROXIMATE)![0]}), so it is not exact: write at-least, at-most or about (or a threshold with its bound)`, p.bound);
    }
    if (p.threshold !== undefined && (p.thresholdUnit === undefined || p.thresholdBound === undefined)) {
      sink.entity(indicator.id, ['threshold'], 'number-bound', 'a threshold needs its thresholdUnit and thresholdBound', p.threshold);
    }
    if (DERIVED.test(indicator.name) && !basedOn.has(indicator.id)) {
      sink.entity(indicator.id, ['name'], 'growth-base',
        `"${indicator.name}" is computed from another figure: add BASED_ON to the indicator it grows from or divides (its base value)`, indicator.name);
    }
  }
  for (const measure of graph.entities) {
    if (measure.type !== 'Measure' || !FIGURE.test(measure.name)) continue;
    const p = measure.properties;
    if (p.threshold === undefined || p.thresholdUnit === undefined || p.thresholdBound === undefined) {
      sink.entity(measure.id, ['name'], 'measure-threshold',
        `the name states ${measure.name.match(FIGURE)![0]}: record it as threshold, thresholdUnit and thresholdBound so it can be compared`, measure.name);
    }
  }
  // One clause, one indicator: a qualifier of the clause (年销售收入超百亿) is the threshold of the count, not a second figure.
  const passagesOf = (e: ResolvedEntity) => new Set(e.evidence.map((x) => x.passageId));
  for (const part of indicators) {
    const whole = indicators.find(
      (o) => o.id !== part.id && o.name.includes(part.name) && [...passagesOf(part)].some((id) => passagesOf(o).has(id)),
    );
    if (whole) {
      sink.entity(part.id, ['name'], 'clause-twice',
        `"${part.name}" is part of the clause of ${whole.id} (${whole.name}) on the same passage: record it there as a threshold rather than as a second indicator`, part.name);
    }
  }
}

/**
 * A count the plan states, and whose members the data lists (4个国家级台商投资区, 6个国家级台湾农民创业园), must agree
 * with the data: as many members as the count, and no other entity marked the same way (five zones marked
 * national where the plan counts four is the error this catches).
 */
function checkEnumerations(graph: GraphView, sink: IssueSink): void {
  const byId = new Map(graph.entities.map((e) => [e.id, e]));
  for (const indicator of graph.entities) {
    if (indicator.type !== 'Indicator' || indicator.properties.enumerates !== true) continue;
    const members = [...new Set(graph.relations.filter((r) => r.type === 'MEASURES' && r.from === indicator.id).map((r) => r.to))]
      .map((id) => byId.get(id))
      .filter((e): e is ResolvedEntity => e !== undefined);
    const value = indicator.properties.value;
    if (members.length !== value) {
      sink.entity(indicator.id, ['value'], 'indicator-enumeration',
        `counts ${String(value)} but MEASURES ${members.length} entities (${members.map((m) => m.id).join(', ')})`, value);
    }
    const [first] = members;
    const level = first?.properties.level;
    if (!first || level === undefined) continue;
    const same = (e: ResolvedEntity) => e.type === first.type && e.properties.kind === first.properties.kind && e.properties.level === level;
    if (!members.every(same)) continue;
    const outside = graph.entities.filter((e) => same(e) && !members.includes(e));
    for (const e of outside) {
      sink.entity(e.id, ['level'], 'indicator-enumeration',
        `marked ${String(level)} like the ${members.length} entities that ${indicator.id} counts (${indicator.name}), but not among them: the plan's count leaves no room for it`, level);
    }
  }
}

/** 港口 or 机场 as the place itself, not as part of a sector's or measure's name (港口物流业, 港口经贸区, 港口集疏运体系). */
const PORT_OR_AIRPORT = /港口(?!物流|经贸|铁路|集疏运|腹地)|机场/;
/** Relations that say where a region is, which a port in it does not replace. */
const SPATIAL = new Set(['LOCATED_IN', 'PART_OF', 'COUNTERPART_OF']);

/**
 * The plan relies on its ports and airports (依托…三大港口, 依托…国际机场); a city written in their place says the
 * whole city supports logistics or aircraft maintenance, and hides the site an analyst asks about. Every quote of
 * such a fact naming a port or airport means the fact belongs to that Park (docs/graph-model.md, "Ports and airports").
 */
function checkPortAirportSites(graph: GraphView, types: ReadonlyMap<string, EntityType>, sink: IssueSink): void {
  for (const relation of graph.relations) {
    if (types.get(relation.from) !== 'Region' || SPATIAL.has(relation.type)) continue;
    const quotes = [...new Set(relation.evidence.map((e) => e.quote))];
    if (quotes.length > 0 && quotes.every((q) => PORT_OR_AIRPORT.test(q))) {
      sink.relation(relation.id, ['from'], 'port-airport-site',
        `every quote of this ${relation.type} names a port or an airport, not ${relation.from} as a whole: write it from the port or airport (a Park of kind port or airport, LOCATED_IN ${relation.from})`,
        relation.from);
    }
  }
}
