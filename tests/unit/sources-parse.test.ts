// The source parser on the real plan: its sections, its passages, and each quirk of the text pinned by
// the line that shows it. Reads data/sources/fujian-plan-2011.txt (the only I/O of the unit tier).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseSource,
  SECTION_SEPARATOR,
  type ParsedDocument,
  type Passage,
} from '../../src/sources/parse.ts';

const PLAN_ID = 'fujian-plan-2011';
const planText = readFileSync(new URL('../../data/sources/fujian-plan-2011.txt', import.meta.url), 'utf8');
const plan = parseSource(PLAN_ID, planText);

function passageWith(doc: ParsedDocument, fragment: string): Passage {
  const found = doc.passages.filter((p) => p.text.includes(fragment));
  if (found.length !== 1)
    throw new Error(`expected one passage containing "${fragment}", found ${found.length}`);
  return found[0]!;
}

function sectionNames(doc: ParsedDocument, level?: number): string[] {
  return doc.sections.filter((s) => level === undefined || s.level === level).map((s) => s.name);
}

describe('parseSource on the plan: sections', () => {
  it('finds 112 sections: 3 front-matter, 前言, 5 chapters and their headings, 8 boxes, 8 figures', () => {
    expect(plan.sections).toHaveLength(112);
    const byKind: Record<string, number> = {};
    for (const s of plan.sections) byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
    expect(byKind).toEqual({
      front: 3,
      preface: 1,
      chapter: 5,
      section: 26,
      subsection: 31,
      item: 30,
      box: 8,
      figure: 8,
    });
  });

  it('names the top level: the notice, the title page, the contents, 前言 and the five chapters', () => {
    expect(sectionNames(plan, 1)).toEqual([
      '通知',
      '扉页',
      '目录',
      '前言',
      '第一章基础条件',
      '第二章总体要求',
      '第三章重点领域',
      '第四章空间布局',
      '第五章保障措施',
    ]);
  });

  it('names the sections of chapter 4 down to the parks, as a path joined with ›', () => {
    const chapter4 = sectionNames(plan, 2).filter((n) => n.startsWith('第四章空间布局'));
    expect(chapter4).toEqual([
      '第四章空间布局 › 一、平潭综合实验区',
      '第四章空间布局 › 二、福州台商投资区',
      '第四章空间布局 › 三、厦门台商投资区',
      '第四章空间布局 › 四、泉州台商投资区',
      '第四章空间布局 › 五、漳州台商投资区',
      '第四章空间布局 › 六、闽台合作专业园',
    ]);
    expect(sectionNames(plan)).toContain('第四章空间布局 › 六、闽台合作专业园 › （一）古雷台湾石化工业园');
    expect(sectionNames(plan)).toContain('第四章空间布局 › 六、闽台合作专业园 › （十）武夷新区特色产业园');
  });

  it('gives every section a unique name, its path joined with " › ", and a heading passage that opens it', () => {
    const names = sectionNames(plan);
    expect(new Set(names).size).toBe(names.length);
    for (const s of plan.sections) {
      expect(s.name).toBe(s.path.join(SECTION_SEPARATOR));
      expect(s.title).toBe(s.path[s.path.length - 1]);
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.title.length).toBeLessThanOrEqual(30);
    }
    const known = new Set(names);
    for (const p of plan.passages) expect(known.has(p.section)).toBe(true);
  });

  it('attaches each 专栏 box to the 一、 section around it, closing the open （一） sub-section', () => {
    const boxes = plan.sections.filter((s) => s.kind === 'box').map((s) => s.name);
    expect(boxes).toEqual([
      '第一章基础条件 › 一、合作基础 › 专栏一：闽台产业合作基础',
      '第一章基础条件 › 二、有利条件 › 专栏二：闽台产业合作趋势',
      '第四章空间布局 › 专栏三：闽台产业合作总体空间布局——“五区十园”',
      '第四章空间布局 › 一、平潭综合实验区 › 专栏四：平潭综合实验区闽台产业合作布局',
      '第四章空间布局 › 二、福州台商投资区 › 专栏五：福州台商投资区产业布局',
      '第四章空间布局 › 三、厦门台商投资区 › 专栏六：厦门台商投资区产业布局',
      '第四章空间布局 › 四、泉州台商投资区 › 专栏七：泉州台商投资区产业布局',
      '第四章空间布局 › 五、漳州台商投资区 › 专栏八：漳州台商投资区产业布局',
    ]);
  });

  it('makes each 图N caption a figure section holding only its caption, with whitespace removed from its name', () => {
    const figures = plan.sections.filter((s) => s.kind === 'figure');
    expect(figures.map((s) => s.title)).toEqual([
      '图1：闽台产业合作总体空间布局示意图',
      '图2：平潭综合实验区规划布局图',
      '图3：福州市台商投资区空间示意图',
      '图4：厦门台商投资区空间示意图',
      '图5：泉州台商投资区空间示意图',
      '图6：漳州台商投资区空间示意图',
      '图7：国家级台商投资区示意图',
      '图8：闽台产业合作专业园区布局示意图',
    ]);
    for (const figure of figures) {
      const inside = plan.passages.filter((p) => p.section === figure.name);
      expect(inside.map((p) => p.kind)).toEqual(['caption']);
    }
    expect(passageWith(plan, '平潭综合实验区规划布局图').text).toBe('图 2：平潭综合实验区规划布局图');
  });
});

