// Builds the GraphQL server object (no port: tests call `yoga.fetch(...)`; src/main.ts listens).
// Errors raised as CskgError reach the client with their code and message; anything else is logged
// and masked as "Unexpected error." so no stack, Cypher or driver detail leaks. Documents are checked
// by graphql-armor before anything runs (depth, cost, aliases, directives, tokens: LIMITS in
// ./limits.ts), field suggestions are hidden outside development, simple (non-preflighted) requests
// need a CSRF header, and every response says how many Cypher statements it cost.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError, type ValidationContext } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { negotiateLanguage } from '../../data/language.ts';
import type { ReadOnlyDatabase } from '../../infra/database.ts';
import { CskgError } from '../../infra/errors.ts';
import type { Logger } from '../../infra/log.ts';
import type { GraphQLContext } from './context.ts';
import { argumentLimitsRule, LIMITS } from './limits.ts';
import { createLoaders } from './loaders.ts';
import { buildSchema } from './schema.ts';

export interface YogaOptions {
  readonly db: ReadOnlyDatabase;
  readonly logger: Logger;
  /** development: GraphQL field suggestions ("Did you mean …?") and error details in messages */
  readonly development?: boolean;
}

export type CskgYoga = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

/** The header a GET (or a form-encoded POST) must carry; JSON POSTs are preflighted by browsers anyway. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/** Refuses integer literals above their maximum before anything runs (see argumentLimitsRule). */
function useArgumentLimits(): Plugin<GraphQLContext> {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(argumentLimitsRule);
    },
  };
}

/**
 * Adds `extensions.statements` to every executed result: the Cypher statements the request cost; and
 * `extensions.truncation` when a list answer without a `truncation` field of its own was cut by a limit.
 */
function useStatementCount(): Plugin<GraphQLContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const { truncated } = args.contextValue;
          setResult({
            ...result,
            extensions: {
              ...result.extensions,
              statements: args.contextValue.statements.statements,
              ...(truncated.length > 0 ? { truncation: truncated } : {}),
            },
          });
        },
      };
    },
  };
}

/*
 * graphql-armor's validation rules report a document over a limit as a validation error with the code
 * clients act on (BAD_USER_INPUT, HTTP 400) instead of throwing a bare "Syntax Error" (HTTP 200).
 */
const asBadInput = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(
        new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
        }),
      ),
  ],
};

/** What a client reads when Neo4j cannot be reached or refuses cskg's credentials. */
const CONNECTION_MESSAGE = 'The database is unavailable at the moment; try again shortly.';

function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError' && 'extensions' in error;
}

export function createCskgYoga({ db, logger, development = false }: YogaOptions): CskgYoga {
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'cskg GraphQL', headers: JSON.stringify({ [CSRF_HEADER]: '1' }) },
    landingPage: false,
    logging: false,
    // src/api/http/app.ts reads the body and refuses one over LIMITS.bodyBytes before yoga sees it; yoga's own
    // limit would pipe every body through one more stream (about 3 % of the server's CPU per request).
    maxRequestBodySize: false,
    context: ({ request }) => {
      const counted = db.counted();
      return {
        db: counted,
        statements: counted.counter,
        logger,
        loaders: createLoaders(counted),
        returned: { relations: 0, walks: 0 },
        language: negotiateLanguage(request.headers.get('accept-language')),
        truncated: [],
      };
    },
    plugins: [
      useArgumentLimits(),
      EnvelopArmorPlugin({
        maxDepth: { n: LIMITS.queryDepth, ignoreIntrospection: true, flattenFragments: true, ...asBadInput },
        costLimit: { maxCost: LIMITS.queryCost, ignoreIntrospection: true, ...asBadInput },
        maxAliases: { n: LIMITS.aliases, ...asBadInput },
        maxDirectives: { n: LIMITS.directives, ...asBadInput },
        // The token limit acts while parsing, before validation: it stays a parse error (HTTP 400).
        maxTokens: { n: LIMITS.tokens },
        blockFieldSuggestion: { enabled: !development },
      }),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      useStatementCount(),
    ],
    maskedErrors: {
      maskError(error, message) {
        // graphql-tools and yoga may use another copy (CommonJS) of graphql than this module, so GraphQL
        // errors are recognised by shape, not with instanceof.
        const graphQLError = isGraphQLError(error) ? error : undefined;
        const original = graphQLError ? graphQLError.originalError : error;
        // Errors of GraphQL itself (parse, validation, armor, CSRF) say what was wrong with the request;
        // those raised without a code (a mutation or subscription, which this schema has neither of; a
        // missing CSRF header) get BAD_REQUEST, keeping their HTTP status, so every error carries a code.
        if (graphQLError && (!original || isGraphQLError(original))) {
          if (graphQLError.extensions?.code) return graphQLError;
          return new GraphQLError(graphQLError.message, {
            nodes: graphQLError.nodes,
            path: graphQLError.path,
            extensions: { http: { status: 400 }, ...graphQLError.extensions, code: 'BAD_REQUEST' },
          });
        }
        if (original instanceof CskgError && original.code !== 'INTERNAL') {
          // Which Neo4j, and as which user, is the operator's business (logs, CLI), not a client's.
          const connection = original.code === 'SERVICE_UNAVAILABLE' || original.code === 'NEO4J_AUTH';
          if (connection) logger.warn(original.message);
          return new GraphQLError(connection ? CONNECTION_MESSAGE : original.message, {
            nodes: graphQLError?.nodes,
            path: graphQLError?.path,
            extensions: { code: original.code },
          });
        }
        logger.error('unexpected error in a GraphQL request', {
          error: original instanceof Error ? (original.stack ?? original.message) : String(original),
        });
        return new GraphQLError(development ? `${message} (${String(original)})` : message, {
          path: graphQLError?.path,
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      },
    },
  });
}
