// The shortest paths between two entities over facts (in either direction; passages are not stepped
// through), each written as text: 友达光电 -ANCHORS-> 翔安组团 -PART_OF-> 厦门台商投资区.
//
// @param from    string      id of the first entity, e.g. enterprise:auo
// @param to      string      id of the second entity, e.g. region:xiamen
// @param maxHops int[1..6] = 4   longest path considered
// @param first   int[1..50] = 5  how many paths to return
// @example cskg query shortest-paths --param from=enterprise:auo --param to=park:gulei-taiwan-petrochemical-park
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH path = allShortestPaths((a)-[*..6]-(b))
WHERE length(path) <= $maxHops AND all(n IN nodes(path) WHERE n:Entity)
WITH path LIMIT toInteger($first)
RETURN
  length(path) AS hops,
  reduce(text = head(nodes(path)).name, i IN range(0, length(path) - 1) |
    text + CASE WHEN startNode(relationships(path)[i]) = nodes(path)[i]
      THEN ' -' + type(relationships(path)[i]) + '-> '
      ELSE ' <-' + type(relationships(path)[i]) + '- ' END + nodes(path)[i + 1].name) AS path,
  [n IN nodes(path) | n.id] AS ids,
  [r IN relationships(path) | r.status] AS statuses
ORDER BY path
