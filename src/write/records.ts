// The rows the loader writes, exactly as they become node and relationship properties
// (docs/graph-model.md), and their construction from what the validator resolved. Both inputs, the
// curated YAML (a ResolvedGraph) and the streamed NDJSON (stream.ts), end up as these rows, so one writer
// serves both and the graph does not depend on which format a fact was written in.
import { cypherInteger } from '../infra/database.ts';
import type { EntityType, RelationType } from '../data/model.ts';
import type { Evidence, PropertyValue, ResolvedEntity, ResolvedRelation } from '../data/validate.ts';
import type { Passage } from '../sources/types.ts';

/** Property values as sent to the driver (integers wrapped by cypherInteger). */
export type NodeProperties = Record<string, PropertyValue | readonly string[] | unknown>;

/**
 * The properties stored as INTEGER (the model's z.number().int()); every other number is a FLOAT.
 * The export writes typed columns from this table too.
 */
export const INTEGER_PROPERTIES: Readonly<
  Partial<Record<EntityType | 'Passage' | 'Meta', readonly string[]>>
> = {
  Sector: ['level'],
  Policy: ['baseYear'],
  Indicator: ['year'],
  Passage: ['ordinal', 'start', 'end'],
  Meta: ['entityCount', 'relationCount', 'passageCount'],
};

function withIntegers(
  owner: EntityType | 'Passage',
  props: Record<string, unknown>,
): Record<string, unknown> {
  for (const key of INTEGER_PROPERTIES[owner] ?? []) {
    const value = props[key];
    if (typeof value === 'number') props[key] = cypherInteger(value);
  }
  return props;
}

/** An entity node: its properties (id and type among them). */
export interface EntityNodeRow {
  readonly id: string;
  readonly type: EntityType;
  readonly props: NodeProperties;
}

/** A fact: `(from)-[:type {props}]->(to)`. */
export interface RelationRow {
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly props: NodeProperties;
}

/** `(:Entity {id: entity})-[:EVIDENCED_BY {quote}]->(:Passage {id: passage})` */
export interface EvidenceRow {
  readonly entity: string;
  readonly passage: string;
  readonly quote: string;
}

export type PassageNodeRow = NodeProperties & { readonly id: string; readonly documentId: string };

/** The words a full-text search should find an entity by: name, English name and aliases. */
export function searchTextOf(entity: { name: string; nameEn: string; aliases: readonly string[] }): string {
  return [entity.name, entity.nameEn, ...entity.aliases].join(' ');
}

export function entityRow(entity: ResolvedEntity): EntityNodeRow {
  return {
    id: entity.id,
    type: entity.type,
    props: withIntegers(entity.type, {
      ...entity.properties,
      id: entity.id,
      type: entity.type,
      name: entity.name,
      nameEn: entity.nameEn,
      aliases: [...entity.aliases],
      caveats: [...entity.caveats],
      searchText: searchTextOf(entity),
    }),
  };
}

/** One evidence link per cited passage; a quote spanning two passages links to both. */
export function evidenceRows(entity: Pick<ResolvedEntity, 'id' | 'evidence'>): EvidenceRow[] {
  return entity.evidence.map((e) => ({ entity: entity.id, passage: e.passageId, quote: e.quote }));
}

export function relationRow(relation: ResolvedRelation): RelationRow {
  return {
    type: relation.type,
    from: relation.from,
    to: relation.to,
    props: {
      ...relation.properties,
      id: relation.id,
      status: relation.status,
      caveats: [...relation.caveats],
      ...evidenceLists(relation.evidence),
      ...(relation.key === undefined ? {} : { key: relation.key }),
    },
  };
}

/** `evidence` (passage ids) and `quotes` (the cited words), aligned index by index. */
export function evidenceLists(evidence: readonly Evidence[]): { evidence: string[]; quotes: string[] } {
  return { evidence: evidence.map((e) => e.passageId), quotes: evidence.map((e) => e.quote) };
}

export function passageRow(passage: Passage): PassageNodeRow {
  return withIntegers('Passage', {
    id: passage.id,
    documentId: passage.documentId,
    ordinal: passage.index,
    section: passage.section,
    sectionPath: [...passage.sectionPath],
    kind: passage.kind,
    text: passage.text,
    start: passage.start,
    end: passage.end,
  }) as PassageNodeRow;
}
