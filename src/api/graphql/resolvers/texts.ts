// Resolvers of the sentences the server composes (the explanation of a policy reach and of the what-if
// answers, a truncation's message): each is built in English and Chinese by src/read and answered in the language the
// field asks for, else in the request's (Accept-Language; context.ts).
// (A chain gap's explanation is resolved with the rest of the gap, in ./chains.ts.)
import type {
  GapPartnerResolvers,
  ImpactConsequenceResolvers,
  PartnerRoleResolvers,
  PolicyReachResolvers,
  SinglePointLinkResolvers,
  TruncationResolvers,
} from '../generated/resolvers.ts';
import { textIn } from '../context.ts';

export const PolicyReach: PolicyReachResolvers = {
  explanation: (reach, args, context) => textIn(reach.explanation, args.language, context),
};

export const Truncation: TruncationResolvers = {
  message: (cut, args, context) => textIn(cut.message, args.language, context),
};

export const ImpactConsequence: ImpactConsequenceResolvers = {
  explanation: (consequence, args, context) => textIn(consequence.explanation, args.language, context),
};

export const SinglePointLink: SinglePointLinkResolvers = {
  explanation: (link, args, context) => textIn(link.explanation, args.language, context),
};

export const GapPartner: GapPartnerResolvers = {
  explanation: (partner, args, context) => textIn(partner.explanation, args.language, context),
};

export const PartnerRole: PartnerRoleResolvers = {
  explanation: (role, args, context) => textIn(role.explanation, args.language, context),
};
