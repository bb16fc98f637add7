// The front matter before the plan's body (before 前言 or the first chapter): the notice that circulates
// the plan, its title page and its table of contents. In the plan these share a few lines, separated by
// runs of full-width spaces ("…请认真组织实施。\u3000\u3000二〇一一年十一月七日\u3000\u3000福建省…专项规划\u3000\u3000二〇一一年十月\u3000\u3000目\u3000录前言第一章…"),
// so the region is cut into segments at such runs and each segment classified. TOC entries become
// passages of kind 'toc' under section 目录, never sections: the body's headings are the sections.
import type { DocumentBuilder } from './builder.ts';
import { splitSentences } from './sentences.ts';
import { removeSpace, type SourceLine } from './text.ts';

export const FRONT_SECTION = { notice: '通知', titlePage: '扉页', contents: '目录' } as const;

const CN_DATE =
  /^[〇零一二三四五六七八九十○]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?$/;
const RELEASE_DATE = /^发布日期\s*[:：]/;
const CONTENTS_HEADING = /^目\s*录/;
/** Where one run-together TOC entry ends and the next begins. */
const TOC_ENTRY_START =
  /前\s*言|第[一二三四五六七八九十百]+章|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）/g;
/** Two or more whitespace characters separate the segments of a front-matter line. */
const SEGMENT_GAP = /\s{2,}/g;

export interface FrontMatter {
  /** the table of contents' entries with whitespace removed, e.g. "五、漳州台商投资区" */
  readonly tocTitles: readonly string[];
}

export function parseFrontMatter(
  text: string,
  lines: readonly SourceLine[],
  builder: DocumentBuilder,
): FrontMatter {
  const tocTitles: string[] = [];
  const firstLine = lines.find((l) => text.slice(l.start, l.end).trim() !== '');
  let current: string =
    firstLine && removeSpace(text.slice(firstLine.start, firstLine.end)).endsWith('通知')
      ? FRONT_SECTION.notice
      : FRONT_SECTION.titlePage;
  const opened = new Map<string, readonly string[]>();
  const pathOf = (name: string, start: number): readonly string[] => {
    const existing = opened.get(name);
    if (existing) return existing;
    const path = builder.openSection([], name, 'front', 1, start);
    opened.set(name, path);
    return path;
  };
  let first = true;

  for (const line of lines) {
    for (const seg of segments(text, line)) {
      const segText = text.slice(seg.start, seg.end);
      if (current === FRONT_SECTION.contents) {
        tocTitles.push(...addTocEntries(text, seg.start, seg.end, pathOf(current, seg.start), builder));
      } else if (CONTENTS_HEADING.test(segText)) {
        current = FRONT_SECTION.contents;
        const headingEnd = seg.start + (CONTENTS_HEADING.exec(segText)?.[0].length ?? 0);
        const path = pathOf(current, seg.start);
        builder.addPassage('heading', seg.start, headingEnd, path);
        tocTitles.push(...addTocEntries(text, headingEnd, seg.end, path, builder));
      } else if (CN_DATE.test(segText) || RELEASE_DATE.test(segText)) {
        builder.addPassage('date', seg.start, seg.end, pathOf(current, seg.start));
        // the notice closes with its full date (…年…月…日); what follows is the plan's own title page
        if (current === FRONT_SECTION.notice && segText.endsWith('日')) current = FRONT_SECTION.titlePage;
      } else if (first || current === FRONT_SECTION.titlePage) {
        builder.addPassage('title', seg.start, seg.end, pathOf(current, seg.start));
      } else {
        const path = pathOf(current, seg.start);
        for (const s of splitSentences(text, seg.start, seg.end))
          builder.addPassage('sentence', s.start, s.end, path);
      }
      first = false;
    }
  }
  return { tocTitles };
}

function segments(text: string, line: SourceLine): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const slice = text.slice(line.start, line.end);
  let from = 0;
  for (const gap of slice.matchAll(SEGMENT_GAP)) {
    out.push({ start: line.start + from, end: line.start + gap.index });
    from = gap.index + gap[0].length;
  }
  out.push({ start: line.start + from, end: line.end });
  return out.filter((s) => text.slice(s.start, s.end).trim() !== '');
}

/** Cuts text[start, end) into TOC entries, one passage each, and returns their titles. */
function addTocEntries(
  text: string,
  start: number,
  end: number,
  path: readonly string[],
  builder: DocumentBuilder,
): string[] {
  const slice = text.slice(start, end);
  const cuts = [...slice.matchAll(TOC_ENTRY_START)].map((m) => m.index);
  if (cuts[0] !== 0) cuts.unshift(0);
  const titles: string[] = [];
  cuts.forEach((cut, i) => {
    const stop = cuts[i + 1] ?? slice.length;
    const title = removeSpace(slice.slice(cut, stop));
    if (title === '') return;
    builder.addPassage('toc', start + cut, start + stop, path);
    titles.push(title);
  });
  return titles;
}
