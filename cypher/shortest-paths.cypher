// The shortest paths between two entities over facts, in either direction of each fact (passages are not
// stepped through), shortest first, e.g. 友达光电 -ANCHORS-> 翔安组团 -PART_OF-> 厦门台商投资区.
// src/read/paths.ts runs this statement for both `cskg query shortest-paths` and the GraphQL field paths.
// The search is Neo4j's bidirectional shortest-path search for the `first` shortest paths within `maxHops`
// (written into the text: neither can be a parameter), so it stops as soon as it has them; when more than
// `first` paths share the shortest length, which of them it finds first is not specified. The filters on
// the facts stepped over are written only when asked for (`${factsAsked(r)}`, src/read/fragments.ts).
//
// @param from          string             id of the first entity, e.g. enterprise:auo
// @param to            string             id of the second entity, e.g. region:xiamen
// @param maxHops       int[1..6] = 4      longest path considered
// @param first         int[1..50] = 5     how many paths to return
// @param relationTypes string[]? = null   only facts of these types, e.g. PART_OF,LOCATED_IN; null for all
// @param statuses      string[]? = null   only facts of these statuses, e.g. existing; null for all
// @param asOf          string? = null     YYYY-MM-DD: the graph as known on that date (facts stated or valid by then); null for all
// @example cskg query shortest-paths --param from=enterprise:auo --param to=park:gulei-taiwan-petrochemical-park
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
RETURN a.type AS fromType, b.type AS toType,
  COLLECT {
    MATCH p = SHORTEST ${first} (a)
      (()-[r:${FACT_TYPES}]-() WHERE ${factsAsked(r)}){1,${maxHops}}
      (b)
    RETURN {
      nodes: [n IN nodes(p) | { props: properties(n), degree: ${degree(n)} }],
      edges: [r IN relationships(p) | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }]
    } AS path
    ORDER BY length(p), [n IN nodes(p) | n.id], [r IN relationships(p) | r.id]
    LIMIT toInteger($first)
  } AS paths
