// Resolvers of the root Query type: each checks its arguments, calls one data-access function, returns.
import { readGraphStats } from '../../graph/stats.ts';
import type { GraphQLContext } from '../context.ts';

export const Query = {
  stats: (_parent: unknown, _args: unknown, context: GraphQLContext) => readGraphStats(context.db),
};
