// What every resolver receives: a statement-counting view of the database for this one request, and the
// request's loaders, which batch the entity, evidence and relation loads of the whole request.
import type { Reader, StatementCounter } from '../../infra/database.ts';
import type { Logger } from '../../infra/log.ts';
import type { Loaders } from './loaders.ts';

export interface GraphQLContext {
  readonly db: Reader;
  readonly statements: StatementCounter;
  readonly logger: Logger;
  readonly loaders: Loaders;
  /** what this request has returned so far, against the per-request limits of ./limits.ts */
  readonly returned: { relations: number; walks: number };
}
