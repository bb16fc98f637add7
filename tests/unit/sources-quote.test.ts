// locateQuote on the real plan: whitespace-insensitive matching, quotes across a line break and across
// two passages, and the errors (missing, ambiguous, occurrence out of range, empty) with their hints.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuoteOccurrences, locateQuote, parseSource, QuoteError } from '../../src/sources/parse.ts';

const planText = readFileSync(new URL('../../data/sources/fujian-plan-2011.txt', import.meta.url), 'utf8');
const plan = parseSource('fujian-plan-2011', planText);

function quoteError(quote: string, occurrence?: number): QuoteError {
  try {
    locateQuote(plan, quote, occurrence);
  } catch (error) {
    if (error instanceof QuoteError) return error;
    throw error;
  }
  throw new Error(`expected locateQuote to fail for "${quote}"`);
}

describe('locateQuote', () => {
  it('finds a quote inside one passage and returns its exact offsets', () => {
    const match = locateQuote(plan, '发挥友达光电的带动作用');
    expect(match.passages.map((p) => p.id)).toEqual(['fujian-plan-2011:p0316']);
    expect(planText.slice(match.start, match.end)).toBe('发挥友达光电的带动作用');
    expect(match).toMatchObject({ occurrence: 1, occurrences: 1 });
  });

  it("ignores whitespace on both sides: the plan's stray spaces, its line breaks and U+3000", () => {
    // the plan writes "时期的 1.84倍" with an ASCII space, "台湾 IC产业\n在存储电路" across a line, and "前\u3000\u3000言"
    expect(locateQuote(plan, '是“十五”时期的1.84倍；闽台贸易额').passages[0]?.id).toBe(
      'fujian-plan-2011:p0066',
    );
    const acrossLines = locateQuote(plan, '推进与台湾IC产业在存储电路（DRAM）');
    expect(planText.slice(acrossLines.start, acrossLines.end)).toBe('推进与台湾 IC产业\n在存储电路（DRAM）');
    expect(acrossLines.passages).toHaveLength(1);
    expect(locateQuote(plan, '前 言', 2).passages[0]?.text).toBe('前\u3000\u3000言');
    expect(locateQuote(plan, '液晶面板配套材料\u3000生产项目').passages[0]?.id).toBe(
      'fujian-plan-2011:p0268',
    );
  });

  it('returns both passages when a quote runs across a sentence break', () => {
    const match = locateQuote(plan, '比增5.3%；实现对台贸易103.89亿美元');
    expect(match.passages.map((p) => p.id)).toEqual(['fujian-plan-2011:p0064', 'fujian-plan-2011:p0065']);
  });

  it('returns the heading and the sentence when a quote runs from an inline title into its body', () => {
    const match = locateQuote(plan, '（一）产业合作规模不断扩大。“十一五”以来');
    expect(match.passages.map((p) => p.kind)).toEqual(['heading', 'sentence']);
  });

  it('reports a missing quote with how much of it occurs and where the source differs', () => {
    const error = quoteError('福建已成为祖国大陆最具活力的台资集中区');
    expect(error.code).toBe('QUOTE_NOT_FOUND');
    expect(error.message).toContain('quote not found in fujian-plan-2011');
    expect(error.message).toContain('its first 15 characters occur (fujian-plan-2011:p0068, line 14)');
    expect(error.message).toContain('the source reads "商投资集中区之一" where the quote has "资集中区"');
  });

  it('says so when a quote differs only by ASCII punctuation where the plan has full-width', () => {
    const error = quoteError('累计实际利用台资(不含第三地转投)');
    expect(error.code).toBe('QUOTE_NOT_FOUND');
    expect(error.message).toContain('matches only if full-width and ASCII forms are treated alike');
  });

  it('reports an ambiguous quote with the number of occurrences, where they are, and what to write', () => {
    const error = quoteError('友达光电');
    expect(error.code).toBe('QUOTE_AMBIGUOUS');
    expect(error.occurrences).toHaveLength(3);
    expect(error.message).toContain(
      'quote occurs 3 times in fujian-plan-2011 (at p0076 line 16, p0083 line 18, p0316 line 135)',
    );
    expect(error.message).toContain('occurrence: N } with N from 1 to 3');
  });

  it('picks the N-th occurrence when asked, in reading order', () => {
    expect(findQuoteOccurrences(plan, '友达光电')).toHaveLength(3);
    expect(locateQuote(plan, '友达光电', 2).passages[0]?.id).toBe('fujian-plan-2011:p0083');
    expect(locateQuote(plan, '友达光电', 3).passages[0]?.id).toBe('fujian-plan-2011:p0316');
  });

  it('rejects an occurrence beyond the count, or below 1', () => {
    expect(quoteError('友达光电', 4).code).toBe('QUOTE_OCCURRENCE_OUT_OF_RANGE');
    expect(quoteError('友达光电', 4).message).toContain(
      'occurrence 4 asked for, but the quote occurs 3 times',
    );
    expect(quoteError('友达光电', 0).code).toBe('QUOTE_OCCURRENCE_OUT_OF_RANGE');
  });

  it('rejects an empty or whitespace-only quote', () => {
    expect(quoteError(' \u3000 ').code).toBe('QUOTE_EMPTY');
  });
});
