// The supply chain of a product: the products upstream and downstream of it along INPUT_TO, each reached
// once, at its distance, with the INPUT_TO links among them and what covers each product: the parks and
// regions that focus on it, the enterprises and projects that make it, and the enterprises that own those
// projects. Answers "what feeds 液晶面板, what does 炼油 lead to, and who is on each link?".
// src/read/supplyChain.ts runs this statement for both `cskg query supply-chain` and the GraphQL field
// supplyChain.
//
// @param product   string              id of a Product, e.g. product:pta
// @param direction string = both       upstream, downstream or both
// @param depth     int[1..10] = 6      INPUT_TO links to follow each way
// @param statuses  string[]? = null    only facts of these statuses, e.g. existing,planned; null for all
// @example cskg query supply-chain --param product=product:oil-refining --param direction=downstream
OPTIONAL MATCH (p:Entity {id: $product})
// Quantifier bounds cannot be parameters: walk at most 10 links (the maximum depth) and keep those within $depth.
WITH p,
  CASE WHEN $direction IN ['upstream', 'both'] AND p:Product THEN COLLECT {
    MATCH path = ANY SHORTEST (x:Product)
      (()-[r:INPUT_TO]->() WHERE $statuses IS NULL OR r.status IN $statuses){1,10}(p)
    WHERE length(path) <= $depth
    RETURN { node: x, distance: length(path) } AS hit
  } ELSE [] END AS ups,
  CASE WHEN $direction IN ['downstream', 'both'] AND p:Product THEN COLLECT {
    MATCH path = ANY SHORTEST (p)
      (()-[r:INPUT_TO]->() WHERE $statuses IS NULL OR r.status IN $statuses){1,10}(x:Product)
    WHERE length(path) <= $depth
    RETURN { node: x, distance: length(path) } AS hit
  } ELSE [] END AS downs
WITH p, ups, downs,
  any(u IN ups WHERE u.distance = $depth
      AND EXISTS { MATCH (:Product)-[r:INPUT_TO]->(y) WHERE y = u.node AND ($statuses IS NULL OR r.status IN $statuses) })
  OR any(d IN downs WHERE d.distance = $depth
      AND EXISTS { MATCH (y)-[r:INPUT_TO]->(:Product) WHERE y = d.node AND ($statuses IS NULL OR r.status IN $statuses) })
    AS truncated,
  CASE WHEN p:Product THEN [{ node: p, side: 'self', distance: 0 }] ELSE [] END
    + [u IN ups WHERE u.node <> p | { node: u.node, side: 'upstream', distance: u.distance }]
    + [d IN downs WHERE d.node <> p AND NOT d.node IN [u IN ups | u.node]
        | { node: d.node, side: 'downstream', distance: d.distance }] AS products
WITH p, truncated, products, [x IN products | x.node] AS chain
WITH p, truncated, products, chain,
  COLLECT {
    UNWIND chain AS a
    MATCH (a)-[r:INPUT_TO]->(b:Product)
    WHERE b IN chain AND ($statuses IS NULL OR r.status IN $statuses)
    RETURN r ORDER BY r.id
  } AS links,
  COLLECT {
    UNWIND chain AS a
    MATCH (c:Entity)-[r:FOCUSES_ON|PRODUCES]->(a)
    WHERE (c:Park OR c:Region OR c:Enterprise OR c:Project) AND ($statuses IS NULL OR r.status IN $statuses)
    RETURN { node: c, rel: r } AS cover ORDER BY r.id
  } AS covers
WITH p, truncated, products, chain, links, covers,
  COLLECT {
    UNWIND covers AS cover
    WITH cover.node AS project WHERE project:Project
    MATCH (o:Enterprise)-[r:OWNS]->(project)
    WHERE $statuses IS NULL OR r.status IN $statuses
    RETURN { node: o, rel: r } AS owner ORDER BY r.id
  } AS owners
WITH p, truncated, products, links + [c IN covers | c.rel] + [o IN owners | o.rel] AS rels,
  [c IN covers | c.node] + [o IN owners | o.node] AS attached
WITH p, truncated, products, rels, COLLECT { UNWIND [x IN products | x.node] + attached AS n RETURN DISTINCT n } AS nodes
RETURN
  CASE WHEN p IS NULL THEN null ELSE p.type END AS productType,
  truncated,
  [x IN products | { id: x.node.id, side: x.side, distance: x.distance }] AS products,
  [n IN nodes | { props: properties(n), degree: COUNT { (n)--(:Entity) } }] AS nodes,
  [r IN rels | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }] AS edges
