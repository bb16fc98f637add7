// The executable schema: schema.graphql (the contract, source of truth) joined with the resolvers.
// A schema.graphql whose model enums no longer match src/data/model.ts is refused at start-up, so a
// forgotten `npm run codegen` cannot ship.
import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { PROJECT_ROOT } from '../../infra/config.ts';
import type { Resolvers } from './generated/resolvers.ts';
import { generatedSdlIsCurrent } from './generatedSdl.ts';
import { Chain, ChainGap } from './resolvers/chains.ts';
import { Entity, entityTypes } from './resolvers/entity.ts';
import { Citation, Edge, PassageHit } from './resolvers/facts.ts';
import { Query } from './resolvers/query.ts';
import { EntityStatus, Research, Scorecard, StatusStep } from './resolvers/time.ts';
import { DateScalar } from './scalars.ts';
import { Impact, PartnerRoles, SinglePointRank, SinglePoints } from './resolvers/whatIf.ts';
import {
  GapPartner,
  ImpactConsequence,
  PartnerRole,
  PolicyReach,
  SinglePointLink,
  Truncation,
} from './resolvers/texts.ts';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema.graphql');

export const resolvers: Resolvers = {
  Query,
  Entity,
  ...entityTypes,
  Edge,
  Citation,
  PassageHit,
  Chain,
  ChainGap,
  StatusStep,
  Research,
  EntityStatus,
  Scorecard,
  Impact,
  SinglePoints,
  SinglePointRank,
  PartnerRoles,
  PolicyReach,
  Truncation,
  ImpactConsequence,
  SinglePointLink,
  GapPartner,
  PartnerRole,
  Date: DateScalar,
};

export function buildSchema() {
  const typeDefs = fs.readFileSync(SCHEMA_FILE, 'utf8');
  if (!generatedSdlIsCurrent(typeDefs)) {
    throw new Error(
      'schema.graphql: the block generated from src/data/model.ts and interface Entity is stale; run `npm run codegen` and commit the result.',
    );
  }
  return makeExecutableSchema({
    typeDefs,
    resolvers: resolvers as Parameters<typeof makeExecutableSchema>[0]['resolvers'],
  });
}
