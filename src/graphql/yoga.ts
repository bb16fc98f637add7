// Builds the GraphQL server object (no port: tests call `yoga.fetch(...)`; src/main.ts listens).
// Errors raised as CskgError reach the client with their code and message; anything else is logged
// and masked as "Unexpected error." so no stack, Cypher or driver detail leaks.
import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Database } from '../db.ts';
import { CskgError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { GraphQLContext } from './context.ts';
import { buildSchema } from './schema.ts';

export interface YogaOptions {
  readonly db: Database;
  readonly logger: Logger;
  readonly development?: boolean;
}

export type CskgYoga = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

export function createCskgYoga({ db, logger, development = false }: YogaOptions): CskgYoga {
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'cskg GraphQL' },
    landingPage: false,
    logging: false,
    context: () => {
      const db_ = db.counted();
      return { db: db_, statements: db_.counter, logger };
    },
    maskedErrors: {
      maskError(error, message) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof CskgError && original.code !== 'INTERNAL') {
          return new GraphQLError(original.message, {
            nodes: error instanceof GraphQLError ? error.nodes : undefined,
            path: error instanceof GraphQLError ? error.path : undefined,
            extensions: { code: original.code },
          });
        }
        logger.error('unexpected error in a GraphQL request', {
          error: original instanceof Error ? (original.stack ?? original.message) : String(original),
        });
        return new GraphQLError(development ? `${message} (${String(original)})` : message, {
          path: error instanceof GraphQLError ? error.path : undefined,
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      },
    },
  });
}
