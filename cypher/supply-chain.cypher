// The supply chain of a product: the products upstream and downstream of it along INPUT_TO, each reached
// once, at its distance, with the INPUT_TO links among them and what covers each product: the parks and
// regions that focus on it, the enterprises and projects that make it, and the enterprises that own those
// projects. Answers "what feeds 液晶面板, what does 炼油 lead to, and who is on each link?".
// src/read/supplyChain.ts runs this statement for both `cskg query supply-chain` and the GraphQL field
// supplyChain, and keeps the first `limit` entities (products first, closest first) and 4 × limit facts.
//
// Each direction is walked breadth-first, one level of links at a time (the `reduce` below is the loop):
// a level expands only the products first reached on the level before, so every product is visited once,
// never a path; the walk stops at `depth` links, once more than `limit` products are reached (the closest
// `limit` are then all known), or once one level would reach more than `visits` products.
//
// @param product   string              id of a Product, e.g. product:pta
// @param direction string = both       upstream, downstream or both
// @param depth     int[1..10] = 6      INPUT_TO links to follow each way
// @param statuses  string[]? = null    only facts of these statuses, e.g. existing,planned; null for all
// @param limit     int[1..5000] = 500  most entities returned (products, then who covers them)
// @param visits    int[1..20000] = 20000  most products one level of the walk reaches
// @param asOf      string? = null      YYYY-MM-DD: the graph as known on that date (facts stated or valid by then); null for all
// @example cskg query supply-chain --param product=product:oil-refining --param direction=downstream
OPTIONAL MATCH (p:Entity {id: $product})
WITH p, p:Product AND $direction IN ['upstream', 'both'] AS up, p:Product AND $direction IN ['downstream', 'both'] AS down
WITH p,
  reduce(walk = { seen: CASE WHEN up THEN [p] ELSE [] END, level: CASE WHEN up THEN [p] ELSE [] END, found: [], depth: 0, cut: false },
         k IN range(1, $depth) |
    CASE WHEN size(walk.level) = 0 OR size(walk.seen) > $limit OR walk.cut THEN walk ELSE
      [next IN [COLLECT {
          UNWIND walk.level AS a
          MATCH (x:Product)-[r:INPUT_TO]->(a)
          WHERE ($statuses IS NULL OR r.status IN $statuses) AND ${knownAsOf(r)} AND NOT x IN walk.seen
          RETURN DISTINCT x LIMIT toInteger($visits)
        }] | { seen: walk.seen + next, level: next, found: walk.found + [x IN next | { node: x, distance: k }],
               depth: k, cut: size(next) >= $visits }][0]
    END) AS ups,
  reduce(walk = { seen: CASE WHEN down THEN [p] ELSE [] END, level: CASE WHEN down THEN [p] ELSE [] END, found: [], depth: 0, cut: false },
         k IN range(1, $depth) |
    CASE WHEN size(walk.level) = 0 OR size(walk.seen) > $limit OR walk.cut THEN walk ELSE
      [next IN [COLLECT {
          UNWIND walk.level AS a
          MATCH (a)-[r:INPUT_TO]->(x:Product)
          WHERE ($statuses IS NULL OR r.status IN $statuses) AND ${knownAsOf(r)} AND NOT x IN walk.seen
          RETURN DISTINCT x LIMIT toInteger($visits)
        }] | { seen: walk.seen + next, level: next, found: walk.found + [x IN next | { node: x, distance: k }],
               depth: k, cut: size(next) >= $visits }][0]
    END) AS downs
// Beyond `depth`: a product of the last level asked for has a further link that way.
WITH p, ups, downs,
  (ups.depth = $depth AND any(a IN ups.level WHERE EXISTS {
    MATCH (:Product)-[r:INPUT_TO]->(a) WHERE ($statuses IS NULL OR r.status IN $statuses) AND ${knownAsOf(r)} }))
  OR (downs.depth = $depth AND any(a IN downs.level WHERE EXISTS {
    MATCH (a)-[r:INPUT_TO]->(:Product) WHERE ($statuses IS NULL OR r.status IN $statuses) AND ${knownAsOf(r)} })) AS beyondDepth
