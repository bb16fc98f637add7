// The small pictures of the legend, the lists and the details: an entity type's colour and shape, and a
// relation status's line, drawn from the same palette as the canvas (canvas/palette.ts).
import type { RelationStatus } from '../model.ts';
import { STATUS_LINE, typeStyle } from '../canvas/palette.ts';
import { svgEl } from './dom.ts';

export function typeIcon(type: string): SVGSVGElement {
  const { color, shape } = typeStyle(type);
  const svg = svgEl('svg', { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': 'true' });
  const paint = { fill: color, stroke: 'rgba(0,0,0,0.25)', 'stroke-width': 0.8 };
  const polygon = (points: string) => svg.appendChild(svgEl('polygon', { points, ...paint }));
  switch (shape) {
    case 'round-rectangle':
      svg.appendChild(svgEl('rect', { x: 2, y: 2, width: 12, height: 12, rx: 3, ...paint }));
      break;
    case 'rectangle':
      svg.appendChild(svgEl('rect', { x: 2, y: 2, width: 12, height: 12, ...paint }));
      break;
    case 'round-hexagon':
      polygon('1,8 4.5,2 11.5,2 15,8 11.5,14 4.5,14');
      break;
    case 'round-diamond':
      polygon('8,1 15,8 8,15 1,8');
      break;
    case 'round-triangle':
      polygon('8,1.5 15,14 1,14');
      break;
    case 'round-tag':
      polygon('1,3 10.5,3 15,8 10.5,13 1,13');
      break;
    case 'star':
      polygon('8,1 9.9,6 15,6.2 11,9.4 12.4,14.6 8,11.6 3.6,14.6 5,9.4 1,6.2 6.1,6');
      break;
    default:
      svg.appendChild(svgEl('circle', { cx: 8, cy: 8, r: 6.5, ...paint }));
  }
  return svg;
}

export function lineIcon(status: RelationStatus, color: string): SVGSVGElement {
  const svg = svgEl('svg', {
    width: 18,
    height: 10,
    viewBox: '0 0 18 10',
    'aria-hidden': 'true',
    class: 'line-sample',
  });
  const dash = STATUS_LINE[status] === 'dashed' ? '4 2.5' : STATUS_LINE[status] === 'dotted' ? '0.5 3' : '';
  svg.appendChild(
    svgEl('line', {
      x1: 1,
      y1: 5,
      x2: 17,
      y2: 5,
      stroke: color,
      'stroke-width': status === 'sought' ? 2.4 : 2,
      'stroke-linecap': 'round',
      ...(dash ? { 'stroke-dasharray': dash } : {}),
    }),
  );
  return svg;
}
