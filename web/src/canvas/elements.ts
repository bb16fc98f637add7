// API answers to cytoscape elements and back. A node carries what the view needs to style, filter and
// label it without another request; the full record (caveats, evidence) is fetched when it is selected.
import type cytoscape from 'cytoscape';
import { displayName, relationTypeName, type Lang } from '../i18n/index.ts';
import { attribute, statusOf, type EdgeSummary, type EntitySummary, type Outcome } from '../model.ts';
import { nodeLabel } from './labels.ts';

export interface NodeData {
  id: string;
  type: string;
  name: string;
  nameEn: string;
  aliases: readonly string[];
  attributes: EntitySummary['attributes'];
  /** relations in the whole graph; -1 when unknown */
  degree: number;
  size: number;
  /** the wrapped label of the current language */
  label: string;
  /** the same on one line, for lists (the chain view) */
  line: string;
  /** what became of it, when that is worth a colour (outcomeShown); '' otherwise */
  outcome: string;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  status: string;
  attributes: EdgeSummary['attributes'];
  label: string;
}

/** Node diameter by number of relations: a square root, so hubs stand out without swallowing the view. */
export function nodeSize(degree: number): number {
  if (degree <= 0) return 18;
  return Math.round(Math.min(52, 14 + 4.2 * Math.sqrt(degree)));
}

/** Taiwan-side: a Taiwan-invested firm, a Taiwan association, a place in Taiwan. */
export function isTaiwanSide(entity: Pick<EntitySummary, 'type' | 'attributes'>): boolean {
  return (
    attribute(entity, 'origin') === 'taiwan' ||
    attribute(entity, 'side') === 'taiwan' ||
    attribute(entity, 'level') === 'taiwan-place'
  );
}

/**
 * The outcome a node is coloured by: a project's always (unknown included: the plan intended it, and nobody
 * knows what became of it), anything else's once a later page says what became of it.
 */
export function outcomeShown(entity: Pick<EntitySummary, 'type' | 'status'>): Outcome | null {
  const outcome = entity.status?.outcome ?? null;
  if (outcome === null) return null;
  return entity.type === 'Project' || outcome !== 'unknown' ? outcome : null;
}

export function nodeElement(entity: EntitySummary, lang: Lang): cytoscape.ElementDefinition {
  const degree = entity.degree ?? -1;
  const data: NodeData = {
    id: entity.id,
    type: entity.type,
    name: entity.name,
    nameEn: entity.nameEn,
    aliases: entity.aliases,
    attributes: entity.attributes,
    degree,
    size: nodeSize(degree),
    label: nodeLabel(entity, lang),
    line: displayName(entity, lang),
    outcome: outcomeShown(entity) ?? '',
  };
  return { group: 'nodes', data: { ...data }, classes: isTaiwanSide(entity) ? ['taiwan'] : [] };
}

export function edgeElement(edge: EdgeSummary, lang: Lang): cytoscape.ElementDefinition {
  const data: EdgeData = {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: edge.type,
    status: statusOf(edge),
    attributes: edge.attributes,
    label: relationTypeName(lang, edge.type),
  };
  return { group: 'edges', data: { ...data } };
}

/** The entity a node stands for, as the API gave it. */
export function entityOfNode(node: cytoscape.NodeSingular): EntitySummary {
  const d = node.data() as NodeData;
  return {
    id: d.id,
    type: d.type,
    name: d.name,
    nameEn: d.nameEn,
    aliases: d.aliases,
    attributes: d.attributes,
    ...(d.degree >= 0 ? { degree: d.degree } : {}),
    ...(d.outcome ? { status: { outcome: d.outcome as Outcome } } : {}),
  };
}
