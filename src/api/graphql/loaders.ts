// Per-request batching (DataLoader): every load of one kind that the resolvers of one request make in the
// same tick becomes ONE statement, whatever the number of entities in the answer. Entity rows that a query
// already returned are remembered, so resolving Edge.sourceEntity of a subgraph costs nothing.
import DataLoader from 'dataloader';
import type { Reader } from '../../infra/database.ts';
import {
  readEntitiesById,
  readEvidence,
  readFactsByPassage,
  readRelationPages,
  readRelationsById,
  type FactsOfPassageRequest,
  type RelationPage,
  type RelationPageRequest,
} from '../../read/entities.ts';
import type { EdgeRow, EntityRow, PassageRow } from '../../read/rows.ts';
import { readChainProducts, type ChainProductsRequest } from '../../read/chainGaps.ts';
import { readEntityStatuses, readSourcesById, type EntityStatusRow, type SourceRow } from '../../read/time.ts';

export interface Loaders {
  /** entity by id (null when none) */
  entity(id: string): Promise<EntityRow | null>;
  /** fact by relation id (null when none) */
  relation(id: string): Promise<EdgeRow | null>;
  /** the evidence passages of an entity, in reading order, each with its cited words */
  entityEvidence(id: string): Promise<PassageRow[]>;
  /** passages by id (null for an id that is not there) */
  passages(ids: readonly string[]): Promise<(PassageRow | null)[]>;
  /** a page of an entity's relations */
  relations(request: RelationPageRequest): Promise<RelationPage>;
  /** the first `first` facts a passage states, by id */
  factsByPassage(id: string, first: number): Promise<EdgeRow[]>;
  /** the first products of a chain, upstream first */
  chainProducts(request: ChainProductsRequest): Promise<EntityRow[]>;
  /** the status of an entity on a day (null: everything known); one statement per day asked in a request */
  status(id: string, asOf: string | null): Promise<EntityStatusRow | null>;
  /** pages read later, by id (null for an id that is not there) */
  source(id: string): Promise<SourceRow | null>;
  /** Makes entity rows returned by any query available to `entity` without another statement. */
  remember(entities: Iterable<EntityRow>): void;
}

/*
 * Entity evidence and passages by id share ONE statement (src/read/entities.ts evidenceQuery): a request
 * that shows the evidence of its nodes and of its edges costs one statement for both.
 */
type EvidenceKey = `entity:${string}` | `passage:${string}`;
type EvidenceValue = PassageRow[] | PassageRow | null;

export function createLoaders(db: Reader): Loaders {
  const entity = new DataLoader<string, EntityRow | null>(async (ids) => {
    const found = await readEntitiesById(db, ids);
    return ids.map((id) => found.get(id) ?? null);
  });

  const relation = new DataLoader<string, EdgeRow | null>(async (ids) => {
    const found = await readRelationsById(db, ids);
    return ids.map((id) => found.get(id) ?? null);
  });

  const evidence = new DataLoader<EvidenceKey, EvidenceValue>(async (keys) => {
    const entityIds = keys.filter((k) => k.startsWith('entity:')).map((k) => k.slice('entity:'.length));
    const passageIds = keys.filter((k) => k.startsWith('passage:')).map((k) => k.slice('passage:'.length));
    const result = await readEvidence(db, entityIds, passageIds);
    return keys.map((key) =>
      key.startsWith('entity:')
        ? (result.byEntity.get(key.slice('entity:'.length)) ?? [])
        : (result.passages.get(key.slice('passage:'.length)) ?? null),
    );
  });

  const relations = new DataLoader<RelationPageRequest, RelationPage, string>(
    async (requests) => {
      const pages = await readRelationPages(db, requests);
      for (const page of pages) remember(page.items.map((item) => item.neighbor));
      return pages;
    },
    { cacheKeyFn: (request) => JSON.stringify(request) },
  );

  const factsByPassage = new DataLoader<FactsOfPassageRequest, EdgeRow[], string>(
    async (requests) => {
      const { facts, ends } = await readFactsByPassage(db, requests);
      remember(ends);
      return facts;
    },
    { cacheKeyFn: (request) => `${request.passageId}|${request.first}` },
  );

  const chainProducts = new DataLoader<ChainProductsRequest, EntityRow[], string>(
    async (requests) => {
      const pages = await readChainProducts(db, requests);
      for (const page of pages) remember(page);
      return pages;
    },
    { cacheKeyFn: (request) => `${request.chainId}|${request.first}` },
  );

  // One loader per day asked: the statuses of all the entities of a request on that day are one statement.
  const statusByDay = new Map<string, DataLoader<string, EntityStatusRow | null>>();
  const statusOn = (asOf: string | null) => {
    const key = asOf ?? '';
    let loader = statusByDay.get(key);
    if (!loader) {
      loader = new DataLoader<string, EntityStatusRow | null>(async (ids) => {
        const found = await readEntityStatuses(db, ids, asOf);
        return ids.map((id) => found.get(id) ?? null);
      });
      statusByDay.set(key, loader);
    }
    return loader;
  };

  const source = new DataLoader<string, SourceRow | null>(async (ids) => {
    const found = await readSourcesById(db, ids);
    return ids.map((id) => found.get(id) ?? null);
  });

  function remember(entities: Iterable<EntityRow>) {
    for (const row of entities) entity.prime(row.id, row);
  }

  return {
    entity: (id) => entity.load(id),
    relation: (id) => relation.load(id),
    entityEvidence: async (id) => (await evidence.load(`entity:${id}`)) as PassageRow[],
    passages: (ids) =>
      Promise.all(ids.map(async (id) => (await evidence.load(`passage:${id}`)) as PassageRow | null)),
    relations: (request) => relations.load(request),
    factsByPassage: (passageId, first) => factsByPassage.load({ passageId, first }),
    chainProducts: (request) => chainProducts.load(request),
    status: (id, asOf) => statusOn(asOf).load(id),
    source: (id) => source.load(id),
    remember,
  };
}
