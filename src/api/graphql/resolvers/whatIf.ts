// Resolvers of the what-if answers (impact, single points, partner roles): what the read functions return
// is the answer; only `truncated`, counts derived from lists and the explanation in the reader's language
// are computed here.
import type {
  ImpactResolvers,
  PartnerRolesResolvers,
  SinglePointRankResolvers,
  SinglePointsResolvers,
} from '../generated/resolvers.ts';
import { textIn } from '../context.ts';

export const Impact: ImpactResolvers = {
  truncated: (impact) => impact.truncation.length > 0,
};

export const SinglePoints: SinglePointsResolvers = {
  truncated: (points) => points.truncation.length > 0,
};

export const SinglePointRank: SinglePointRankResolvers = {
  linkCount: (rank) => rank.links.length,
  explanation: (rank, args, context) => textIn(rank.explanation, args.language, context),
};

export const PartnerRoles: PartnerRolesResolvers = {
  truncated: (roles) => roles.truncation.length > 0,
};
