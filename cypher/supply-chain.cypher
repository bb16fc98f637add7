// Everything upstream and downstream of a product along INPUT_TO (the supply chain), each link with the
// parks that focus on it or produce it and the enterprises that make it (directly or through a project
// they own). Answers "what feeds 液晶面板, what does 炼油 lead to, and who is on each link?".
//
// @param product   string              id of a Product, e.g. product:pta
// @param direction string = both       upstream, downstream or both
// @param depth     int[1..10] = 6      INPUT_TO links to follow each way
// @example cskg query supply-chain --param product=product:oil-refining --param direction=downstream
MATCH (start:Entity:Product {id: $product})
CALL (start) {
  RETURN start AS link, 'self' AS side, 0 AS distance
  UNION
  MATCH path = (link:Entity:Product)-[:INPUT_TO*1..10]->(start)
  WHERE $direction IN ['upstream', 'both'] AND length(path) <= $depth
  RETURN link, 'upstream' AS side, min(length(path)) AS distance
  UNION
  MATCH path = (start)-[:INPUT_TO*1..10]->(link:Entity:Product)
  WHERE $direction IN ['downstream', 'both'] AND length(path) <= $depth
  RETURN link, 'downstream' AS side, min(length(path)) AS distance
}
RETURN
  side,
  distance,
  link.id AS id,
  link.name AS name,
  link.nameEn AS nameEn,
  [(link)-[r:INPUT_TO]->(next:Entity:Product) | next { .id, .name, status: r.status }] AS feeds,
  [(park:Entity:Park)-[r:FOCUSES_ON|PRODUCES]->(link) | park { .id, .name, status: r.status }] AS parks,
  [(firm:Entity:Enterprise)-[r:PRODUCES]->(link) | firm { .id, .name, .origin, status: r.status }] +
  [(firm:Entity:Enterprise)-[:OWNS]->(project:Entity:Project)-[r:PRODUCES]->(link) |
    firm { .id, .name, .origin, status: r.status, via: project.name }] AS enterprises
ORDER BY
  CASE side WHEN 'upstream' THEN 0 WHEN 'self' THEN 1 ELSE 2 END,
  CASE side WHEN 'upstream' THEN -distance ELSE distance END,
  id