describe('parseSource on the plan: passages', () => {
  it('finds 480 passages of the expected kinds', () => {
    expect(plan.passages).toHaveLength(480);
    const byKind: Record<string, number> = {};
    for (const p of plan.passages) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
    expect(byKind).toEqual({
      title: 2,
      date: 3,
      toc: 42,
      heading: 102,
      caption: 8,
      sentence: 279,
      'list-item': 15,
      'table-header': 5,
      'table-row': 24,
    });
  });

  it('gives every passage exact offsets: text === file.slice(start, end), trimmed, in reading order, not overlapping', () => {
    let previousEnd = 0;
    for (const p of plan.passages) {
      expect(p.text).toBe(planText.slice(p.start, p.end));
      expect(p.text).toBe(p.text.trim());
      expect(p.text.length).toBeGreaterThan(0);
      expect(p.start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = p.end;
    }
  });

  it('loses no text: the passages, whitespace aside, are the whole file', () => {
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(squeeze(plan.passages.map((p) => p.text).join(''))).toBe(squeeze(planText));
  });

  it('numbers passages <documentId>:p<NNNN> from p0001 in reading order, with the 1-based line of their start', () => {
    plan.passages.forEach((p, i) => {
      expect(p.id).toBe(`${PLAN_ID}:p${String(i + 1).padStart(4, '0')}`);
      expect(p.index).toBe(i);
      expect(p.documentId).toBe(PLAN_ID);
      expect(planText.split('\n')[p.line - 1]).toContain(p.text.split('\n')[0]);
    });
  });

  it('keeps ids stable: parsing again gives the same passages, and pinned ids keep their text', () => {
    expect(parseSource(PLAN_ID, planText)).toEqual(plan);
    const byId = new Map(plan.passages.map((p) => [p.id, p]));
    expect(byId.get('fujian-plan-2011:p0001')?.text).toBe(
      '福建省人民政府关于印发福建省“十二五”建设海峡两岸产业合作基地专项规划的通知',
    );
    expect(byId.get('fujian-plan-2011:p0050')?.text).toBe('前\u3000\u3000言');
    expect(byId.get('fujian-plan-2011:p0076')?.text).toBe(
      '捷联电子、华映光电、东南汽车、友达光电、华阳电业、翔鹭化纤、腾龙芳烃等一批台资企业已成为我省重点骨干企业。',
    );
    expect(byId.get('fujian-plan-2011:p0480')?.section).toBe('第五章保障措施 › 五、着力先行先试');
  });

  it('ends every sentence with its terminal punctuation (。！？；) kept', () => {
    for (const p of plan.passages.filter((x) => x.kind === 'sentence')) expect(p.text).toMatch(/[。！？；]$/);
    expect(passageWith(plan, '2010年，我省实际利用台资26.68亿美元').text).toBe(
      '2010年，我省实际利用台资26.68亿美元，比增5.3%；',
    );
  });
});

describe('parseSource on the plan: the quirks of its text', () => {
  it('line 3: keeps the notice, its dates and the title page out of the headings, with the notice sentence as a passage', () => {
    const notice = plan.passages.filter((p) => p.section === '通知');
    expect(notice.map((p) => [p.kind, p.text])).toEqual([
      ['title', '福建省人民政府关于印发福建省“十二五”建设海峡两岸产业合作基地专项规划的通知'],
      ['date', '发布日期:2011-10-29'],
      [
        'sentence',
        '各市、县（区）人民政府，平潭综合实验区管委会，省人民政府各部门、各直属机构，各大企业，各高等院校：' +
          '《福建省“十二五”建设海峡两岸产业合作基地专项规划》已经省人民政府同意，现印发给你们，请认真组织实施。',
      ],
      ['date', '二〇一一年十一月七日'],
    ]);
    expect(plan.passages.filter((p) => p.section === '扉页').map((p) => p.text)).toEqual([
      '福建省“十二五”建设海峡两岸产业合作基地专项规划',
      '二〇一一年十月',
    ]);
  });

  it('lines 3–5: splits the run-together table of contents into 42 entries that are passages, not sections', () => {
    const toc = plan.passages.filter((p) => p.kind === 'toc');
    expect(toc).toHaveLength(42);
    expect(toc.every((p) => p.section === '目录' && p.line >= 3 && p.line <= 5)).toBe(true);
    expect(toc.slice(0, 4).map((p) => p.text)).toEqual([
      '前言',
      '第一章基础条件',
      '一、合作基础',
      '二、有利条件',
    ]);
    expect(toc.find((p) => p.line === 4)?.text).toBe('七、创意产业');
    expect(plan.sections.filter((s) => s.start < (toc[toc.length - 1]?.end ?? 0)).map((s) => s.name)).toEqual(
      ['通知', '扉页', '目录'],
    );
  });

  it('finds every table-of-contents entry again as a heading of the body', () => {
    const titles = new Set(plan.sections.map((s) => s.title));
    for (const entry of plan.passages.filter((p) => p.kind === 'toc'))
      expect(titles.has(entry.text)).toBe(true);
  });

  it('skips the full-width spaces before a heading ("　　第一章基础条件", "　　 3．吉钓保税港区。")', () => {
    const chapter1 = plan.sections.find((s) => s.title === '第一章基础条件');
    expect(planText.slice(chapter1?.start, (chapter1?.start ?? 0) + 7)).toBe('第一章基础条件');
    const heading = passageWith(plan, '吉钓保税港区。');
    expect(heading.kind).toBe('heading');
    expect(heading.text).toBe('3．吉钓保税港区。');
    expect(heading.section).toBe(
      '第四章空间布局 › 一、平潭综合实验区 › （二）产业布局或项目 › 3．吉钓保税港区',
    );
    expect(planText.split('\n')[heading.line - 1]?.startsWith('\u3000\u3000 3．')).toBe(true);
  });

  it('"五、漳州台商投资区漳州台商投资区规划面积…": cuts the heading where the body starts', () => {
    const heading = plan.passages.find((p) => p.kind === 'heading' && p.text.startsWith('五、漳州'));
    expect(heading?.text).toBe('五、漳州台商投资区');
    const body = passageWith(plan, '规划面积12.4361平方公里');
    expect(body.section).toBe('第四章空间布局 › 五、漳州台商投资区');
    expect(body.text.startsWith('漳州台商投资区规划面积12.4361平方公里，重点发展')).toBe(true);
  });

  it('"图3：…示意图（一）产业合作重点（1）电子信息。围绕…": a caption, two headings and body on one line', () => {
    const onLine = plan.passages.filter((p) => p.line === 107);
    expect(onLine.map((p) => [p.kind, p.text.slice(0, 16)])).toEqual([
      ['caption', '图3：福州市台商投资区空间示意图'],
      ['heading', '（一）产业合作重点'],
      ['heading', '（1）电子信息。'],
      ['sentence', '围绕显示器的上下游产业，重点发展'],
    ]);
    expect(onLine[0]?.section).toBe('第四章空间布局 › 二、福州台商投资区 › 图3：福州市台商投资区空间示意图');
    expect(onLine[1]?.section).toBe('第四章空间布局 › 二、福州台商投资区 › （一）产业合作重点');
    expect(onLine[3]?.section).toBe(
      '第四章空间布局 › 二、福州台商投资区 › （一）产业合作重点 › （1）电子信息',
    );
  });

  it('"（一）产业合作规模不断扩大。“十一五”以来…": the phrase up to 。 is the title, the line\'s sentences stay in its section', () => {
    const section = '第一章基础条件 › 一、合作基础 › （一）产业合作规模不断扩大';
    const inside = plan.passages.filter((p) => p.section === section);
    expect(inside[0]).toMatchObject({ kind: 'heading', text: '（一）产业合作规模不断扩大。' });
    expect(inside.slice(1).every((p) => p.kind === 'sentence' && p.line === 14)).toBe(true);
    expect(inside[1]?.text.startsWith('“十一五”以来，福建充分发挥对台优势')).toBe(true);
    expect(inside[inside.length - 1]?.text).toBe('福建已成为祖国大陆最具活力的台商投资集中区之一。');
  });

  it('"1．电子信息产业。加强…": the same for numbered items', () => {
    const body = passageWith(plan, '加强与福州经济圈电子信息');
    expect(body.section).toBe('第四章空间布局 › 一、平潭综合实验区 › （一）产业合作重点 › 1．电子信息产业');
    expect(plan.passages[body.index - 1]).toMatchObject({ kind: 'heading', text: '1．电子信息产业。' });
  });

  it('joins a sentence broken across lines into one passage, line break kept in the text', () => {
    const cases: [string, string][] = [
      ['重点发展电子信息、金属深加工、食品深加工、机械装备等产', '等产\n业。'],
      ['液晶面板配套材料', '液晶面板配套材料\n生产项目，'],
      ['推进与台湾 IC产业', '推进与台湾 IC产业\n在存储电路（DRAM）、嵌入式CPU、晶圆代工等领域合作；'],
      ['装备制造和高端模具', '（4）泉州（南安、晋江）高端装备工业园，装备制造和高端模具\n等产业'],
    ];
    for (const [fragment, expected] of cases) expect(passageWith(plan, fragment).text).toContain(expected);
    expect(passageWith(plan, '推进与台湾 IC产业').text).toBe(
      '推进与台湾 IC产业\n在存储电路（DRAM）、嵌入式CPU、晶圆代工等领域合作；',
    );
    expect(passageWith(plan, '装备制造和高端模具').kind).toBe('list-item');
  });

  it('never splits at the dot of a decimal or of a numbered item (1.84倍, 14.9992平方公里, "1.“五区”：")', () => {
    expect(passageWith(plan, '时期的 1.84倍').text).toBe(
      '“十一五”期间，福建累计吸收台资项目2037项，累计实际利用台资（不含第三地转投）78.03亿美元，是“十五”时期的 1.84倍；',
    );
    expect(passageWith(plan, '14.9992平方公里').text).toBe(
      '泉州台商投资区规划面积14.9992平方公里，重点发展先进制造业和现代服务业，分为光电产业园、新材料产业园和高端研发服务中心等。',
    );
    expect(passageWith(plan, '“五区”：')).toMatchObject({
      kind: 'heading',
      text: '1.“五区”：',
      section: '第四章空间布局 › 专栏三：闽台产业合作总体空间布局——“五区十园” › 1.“五区”',
    });
  });

  it('makes each "（1）平潭综合实验区，…" line of 专栏三 one list-item passage (5 zones, 10 parks)', () => {
    const items = plan.passages.filter((p) => p.kind === 'list-item');
    expect(items).toHaveLength(15);
    expect(items.every((p) => /^（\d+）/.test(p.text))).toBe(true);
    expect(items[0]?.text).toBe('（1）平潭综合实验区，电子信息、高端装备制造、海洋生物、现代服务业等产业');
    expect(items[0]?.section.endsWith('1.“五区”')).toBe(true);
    expect(items[14]?.text).toBe('（10）武夷新区特色产业园，资源深加工产业和以生物为主的新兴产业');
    expect(items[14]?.section.endsWith('2.“十园”')).toBe(true);
  });

  it('keeps the flattened 专栏 tables one passage per line, also where a row is broken ("低碳 …" / "科技区 …")', () => {
    const rowAfter = (fragment: string) => plan.passages[passageWith(plan, fragment).index + 1];
    expect(passageWith(plan, '低碳 电子信息').kind).toBe('table-row');
    expect(rowAfter('低碳 电子信息')?.text).toBe(
      '科技区 高端机械设备 船舶（游艇）制造、通讯设备、新型医疗器械等。',
    );
    expect(passageWith(plan, '东园 电子与').text).toBe(
      '东园 电子与 硅片加工、太阳能电池及组件封装、光伏产品',
    );
    expect(rowAfter('东园 电子与')).toMatchObject({
      kind: 'table-row',
      text: '片区 光伏 卫星通讯设备、无线电系统、船舶导航系统',
    });
    const headers = plan.passages.filter((p) => p.kind === 'table-header').map((p) => p.text);
    expect(headers).toEqual([
      '园区 重点产业 产业布局或项目',
      '重点产业 产业布局或项目',
      '园区 重点产业 产业布局或项目',
      '园区 重点产业 产业布局或项目',
      '园区 重点产业 产业布局或项目',
    ]);
    expect(passageWith(plan, '惠卤片区').section).toBe(
      '第四章空间布局 › 四、泉州台商投资区 › 专栏七：泉州台商投资区产业布局',
    );
  });

  it('reads the prose 专栏 boxes (一, 二) as sentences, including the sentence after an ASCII space', () => {
    const box1 = plan.passages.filter((p) => p.section.endsWith('专栏一：闽台产业合作基础'));
    expect(box1.map((p) => p.kind)).toEqual(['heading', ...Array(7).fill('sentence')]);
    expect(box1[1]?.text).toBe('截至2010年，福建实有台资企业3796户。');
    expect(box1[2]?.text.startsWith('“十一五”期间')).toBe(true);
  });
});

describe('parseSource on other texts', () => {
  it('without a table of contents, cuts a run-on heading where the body repeats its subject', () => {
    const doc = parseSource(
      't',
      '第一章总则\n五、漳州台商投资区漳州台商投资区规划面积12.4361平方公里，重点发展电子信息。\n',
    );
    expect(doc.sections.map((s) => s.name)).toEqual(['第一章总则', '第一章总则 › 五、漳州台商投资区']);
    expect(doc.passages.map((p) => p.text)).toEqual([
      '第一章总则',
      '五、漳州台商投资区',
      '漳州台商投资区规划面积12.4361平方公里，重点发展电子信息。',
    ]);
  });

  it('gives the same passages for CRLF line ends, with offsets into the CRLF text', () => {
    const crlf = planText.replace(/\n/g, '\r\n');
    const doc = parseSource(PLAN_ID, crlf);
    expect(doc.passages.map((p) => p.text.replace(/\r\n/g, '\n'))).toEqual(plan.passages.map((p) => p.text));
    for (const p of doc.passages) expect(crlf.slice(p.start, p.end)).toBe(p.text);
  });

  it('treats a text with no headings as body text in an unnamed section', () => {
    const doc = parseSource('t', '一句话。又一句；\n');
    expect(doc.sections).toEqual([]);
    expect(doc.passages.map((p) => [p.section, p.text])).toEqual([
      ['', '一句话。'],
      ['', '又一句；'],
    ]);
  });
});
