// Resolvers of supply chains and their gaps: a chain's products are read on demand, a page at a time
// (through the request's loaders: one statement for every chain of an answer); a gap's lists are cut at
// their `first` from what chainGaps already read; its explanation comes in the reader's language, its
// passages through the request's loader.
import type { ChainGapResolvers, ChainResolvers } from '../generated/resolvers.ts';
import { textIn } from '../context.ts';
import { intArgument, LIMITS } from '../limits.ts';
import { inReadingOrder } from '../../../read/chainGaps.ts';

const first = (name: string, value: number) => intArgument(`${name}.first`, value, 0, LIMITS.chainListFirst);

export const Chain: ChainResolvers = {
  products: (chain, args, { loaders }) =>
    loaders.chainProducts({ chainId: chain.id, first: first('products', args.first) }),
};

export const ChainGap: ChainGapResolvers = {
  upstream: (gap, args) => gap.upstream.slice(0, first('upstream', args.first)),
  downstream: (gap, args) => gap.downstream.slice(0, first('downstream', args.first)),
  coverage: (gap, args) => gap.coverage.slice(0, first('coverage', args.first)),
  coverageOutsideFujian: (gap, args) =>
    gap.coverageOutsideFujian.slice(0, first('coverageOutsideFujian', args.first)),
  explanation: (gap, args, context) => textIn(gap.explanation, args.language, context),
  // chainGaps leaves the passages to the request's loader when it can (one statement with the rest)
  evidence: async (gap, _args, { loaders }) =>
    gap.evidenceIds === null
      ? gap.evidence
      : inReadingOrder((await loaders.passages(gap.evidenceIds)).filter((p) => p !== null)),
};
