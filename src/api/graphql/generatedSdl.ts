// The part of schema.graphql that is derived, not written: the enums that mirror the data model
// (EntityType, RelationType with each relation's meaning, RelationStatus, LaterStatus, Outcome) from
// src/data/model.ts, and one
// object type per entity type implementing Entity with the interface's fields copied verbatim (their
// typed fields are written by hand in `extend type` blocks). So a relation type added to the model
// reaches the API with its description, and the thirteen entity types cannot drift from the interface.
// `npm run codegen` writes the block between the markers; `npm run codegen:check` (CI) and
// buildSchema() refuse a schema.graphql whose block is stale.
import { Kind, parse, type InterfaceTypeDefinitionNode } from 'graphql';
import {
  ENTITY_TYPES,
  LATER_STATUSES,
  OUTCOMES,
  RELATION_RULES,
  RELATION_STATUSES,
  RELATION_TYPES,
  type EntityType,
  type LaterStatus,
  type Outcome,
  type RelationStatus,
} from '../../data/model.ts';

export const GENERATED_BEGIN =
  '# BEGIN GENERATED from src/data/model.ts and `interface Entity` by `npm run codegen`: do not edit by hand.';
export const GENERATED_END = '# END GENERATED';

const STATUS_DESCRIPTIONS: Record<RelationStatus, string> = {
  existing: 'The plan states it as a fact (已, 已成为, 现有, 依托).',
  planned: 'The plan commits to build or push it (推进, 加快, 建设, 实施).',
  sought: 'The plan seeks or invites it (争取, 吸引, 鼓励, 引导, 支持).',
};

const LATER_STATUS_DESCRIPTIONS: Record<LaterStatus, string> = {
  planned: 'Announced, approved or agreed, not yet built.',
  'under-construction': 'Being built (or rebuilt).',
  operating: 'Running, producing or open.',
  expanded: 'Running and grown (a new phase, line or area).',
  suspended: 'Stopped for a time (an accident, an order, a loss).',
  cancelled: 'Given up before it ran.',
  reorganised: 'Taken over, restructured or refinanced, and going on.',
  renamed: 'Going on under another name.',
  merged: 'Folded into another.',
  acquired: 'Bought or controlled by another.',
  bankrupt: 'Declared (or petitioning to be declared) bankrupt.',
  closed: 'Shut for good.',
  unknown: 'The pages read do not say.',
};

const OUTCOME_DESCRIPTIONS: Record<Outcome, string> = {
  realised: 'It runs (operating, expanded).',
  transformed: 'It goes on under another owner or name (reorganised, renamed, merged, acquired).',
  pending: 'Still planned or being built.',
  suspended: 'Stopped for a time.',
  abandoned: 'Cancelled, closed or bankrupt.',
  unknown: 'No later page dates it.',
};

/** A model value as a GraphQL enum value: `under-construction` is `under_construction`. */
export const enumValue = (value: string) => value.replaceAll('-', '_');

/** What each label holds (docs/design.md, "The data model"). */
const ENTITY_DESCRIPTIONS: Record<EntityType, string> = {
  Region: 'A province, city, county, district, town, island, bay area, or a place on the Taiwan side.',
  Park: 'A zone or park: comprehensive zone, Taiwan investment zone, specialised park, sub-area (片区/组团), farmer entrepreneurship park, software park, port area, industrial park, base or centre.',
  Sector: 'An industry; sub-sectors are PART_OF their sector.',
  Product: 'A product or technology; INPUT_TO links products into supply chains.',
  Enterprise: 'A company or group.',
  Project: 'A named project, with its capacity when the plan gives one.',
  Association: 'A Taiwan-side or cross-strait association, alliance or centre.',
  Agency: 'A mainland government body or official platform.',
  Policy: 'A plan, opinion, agreement, catalogue, regulation or set of measures.',
  Measure: 'A concrete incentive or rule inside a policy.',
  Event: 'A trade fair or expo.',
  Indicator: 'A statistic or a target; MEASURES points at its subject.',
  Document: 'A source document.',
};

function description(text: string, indent = ''): string {
  return `${indent}"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const typeList = (types: readonly EntityType[]) =>
  types.length === ENTITY_TYPES.length ? 'any entity' : types.join(', ');

/** The fields of `interface Entity` as written in schema.graphql, descriptions included. */
function entityInterfaceFields(schemaText: string): string[] {
  const document = parse(schemaText);
  const entity = document.definitions.find(
    (d): d is InterfaceTypeDefinitionNode =>
      d.kind === Kind.INTERFACE_TYPE_DEFINITION && d.name.value === 'Entity',
  );
  if (!entity?.fields?.length) throw new Error('schema.graphql has no `interface Entity` with fields');
  // The source text of each field, verbatim (both blocks indent fields by two spaces), so the copy
  // reads exactly as the interface does and the formatter leaves it alone.
  return entity.fields.map((field) => `  ${schemaText.slice(field.loc?.start, field.loc?.end)}`);
}

/** The generated block, markers included. */
export function renderGeneratedSdl(schemaText: string): string {
  const lines: string[] = [GENERATED_BEGIN];
  lines.push(description('The type (label) of an entity; each has an object type of the same name.'));
  lines.push('enum EntityType {');
  for (const type of ENTITY_TYPES) {
    lines.push(description(ENTITY_DESCRIPTIONS[type], '  '));
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
  lines.push('}', '');
  lines.push(description('What a later page says became of an entity at a date (a status step).'));
  lines.push('enum LaterStatus {');
  for (const status of LATER_STATUSES) {
    lines.push(description(LATER_STATUS_DESCRIPTIONS[status], '  '));
    lines.push(`  ${enumValue(status)}`);
  }
  lines.push('}', '');
  lines.push(description("What became of an intention of the plan, read from the latest later status."));
  lines.push('enum Outcome {');
  for (const outcome of OUTCOMES) {
    lines.push(description(OUTCOME_DESCRIPTIONS[outcome], '  '));
    lines.push(`  ${outcome}`);
  }
  lines.push('}');
  const fields = entityInterfaceFields(schemaText);
  for (const type of ENTITY_TYPES) {
    lines.push(
      '',
      description(ENTITY_DESCRIPTIONS[type]),
      `type ${type} implements Entity {`,
      ...fields,
      '}',
    );
  }
  lines.push(GENERATED_END);
  return lines.join('\n');
}

/** schema.graphql with the generated block rewritten (appended when the markers are missing). */
export function spliceGeneratedSdl(schemaText: string): string {
  const block = renderGeneratedSdl(schemaText);
  const begin = schemaText.indexOf(GENERATED_BEGIN);
  const end = schemaText.indexOf(GENERATED_END);
  if (begin === -1 || end === -1 || end < begin) return `${schemaText.trimEnd()}\n\n${block}\n`;
  return schemaText.slice(0, begin) + block + schemaText.slice(end + GENERATED_END.length);
}

/** True when the generated block of schema.graphql matches src/data/model.ts and `interface Entity`. */
export function generatedSdlIsCurrent(schemaText: string): boolean {
  return spliceGeneratedSdl(schemaText) === schemaText;
}
