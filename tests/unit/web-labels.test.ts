// Labels that wrap where a reader would break them, and the cited words of a passage, highlighted.
import { describe, expect, it } from 'vitest';
import { labelWords, nodeLabel, textWidth, wrapLabel } from '../../web/src/canvas/labels.ts';
import { highlightRuns } from '../../web/src/ui/highlight.ts';

describe('wrapLabel', () => {
  it('leaves short names on one line', () => {
    expect(wrapLabel('福州台商投资区', 'zh-Hans')).toBe('福州台商投资区');
    expect(wrapLabel('厦门', 'zh-Hans')).toBe('厦门');
  });

  it('breaks Chinese names between words, in balanced lines', () => {
    expect(wrapLabel('古雷台湾石化工业园', 'zh-Hans')).toBe('古雷台湾\n石化工业园');
    expect(wrapLabel('泉州高端装备工业园', 'zh-Hans')).toBe('泉州高端\n装备工业园');
    for (const line of wrapLabel('海峡两岸（三明）现代林业合作实验区', 'zh-Hans').split('\n')) {
      expect(textWidth(line)).toBeLessThanOrEqual(8);
    }
  });

  it('keeps a number with its unit and a bracket or quotation with its words', () => {
    expect(labelWords('腾龙芳烃80万吨/年对二甲苯（PX）项目', 'zh-Hans')).toContain('80万吨/年');
    expect(labelWords('对二甲苯（PX）', 'zh-Hans').at(-1)).toBe('（PX）');
    expect(wrapLabel('福建省“十二五”建设海峡两岸产业合作基地专项规划', 'zh-Hans')).toContain('“十二五”');
  });

  it('wraps English at spaces, never inside a word', () => {
    const label = wrapLabel('Soueast Motor (South East (Fujian) Motor Co.)', 'en', 16, 3);
    for (const word of ['Soueast', 'South', 'East', '(Fujian)']) expect(label).toContain(word);
    expect(label.split('\n').length).toBeLessThanOrEqual(3);
  });

  it('cuts what does not fit in the lines allowed, with an ellipsis', () => {
    const label = wrapLabel('这是一个非常非常非常非常非常非常非常非常非常非常长的名称', 'zh-Hans', 5, 2);
    expect(label.split('\n')).toHaveLength(2);
    expect(label.endsWith('…')).toBe(true);
  });

  it('labels a node in the language asked for', () => {
    const gulei = { name: '古雷台湾石化工业园', nameEn: 'Gulei Taiwan Petrochemical Industrial Park' };
    expect(nodeLabel(gulei, 'zh-Hans')).toBe('古雷台湾\n石化工业园');
    expect(nodeLabel(gulei, 'en')).toBe('Gulei Taiwan Petrochemical\nIndustrial Park');
  });
});

describe('highlightRuns', () => {
  it('marks the quote in the passage, ignoring the plan’s stray whitespace', () => {
    const runs = highlightRuns(
      '加快推进古雷石化（漳州）有限公司1600万吨/年炼油、 120万吨/年乙烯的炼化一体化工程',
      ['1600万吨/年炼油、120万吨/年乙烯'],
    );
    expect(runs.filter((r) => r.marked).map((r) => r.text)).toEqual(['1600万吨/年炼油、 120万吨/年乙烯']);
    expect(runs.map((r) => r.text).join('')).toBe(
      '加快推进古雷石化（漳州）有限公司1600万吨/年炼油、 120万吨/年乙烯的炼化一体化工程',
    );
  });

  it('merges overlapping matches and treats regular-expression characters literally', () => {
    const runs = highlightRuns('对二甲苯（PX）和 PX (a+b)', ['对二甲苯（PX）', '（PX）和', '(a+b)']);
    expect(runs.filter((r) => r.marked).map((r) => r.text)).toEqual(['对二甲苯（PX）和', '(a+b)']);
  });

  it('marks nothing when nothing matches, and ignores one-character needles', () => {
    expect(highlightRuns('闽台合作', ['台', null, undefined, '东南'])).toEqual([
      { text: '闽台合作', marked: false },
    ]);
  });
});
