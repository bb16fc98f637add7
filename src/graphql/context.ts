// What every resolver receives: a statement-counting view of the database for this one request.
import type { QueryRunner, StatementCounter } from '../db.ts';
import type { Logger } from '../log.ts';

export interface GraphQLContext {
  readonly db: QueryRunner;
  readonly statements: StatementCounter;
  readonly logger: Logger;
}
