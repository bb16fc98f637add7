// The executable schema: schema.graphql (the contract, source of truth) joined with the resolvers.
import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { PROJECT_ROOT } from '../config.ts';
import { Query } from './resolvers/query.ts';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema.graphql');

export function buildSchema() {
  return makeExecutableSchema({
    typeDefs: fs.readFileSync(SCHEMA_FILE, 'utf8'),
    resolvers: { Query },
  });
}
