// The cytoscape stylesheet: colour and shape by entity type, size by degree, line style by status
// (existing solid, planned dashed, sought dotted), and the classes the controller sets (faded, path,
// chain gaps, pinned, filtered). Labels are computed by labels.ts and stored in data(label).
import type cytoscape from 'cytoscape';
import { ENTITY_TYPES, OUTCOMES } from '../model.ts';
import {
  CHAIN_EDGE_COLOR,
  EDGE_COLOR,
  FAILING_COLOR,
  GAP_COLOR,
  OUTCOME_COLORS,
  PATH_COLOR,
  SELECT_COLOR,
  TAIWAN_RING,
  typeStyle,
} from './palette.ts';

export const LABEL_FONT =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';
/** Traditional Chinese in the glyphs Taiwan reads (the same characters drawn the Taiwan way: 臺, 灣, 產). */
const LABEL_FONT_TRADITIONAL =
  '"Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", system-ui, sans-serif';

type Block = cytoscape.StylesheetStyle;

function typeBlocks(): Block[] {
  return ENTITY_TYPES.map((type) => {
    const { color, shape } = typeStyle(type);
    return {
      selector: `node[type = "${type}"]`,
      style: { 'background-color': color, shape: shape as cytoscape.Css.NodeShape },
    };
  });
}

/**
 * `large`: the canvas holds hundreds of nodes (the whole plan graph): straight edges instead of bezier
 * curves, no label backgrounds, and labels only on the nodes the user zooms in on, which halves the first
 * frame.
 */
