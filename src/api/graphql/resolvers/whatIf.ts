// Resolvers of the what-if answers (impact, single points, partner roles): what the read functions return
// is the answer; only `truncated` and counts derived from lists are computed here.
import type {
  ImpactResolvers,
  PartnerRolesResolvers,
  SinglePointRankResolvers,
  SinglePointsResolvers,
} from '../generated/resolvers.ts';

export const Impact: ImpactResolvers = {
  truncated: (impact) => impact.truncation.length > 0,
};

export const SinglePoints: SinglePointsResolvers = {
  truncated: (points) => points.truncation.length > 0,
};

export const SinglePointRank: SinglePointRankResolvers = {
  linkCount: (rank) => rank.links.length,
};

export const PartnerRoles: PartnerRolesResolvers = {
  truncated: (roles) => roles.truncation.length > 0,
};
