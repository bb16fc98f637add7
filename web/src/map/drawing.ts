// The map drawn under the graph, as SVG in the canvas's own coordinates: the outlines of Fujian's cities and
// of Taiwan, the frame of what the map cannot place, and the words that say it is schematic and where it
// comes from. The page shows it behind the canvas (ui/mapBackdrop.ts) and the SVG export puts it under the
// graph, so both draw the same map.
import { escapeXml } from '../canvas/exportView.ts';
import { OUTLINES } from './geography.ts';
import { mapBounds, project, type Box, type Position } from './mapLayout.ts';

const FILL: Readonly<Record<string, string>> = { 福建: '#eef2ea', 台湾: '#f6ece8' };
const STROKE = '#b7c0b0';
const SEA = '#eaf2f8';

const round = (value: number) => Math.round(value * 10) / 10;

/** The outlines as SVG paths (one per city, one for Taiwan). */
function outlinePaths(): string {
  return OUTLINES.map((outline) => {
    const d = outline.rings
      .map(
        (ring) =>
          `M${ring
            .map((point) => {
              const { x, y } = project(point);
              return `${round(x)} ${round(y)}`;
            })
            .join('L')}Z`,
      )
      .join('');
    return `<path d="${d}" fill="${FILL[outline.province] ?? '#f2f2f2'}" stroke="${STROKE}" stroke-width="1" vector-effect="non-scaling-stroke"><title>${escapeXml(outline.name)}</title></path>`;
  }).join('');
}

let paths: string | undefined;

export interface MapDrawing {
  readonly svg: string;
  /** what it covers, in canvas coordinates */
  readonly box: Box;
}

/**
 * The map under the graph. `unplacedBox`: the frame of the entities the map cannot place, with its title;
 * `note`: that the map is schematic, and its sources (the page shows it beside the canvas instead: '').
 */
export function mapDrawing(options: {
  readonly unplacedBox: Box | null;
  readonly unplacedTitle: string;
  /** the circles of what stands for a province as a whole, and their words */
  readonly wholeProvinces: readonly { readonly centre: Position; readonly radius: number }[];
  readonly wholeTitle: string;
  readonly note: string;
}): MapDrawing {
  paths ??= outlinePaths();
  const bounds = mapBounds();
  const sea = { x1: bounds.x1 - 40, y1: bounds.y1 - 40, x2: bounds.x2 + 40, y2: bounds.y2 + 60 };
  const parts = [
    `<rect x="${round(sea.x1)}" y="${round(sea.y1)}" width="${round(sea.x2 - sea.x1)}" height="${round(sea.y2 - sea.y1)}" fill="${SEA}" rx="12"/>`,
    paths,
  ];
  if (options.note)
    parts.push(
      `<text x="${round(sea.x1 + 14)}" y="${round(sea.y2 - 16)}" font-size="20" fill="#5f6b76">${escapeXml(options.note)}</text>`,
    );
  for (const { centre, radius } of options.wholeProvinces) {
    parts.push(
      `<circle cx="${round(centre.x)}" cy="${round(centre.y)}" r="${round(radius)}" fill="rgba(255,255,255,0.55)" stroke="#8d99ae" stroke-dasharray="5 4" vector-effect="non-scaling-stroke"/>`,
      `<text x="${round(centre.x)}" y="${round(centre.y + radius + 18)}" font-size="22" text-anchor="middle" fill="#5f6b76">${escapeXml(options.wholeTitle)}</text>`,
    );
  }
  let box = sea;
  const frame = options.unplacedBox;
  if (frame) {
    parts.push(
      `<rect x="${round(frame.x1)}" y="${round(frame.y1)}" width="${round(frame.x2 - frame.x1)}" height="${round(frame.y2 - frame.y1)}" fill="#f7f7f5" stroke="#c9cdd1" stroke-dasharray="6 4" vector-effect="non-scaling-stroke" rx="10"/>`,
      `<text x="${round(frame.x1 + 14)}" y="${round(frame.y1 + 32)}" font-size="28" fill="#5f6b76">${escapeXml(options.unplacedTitle)}</text>`,
    );
    box = {
      x1: Math.min(box.x1, frame.x1),
      y1: Math.min(box.y1, frame.y1),
      x2: Math.max(box.x2, frame.x2),
      y2: Math.max(box.y2, frame.y2),
    };
  }
  return { svg: parts.join(''), box };
}
