// The comparison of the plan's boxes (专栏) with its text (src/data/boxes.ts): a box row left out of
// data/box-comparison.yaml, and a difference whose caveat is missing, are reported at file:line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBoxComparison } from '../../src/data/boxes.ts';
import { parseLaterFile } from '../../src/data/read.ts';
import { parseSource } from '../../src/sources/parse.ts';

const plan = parseSource(
  'fujian-plan-2011',
  readFileSync(new URL('../../data/sources/fujian-plan-2011.txt', import.meta.url), 'utf8'),
);
const REAL = readFileSync(new URL('../../data/box-comparison.yaml', import.meta.url), 'utf8');
const FILE = 'data/box-comparison.yaml';
/** The caveats of the real data that the real comparison names, as the validator would pass them. */
const caveats = new Map<string, string[]>([
  ['park:quanzhou-tiz-xiutu-port', ['专栏七 has no row for this area: only the text names it (港口物流业).']],
  ['park:quanzhou-tiz-xingtian', []],
]);
const check = (text: string, known: ReadonlyMap<string, readonly string[]> = caveats) =>
  checkBoxComparison(
    parseLaterFile(FILE, text),
    plan,
    (id) =>
      known.get(id) ??
      (id.includes(':') ? ['专栏一 专栏二 专栏三 专栏四 专栏五 专栏六 专栏七 专栏八'] : undefined),
  );

describe('box-comparison', () => {
  it('accepts the comparison of data/', () => {
    expect(check(REAL)).toEqual([]);
  });

  it('reports a box row that is not compared, naming the passage and its box', () => {
    const text = REAL.replace(
      '- row: 港口经贸区 海产品加工业 海产精深加工、鲜活水产冷冻产品\n  verdict: agrees\n',
      '',
    );
    const issues = check(text);
    expect(issues.map((i) => `${i.file}:${i.line}  ${i.message}`)).toEqual([
      `${FILE}:1  fujian-plan-2011:p0259 (专栏四, line 101 of the plan) is not compared with the text; add an entry for it`,
    ]);
  });

  it('reports a difference whose caveat does not name the box, at the caveatOn line', () => {
    const text = REAL.replace(
      'caveatOn: [park:quanzhou-tiz-xiutu-port]',
      'caveatOn: [park:quanzhou-tiz-xingtian]',
    );
    const line = text.split('\n').findIndex((l) => l.includes('park:quanzhou-tiz-xingtian')) + 1;
    const issues = check(text);
    expect(issues.map((i) => `${i.file}:${i.line}  ${i.path}  ${i.message}`)).toEqual([
      `${FILE}:${line}  [49].caveatOn[0]  no caveat of park:quanzhou-tiz-xingtian names 专栏七: record the difference there`,
    ]);
  });

  it('reports a differing row without caveatOn, and a row that is not in a box', () => {
    const text = `- row: 惠卤片区 轻工 鞋业鞋材、纺织服装、工艺品等产品的升级\n  verdict: differs\n  note: 惠卤 for 惠南.\n- row: 古雷台湾石化工业园，炼化一体化龙头项目\n  verdict: agrees\n- row: 重点发展炼油、乙烯、丙烯、芳烃\n  verdict: agrees\n`;
    const messages = check(text).map((i) => `${i.line}  ${i.message}`);
    expect(messages).toContain(
      '1  a row that differs names the entities or relations whose caveat records the difference',
    );
    expect(messages).toContain('6  these words are not in a box (专栏) of the plan');
  });
});
