// Relay connections: opaque cursors (base64url of a kind and the id after which the next page starts,
// so pages are keyset-paginated on unique ids) and the values the connection types resolve from.
import type { EdgeRow, EntityRow } from '../../read/rows.ts';
import type { EntityPage, RelationPage } from '../../read/entities.ts';
import { BadInputError } from '../../infra/errors.ts';

export interface PageInfoValue {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface EntityEdgeValue {
  cursor: string;
  node: EntityRow;
}

export interface EntityConnectionValue {
  edges: EntityEdgeValue[];
  pageInfo: PageInfoValue;
  totalCount: number;
}

export interface RelationEdgeValue {
  cursor: string;
  node: EdgeRow;
  direction: 'OUT' | 'IN';
  neighbor: EntityRow;
}

export interface RelationConnectionValue {
  edges: RelationEdgeValue[];
  pageInfo: PageInfoValue;
  totalCount: number;
}

type CursorKind = 'entity' | 'relation';

export function encodeCursor(kind: CursorKind, id: string): string {
  return Buffer.from(`${kind}:${id}`, 'utf8').toString('base64url');
}

/** The id in a cursor of this kind; BAD_USER_INPUT when it is not one this API issued. */
export function decodeCursor(
  kind: CursorKind,
  cursor: string | null | undefined,
  argument = 'after',
): string | null {
  if (cursor === null || cursor === undefined) return null;
  const text = /^[A-Za-z0-9_-]{1,2000}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  if (!text.startsWith(`${kind}:`) || text.length === kind.length + 1) {
    throw new BadInputError(
      `${argument}: ${JSON.stringify(cursor.slice(0, 60))} is not a cursor of this list; pass the cursor or pageInfo.endCursor of a previous page.`,
    );
  }
  return text.slice(kind.length + 1);
}

function pageInfo(cursors: string[], hasNextPage: boolean, after: string | null): PageInfoValue {
  return {
    hasNextPage,
    hasPreviousPage: after !== null,
    startCursor: cursors[0] ?? null,
    endCursor: cursors[cursors.length - 1] ?? null,
  };
}

export function entityConnection(page: EntityPage, afterId: string | null): EntityConnectionValue {
  const edges = page.entities.map((node) => ({ cursor: encodeCursor('entity', node.id), node }));
  return {
    edges,
    pageInfo: pageInfo(
      edges.map((e) => e.cursor),
      page.hasNextPage,
      afterId,
    ),
    totalCount: page.totalCount,
  };
}

export function relationConnection(page: RelationPage, afterId: string | null): RelationConnectionValue {
  const edges = page.items.map((item) => ({
    cursor: encodeCursor('relation', item.edge.id),
    node: item.edge,
    direction: item.direction,
    neighbor: item.neighbor,
  }));
  return {
    edges,
    pageInfo: pageInfo(
      edges.map((e) => e.cursor),
      page.hasNextPage,
      afterId,
    ),
    totalCount: page.totalCount,
  };
}
