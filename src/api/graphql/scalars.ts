// The Date scalar: a day written YYYY-MM-DD, checked where it enters (a literal in the document or a
// variable), so a resolver only ever sees a real day. The resolvers check it again (asOfArgument) for the
// callers that do not go through GraphQL, with the same message.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isPartialDate } from '../../data/model.ts';

function day(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isPartialDate(value)) {
    throw new GraphQLError(
      `${JSON.stringify(value)} is not a date; write it as YYYY-MM-DD, e.g. 2014-12-31.`,
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A day, written YYYY-MM-DD (e.g. 2014-12-31).',
  serialize: (value) => day(value),
  parseValue: (value) => day(value),
  parseLiteral: (ast) => day(ast.kind === Kind.STRING ? ast.value : undefined),
});