export function explorerStylesheet(
  options: { large?: boolean; lang?: string } = {},
): cytoscape.StylesheetJson {
  const large = options.large ?? false;
  const font = options.lang === 'zh-Hant' ? LABEL_FONT_TRADITIONAL : LABEL_FONT;
  const blocks: Block[] = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 'data(size)',
        height: 'data(size)',
        'background-color': typeStyle('').color,
        'border-width': 1.5,
        'border-color': '#ffffff',
        'font-family': font,
        'font-size': 11,
        color: '#1d2329',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': '400px',
        'line-height': 1.15,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.78,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': large ? 8 : 6,
        'overlay-padding': 4,
      },
    },
    ...typeBlocks(),
    // Taiwan-side entities: a red ring, the distinction this plan is about.
    { selector: 'node.taiwan', style: { 'border-width': 3, 'border-color': TAIWAN_RING } },
    // Hubs of the opening view and the product a chain is about: bolder labels.
    {
      selector: 'node.hub',
      style: { 'font-size': 13, 'font-weight': 'bold', 'text-background-opacity': 0.9 },
    },
    { selector: 'node.focus', style: { 'font-size': 13, 'font-weight': 'bold' } },
    // A node with neighbours not on the canvas: a soft halo says "more here".
    {
      selector: 'node.has-more',
      style: {
        'underlay-color': '#5b6b7a',
        'underlay-opacity': 0.13,
        'underlay-padding': 5,
        'underlay-shape': 'ellipse',
      },
    },
    // What became of a project, park or firm (or of a chain link, through what covers it): a coloured halo.
    ...OUTCOMES.map((outcome): Block => ({
      selector: `node[outcome = "${outcome}"]`,
      style: {
        'underlay-color': OUTCOME_COLORS[outcome],
        'underlay-opacity': 0.55,
        'underlay-padding': 6,
        'underlay-shape': 'ellipse',
      },
    })),
    {
      selector: 'node.pinned',
      style: {
        'outline-width': 2,
        'outline-color': '#1d2329',
        'outline-style': 'dashed',
        'outline-offset': 2,
      },
    },
    {
      selector: 'node:selected',
      style: { 'overlay-color': SELECT_COLOR, 'overlay-opacity': 0.22, 'overlay-padding': 6, 'z-index': 20 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'curve-style': large ? 'straight' : 'bezier',
        'line-color': EDGE_COLOR,
        'target-arrow-color': EDGE_COLOR,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.75,
        'line-cap': 'round',
        'font-family': font,
        'font-size': 9,
        color: '#3b4650',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
        'overlay-padding': 3,
      },
    },
    { selector: 'edge[status = "planned"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    {
      selector: 'edge[status = "sought"]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [0.5, 4], width: 2.2, 'line-cap': 'round' },
    },
    {
      selector: 'edge[type = "INPUT_TO"]',
      style: { 'line-color': CHAIN_EDGE_COLOR, 'target-arrow-color': CHAIN_EDGE_COLOR, width: 2.4 },
    },
    { selector: 'edge.show-label, edge:selected', style: { label: 'data(label)' } },
    {
      selector: 'edge:selected',
      style: { 'line-color': SELECT_COLOR, 'target-arrow-color': SELECT_COLOR, width: 3, 'z-index': 20 },
    },
    // Path finder and neighbourhood focus: what is not on the path fades.
    { selector: '.faded', style: { opacity: 0.16, 'text-opacity': 0.3 } },
    {
      selector: 'edge.path',
      style: {
        'line-color': PATH_COLOR,
        'target-arrow-color': PATH_COLOR,
        width: 4,
        label: 'data(label)',
        'z-index': 10,
      },
    },
    {
      selector: 'node.path',
      style: { 'underlay-color': PATH_COLOR, 'underlay-opacity': 0.25, 'underlay-padding': 7 },
    },
    { selector: 'node.path-end', style: { 'font-size': 13, 'font-weight': 'bold' } },
    // What if: the entities that fail (crossed out in grey) and what their failure leaves behind (ringed).
    {
      selector: 'node.failing',
      style: {
        'background-color': FAILING_COLOR,
        'font-weight': 'bold',
        'font-size': 13,
        'outline-width': 3,
        'outline-color': FAILING_COLOR,
        'outline-offset': 3,
      },
    },
    {
      selector: 'node.impacted',
      style: { 'outline-width': 3, 'outline-color': GAP_COLOR, 'outline-offset': 3, color: GAP_COLOR },
    },
    // Bridges of the partnership network: a thick ring in the path colour.
    { selector: 'node.bridge', style: { 'border-width': 5, 'border-color': PATH_COLOR } },
    // Chain gaps (补链): a red dashed ring, and a marker in the label.
    {
      selector: 'node.gap',
      style: {
        'outline-width': 3,
        'outline-color': GAP_COLOR,
        'outline-style': 'dashed',
        'outline-offset': 3,
        color: GAP_COLOR,
      },
    },
    {
      selector: 'node.gap-taiwan-only, node.gap-planned-only, node.gap-no-enterprise',
      style: { 'outline-style': 'dotted' },
    },
    // The chain view lists the parks and firms covering a product beneath it, one per row.
    {
      selector: 'node.attached',
      style: {
        label: 'data(label)',
        'text-justification': 'left',
        width: 16,
        height: 16,
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 5,
        'text-margin-y': 0,
        'font-size': 12,
      },
    },
    // The columns layout puts the labels of its outer columns beside the nodes, on one line.
    {
      selector: 'node.label-left, node.label-right',
      style: {
        label: 'data(line)',
        width: 'data(compact)',
        height: 'data(compact)',
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-wrap': 'ellipsis',
        'text-max-width': '190px',
        'font-size': 12,
      },
    },
    // The anchor column (the zones and parks of the overview) keeps sizes by degree.
    {
      selector: 'node.hub.label-left',
      style: { width: 'data(size)', height: 'data(size)', 'font-size': 13 },
    },
    {
      selector: 'node.hub.label-left.wrap-label',
      style: {
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-max-width': '400px',
        'text-justification': 'right',
      },
    },
    { selector: 'node.label-left', style: { 'text-halign': 'left', 'text-margin-x': -5 } },
    { selector: 'node.label-right', style: { 'text-halign': 'right', 'text-margin-x': 5 } },
    // The map: relations across the strait drawn as arcs over the sea; what the map cannot place, muted.
    {
      selector: 'edge.cross-strait',
      style: {
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [-60],
        'control-point-weights': [0.5],
        width: 2.6,
        'line-color': TAIWAN_RING,
        'target-arrow-color': TAIWAN_RING,
        opacity: 0.85,
        'z-index': 15,
      },
    },
    { selector: 'node.off-map', style: { opacity: 0.75 } },
    { selector: 'edge.off-map', style: { opacity: 0.22 } },
    { selector: '.filtered', style: { display: 'none' } },
    // Large canvases label only what the user zooms in on (the controller sets lod-label on the nodes in
    // view): measuring hundreds of labels that are too small to draw doubled the first frame.
    ...(large
      ? [
          { selector: 'node', style: { 'text-background-opacity': 0, label: '' } } as Block,
          {
            selector: 'node.lod-label, node:selected, node.hub, node.focus, node.path',
            style: { label: 'data(label)' },
          } as Block,
        ]
      : []),
  ];
  return blocks;
}