// The products, the one asked for first, then the closest (upstream before downstream at one distance).
WITH p, beyondDepth, ups.cut OR downs.cut AS visitsCut,
  COLLECT {
    UNWIND CASE WHEN p:Product THEN [{ node: p, side: 'self', distance: 0 }] ELSE [] END
      + [u IN ups.found | { node: u.node, side: 'upstream', distance: u.distance }]
      + [d IN downs.found WHERE NOT d.node IN ups.seen | { node: d.node, side: 'downstream', distance: d.distance }]
      AS x
    RETURN x ORDER BY x.distance, x.side DESC, x.node.id
  } AS reached
WITH p, beyondDepth, visitsCut, size(reached) > $limit AS productsCut, reached[0..$limit] AS products
WITH p, beyondDepth, visitsCut, productsCut, products, [x IN products | x.node] AS chain
// The links among them, what covers them and who owns the projects among those, in chain order, 4 × limit
// of each at most. (Each product's share is its own subquery, so no row carries the whole chain. A
// product's share is sorted whole, without LIMIT: Neo4j reserves a LIMIT's rows up front at each run, and
// at 1M facts 500 runs of LIMIT 2001 exhausted the transaction's memory; the reduce stops taking shares
// once 4 × limit are in. When the products alone fill `limit`, no cover can be kept, so none is read: a
// hub's downstream chain at 1M facts read 2,000 covers only to drop them.)
WITH p, beyondDepth, visitsCut, productsCut, products, chain,
  reduce(acc = [], a IN chain | acc + COLLECT {
    MATCH (a)-[r:INPUT_TO]->(b:Product)
    WHERE b IN chain AND ($statuses IS NULL OR r.status IN $statuses) AND ${knownAsOf(r)}
    RETURN r ORDER BY r.id
  }) AS links,
  reduce(acc = [], a IN chain | CASE WHEN size(acc) > 4 * $limit OR size(chain) >= $limit THEN acc ELSE acc + COLLECT {
    MATCH (c:Entity)-[r:FOCUSES_ON|PRODUCES]->(a)
    WHERE (c:Park OR c:Region OR c:Enterprise OR c:Project) AND ($statuses IS NULL OR r.status IN $statuses) AND ${knownAsOf(r)}
    RETURN { node: c, rel: r } AS cover ORDER BY r.id
  } END) AS covers,
  size(chain) >= $limit AND any(a IN chain WHERE EXISTS {
    MATCH (c:Entity)-[r:FOCUSES_ON|PRODUCES]->(a)
    WHERE (c:Park OR c:Region OR c:Enterprise OR c:Project) AND ($statuses IS NULL OR r.status IN $statuses) AND ${knownAsOf(r)}
  }) AS coversLeftOut
WITH p, beyondDepth, visitsCut, productsCut, products, links, covers, coversLeftOut,
  reduce(acc = [], project IN [c IN covers[0..4 * $limit] WHERE c.node:Project | c.node] |
    CASE WHEN size(acc) > 4 * $limit THEN acc ELSE acc + COLLECT {
      MATCH (o:Enterprise)-[r:OWNS]->(project)
      WHERE ($statuses IS NULL OR r.status IN $statuses) AND ${knownAsOf(r)}
      RETURN { node: o, rel: r } AS owner ORDER BY r.id
    } END) AS owners
RETURN
  CASE WHEN p IS NULL THEN null ELSE p.type END AS productType,
  beyondDepth, visitsCut, productsCut OR coversLeftOut AS entitiesCut,
  size(covers) > 4 * $limit OR size(owners) > 4 * $limit AS coversCut,
  [x IN products | { id: x.node.id, side: x.side, distance: x.distance }] AS products,
  [n IN [x IN products | x.node] | { props: properties(n), degree: ${degree(n)} }] AS productNodes,
  [n IN [c IN covers[0..4 * $limit] | c.node] | { props: properties(n), degree: ${degree(n)} }] AS coverNodes,
  [n IN [o IN owners[0..4 * $limit] | o.node] | { props: properties(n), degree: ${degree(n)} }] AS ownerNodes,
  [r IN links + [c IN covers[0..4 * $limit] | c.rel] + [o IN owners[0..4 * $limit] | o.rel]
    | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }] AS edges
