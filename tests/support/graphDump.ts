// A canonical dump of the whole graph for tests that compare two graphs (idempotence, export then
// load): every node with its labels and every property with its Cypher type (so an INTEGER that came
// back as a FLOAT shows), the chains and chain links derived at load among them, every relationship with
// its endpoints, all sorted. Plan-sized graphs only.
import type { Reader } from '../../src/infra/database.ts';

export interface GraphDump {
  nodes: string[];
  relationships: string[];
}

/** Properties left out of the dump: the load time differs between two loads of the same data. */
const VOLATILE = new Set(['loadedAt']);

export async function dumpGraph(db: Reader): Promise<GraphDump> {
  const nodes = await db.read({
    cypher: /* Cypher */ `
      MATCH (n)
      WHERE n:Entity OR n:Passage OR n:Meta OR n:Source OR n:StatusStep OR n:Research OR n:Chain OR n:ChainLink
      RETURN labels(n) AS labels, [k IN keys(n) | [k, n[k], valueType(n[k])]] AS props`,
  });
  const relationships = await db.read({
    cypher: /* Cypher */ `
      MATCH (a)-[r]->(b)
      WHERE (a:Entity OR a:Passage OR a:StatusStep OR a:Research) AND (b:Entity OR b:Passage OR b:Source)
      RETURN coalesce(a.id, a.key) AS start, type(r) AS type, coalesce(b.id, b.key) AS end,
        [k IN keys(r) | [k, r[k], valueType(r[k])]] AS props`,
  });
  const canonical = (props: unknown) =>
    JSON.stringify(
      (props as [string, unknown, string][])
        .filter(([k]) => !VOLATILE.has(k))
        .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)),
    );
  return {
    nodes: nodes
      .map((r) => `${JSON.stringify([...(r.labels as string[])].sort())} ${canonical(r.props)}`)
      .sort(),
    relationships: relationships
      .map((r) => `${String(r.start)} -${String(r.type)}-> ${String(r.end)} ${canonical(r.props)}`)
      .sort(),
  };
}
