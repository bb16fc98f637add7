// Rules about the graph as a whole, which no single entry can break on its own but which have each misled an
// analyst before: a name that quietly means two things, a sector tree that rolls up into two of the three
// industries, a structural fact hidden by a status filter, a process sold as a product, a figure of the plan
// read as exact when it says 多 or 以上. The validator runs them on the resolved graph, after the per-entry
// rules, and reports through a sink that turns (subject, path) into file:line.
import type { RuleCode } from './issues.ts';
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
} as const satisfies Partial<Record<RuleCode, string>>;

export function checkConsistency(graph: GraphView, sink: IssueSink): void {
  checkSharedNames(graph, sink);
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
