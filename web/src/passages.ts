// Passages of the plan around a cited one: what "read the section" shows.
import type { Passage } from './model.ts';

/** The passages of the cited passage's own section (and its sub-sections), in reading order. */
export function sectionAround(around: readonly Passage[], id: string): Passage[] {
  const current = around.find((p) => p.id === id);
  if (!current) return [...around];
  const inside = (p: Passage) =>
    p.section === current.section || p.section.startsWith(current.section + ' › ');
  const index = around.indexOf(current);
  let start = index;
  while (start > 0 && inside(around[start - 1] as Passage)) start--;
  let end = index;
  while (end < around.length - 1 && inside(around[end + 1] as Passage)) end++;
  return around.slice(start, end + 1);
}
