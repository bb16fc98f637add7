// The shortest paths between two entities over facts, in either direction of each fact (passages are not
// stepped through), shortest first, e.g. 友达光电 -ANCHORS-> 翔安组团 -PART_OF-> 厦门台商投资区.
// src/read/paths.ts runs this statement for both `cskg query shortest-paths` and the GraphQL field paths.
//
// @param from          string             id of the first entity, e.g. enterprise:auo
// @param to            string             id of the second entity, e.g. region:xiamen
// @param maxHops       int[1..6] = 4      longest path considered
// @param first         int[1..50] = 5     how many paths to return
// @param relationTypes string[]? = null   only facts of these types, e.g. PART_OF,LOCATED_IN; null for all
// @param statuses      string[]? = null   only facts of these statuses, e.g. existing; null for all
// @example cskg query shortest-paths --param from=enterprise:auo --param to=park:gulei-taiwan-petrochemical-park
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
RETURN a.type AS fromType, b.type AS toType,
  COLLECT {
    // SHORTEST k and quantifier bounds cannot be parameters: take the 50 shortest (the most `first`
    // allows) within 6 hops (the most `maxHops` allows), then keep $first of those within $maxHops.
    MATCH p = SHORTEST 50 (a)
      (()-[r]-(:Entity) WHERE ($relationTypes IS NULL OR type(r) IN $relationTypes)
                          AND ($statuses IS NULL OR r.status IN $statuses)){1,6}
      (b)
    WHERE length(p) <= $maxHops
    RETURN {
      nodes: [n IN nodes(p) | { props: properties(n), degree: COUNT { (n)--(:Entity) } }],
      edges: [r IN relationships(p) | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }]
    } AS path
    ORDER BY length(p), [n IN nodes(p) | n.id], [r IN relationships(p) | r.id]
    LIMIT toInteger($first)
  } AS paths
