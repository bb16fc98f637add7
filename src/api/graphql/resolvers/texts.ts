// Resolvers of the sentences the server composes (a chain gap's or a policy reach's explanation, a
// truncation's message): each is built in English and Chinese by src/read and answered in the language the
// field asks for, else in the request's (Accept-Language; context.ts).
// (A chain gap's explanation is resolved with the rest of the gap, in ./chains.ts.)
import type { PolicyReachResolvers, TruncationResolvers } from '../generated/resolvers.ts';
import { textIn } from '../context.ts';

export const PolicyReach: PolicyReachResolvers = {
  explanation: (reach, args, context) => textIn(reach.explanation, args.language, context),
};

export const Truncation: TruncationResolvers = {
  message: (cut, args, context) => textIn(cut.message, args.language, context),
};
