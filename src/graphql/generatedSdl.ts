// The enums of schema.graphql that mirror the data model (EntityType, RelationType, RelationStatus) are
// generated from src/data/model.ts, so a new relation type added there reaches the API with its
// description, and the two can never disagree. `npm run codegen` writes them between the markers;
// `npm run codegen:check` (in CI) and buildSchema() refuse a schema.graphql whose block is stale.
import {
  ENTITY_TYPES,
  RELATION_RULES,
  RELATION_STATUSES,
  RELATION_TYPES,
  type EntityType,
  type RelationStatus,
} from '../data/model.ts';

export const GENERATED_BEGIN =
  '# BEGIN GENERATED from src/data/model.ts by `npm run codegen`: do not edit by hand.';
export const GENERATED_END = '# END GENERATED';

const STATUS_DESCRIPTIONS: Record<RelationStatus, string> = {
  existing: 'The plan states it as a fact (已, 已成为, 现有, 依托).',
  planned: 'The plan commits to build or push it (推进, 加快, 建设, 实施).',
  sought: 'The plan seeks or invites it (争取, 吸引, 鼓励, 引导, 支持).',
};

function description(text: string, indent = ''): string {
  return `${indent}"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const typeList = (types: readonly EntityType[]) =>
  types.length === ENTITY_TYPES.length ? 'any entity' : types.join(', ');

/** The SDL of the generated enums, between the markers. */
export function renderModelEnums(): string {
  const lines: string[] = [GENERATED_BEGIN];
  lines.push(description('The type (label) of an entity; each has an object type of the same name.'));
  lines.push('enum EntityType {');
  for (const type of ENTITY_TYPES) {
    lines.push(description(`See the type ${type}.`, '  '));
    lines.push(`  ${type}`);
  }
  lines.push('}', '');
  lines.push(description('The type of a fact between two entities (direction as the plan writes it).'));
  lines.push('enum RelationType {');
  for (const type of RELATION_TYPES) {
    const rule = RELATION_RULES[type];
    lines.push(description(`${rule.description} (${typeList(rule.from)} → ${typeList(rule.to)})`, '  '));
    lines.push(`  ${type}`);
  }
  lines.push('}', '');
  lines.push(description("How sure a fact is, read from the plan's own wording."));
  lines.push('enum RelationStatus {');
  for (const status of RELATION_STATUSES) {
    lines.push(description(STATUS_DESCRIPTIONS[status], '  '));
    lines.push(`  ${status}`);
  }
  lines.push('}', GENERATED_END);
  return lines.join('\n');
}

/** schema.graphql with the generated block replaced by `block` (appended when the markers are missing). */
export function spliceModelEnums(schemaText: string, block = renderModelEnums()): string {
  const begin = schemaText.indexOf(GENERATED_BEGIN);
  const end = schemaText.indexOf(GENERATED_END);
  if (begin === -1 || end === -1 || end < begin) return `${schemaText.trimEnd()}\n\n${block}\n`;
  return schemaText.slice(0, begin) + block + schemaText.slice(end + GENERATED_END.length);
}

/** True when the generated block of schema.graphql matches src/data/model.ts. */
export function modelEnumsAreCurrent(schemaText: string): boolean {
  return spliceModelEnums(schemaText) === schemaText;
}
