// Colour and shape of each entity type, shared by the cytoscape stylesheet, the legend and the SVG export,
// so the three always agree. Colours are chosen to stay apart for the common forms of colour blindness
// and to print; shapes repeat the distinction for those who cannot see colour at all.
import type { Outcome, RelationStatus } from '../model.ts';

export interface TypeStyle {
  readonly color: string;
  /** a cytoscape node shape */
  readonly shape: string;
}

const TYPE_STYLES: Record<string, TypeStyle> = {
  Region: { color: '#8d99ae', shape: 'round-rectangle' },
  Park: { color: '#2a9d8f', shape: 'round-hexagon' },
  Sector: { color: '#e9b949', shape: 'round-diamond' },
  Product: { color: '#f28c38', shape: 'ellipse' },
  Enterprise: { color: '#3d7ab8', shape: 'ellipse' },
  Project: { color: '#7b5ea7', shape: 'round-rectangle' },
  Association: { color: '#d1495b', shape: 'round-tag' },
  Agency: { color: '#33505c', shape: 'round-rectangle' },
  Policy: { color: '#8c6239', shape: 'rectangle' },
  Measure: { color: '#b8926a', shape: 'rectangle' },
  Event: { color: '#c266c4', shape: 'star' },
  Indicator: { color: '#6a9e3f', shape: 'round-triangle' },
  Document: { color: '#5c636a', shape: 'rectangle' },
};

const UNKNOWN_TYPE: TypeStyle = { color: '#a0a4a8', shape: 'ellipse' };

export function typeStyle(type: string): TypeStyle {
  return TYPE_STYLES[type] ?? UNKNOWN_TYPE;
}

/** Taiwan-side entities (Taiwan-invested firms, Taiwan associations, Taiwan-side places) get this ring. */
export const TAIWAN_RING = '#c1121f';

/** How an edge's status is drawn: what exists is solid, what the plan commits to is dashed, what it seeks is dotted. */
export const STATUS_LINE: Record<RelationStatus, 'solid' | 'dashed' | 'dotted'> = {
  existing: 'solid',
  planned: 'dashed',
  sought: 'dotted',
};

export const EDGE_COLOR = '#9aa3ad';
export const CHAIN_EDGE_COLOR = '#e07b24';
export const PATH_COLOR = '#0b69d4';
export const SELECT_COLOR = '#0b69d4';
export const GAP_COLOR = '#c1121f';
/** The entities a what-if lets fail. */
export const FAILING_COLOR = '#4a4a4a';

/**
 * What became of a project, park or firm, or of a chain link through what covers it (a halo around the
 * node): realised green, transformed blue, pending amber, suspended orange, abandoned dark red, unknown grey.
 */
export const OUTCOME_COLORS: Readonly<Record<Outcome, string>> = {
  realised: '#2b9348',
  transformed: '#0077b6',
  pending: '#e9a23b',
  suspended: '#e76f51',
  abandoned: '#7a0c12',
  unknown: '#adb5bd',
};
