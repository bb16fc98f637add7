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
  'status-wording':
    'a TARGETS or FOCUSES_ON relation whose every quote seeks (争取, 力争) or takes over a transfer of Taiwan industry (转移) is sought',
} as const satisfies Partial<Record<RuleCode, string>>;

export function checkConsistency(graph: GraphView, sink: IssueSink): void {
  const types = new Map(graph.entities.map((e) => [e.id, e.type]));
  checkSharedNames(graph, sink);
  checkStatuses(graph, types, sink);
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
