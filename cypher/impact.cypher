// What if these fail (impact): given entities that fail (a firm, project, park, product or region), what
// fails with them and what they leave behind on the supply chains. What fails with them, breadth-first and
// each entity once: what a failed park or region holds (it HOSTS a project or firm; a park, region, firm or
// project is PART_OF it or LOCATED_IN it) and the projects every owner of which has failed (OWNS), up to
// eight steps. Then, from the coverage the loader stored on each chain link (ChainLink, src/write/derive.ts):
// the links whose every cover in Fujian (PRODUCES, FOCUSES_ON) came from a failed entity, and those that
// keep only parks' or regions' focus, no firm; downstream of the lost links (and of failed products), the
// products every input of which is lost (INPUT_TO, breadth-first, each product once), and those that lose
// some of their inputs; the parks that lose an anchor (ANCHORS) and what loses an owner (OWNS). Every
// relation that carries a consequence is returned with its evidence; src/read/impact.ts assembles each
// consequence's paths from the failing entities and explains it, for both `cskg query impact` and the
// GraphQL field impact. No path is enumerated: each walk keeps, per entity, the first fact that reached it.
// Lists are sorted whole and then cut (`COLLECT { … ORDER BY … }[0..n]`), never `ORDER BY … LIMIT n`
// inside a subquery: Neo4j reserves room for n rows at each run, rows here carry the walks' lists, and at
// 1M facts that reservation alone exhausted the transaction's memory. What is sorted is already bounded by
// the walks (at most `visits` entities and their facts).
//
// @param entities string[]              ids of the entities that fail, e.g. enterprise:tenglong-aromatics
// @param visits   int[1..20000] = 20000 most entities each walk visits (what fails, what loses its inputs)
// @example cskg query impact --param entities=enterprise:tenglong-aromatics,park:gulei-taiwan-petrochemical-park
UNWIND $entities AS id
OPTIONAL MATCH (seed:Entity {id: id})
WITH collect(DISTINCT seed) AS failing
WITH failing, [id IN $entities WHERE NOT id IN [s IN failing | s.id]] AS missing,
  // What fails with them, one level at a time (the reduce is the loop); each entity once, by the first fact
  // (by id) that reached it.
  reduce(walk = { seen: failing, level: failing, found: [] }, k IN range(1, 8) |
    CASE WHEN size(walk.level) = 0 OR size(walk.seen) >= $visits THEN walk ELSE
      [hits IN [COLLECT {
          UNWIND walk.level AS x
          CALL (x) {
            MATCH (x)-[r:HOSTS]->(y:Entity) WHERE (x:Park OR x:Region) AND (y:Project OR y:Enterprise)
            RETURN y, r
            UNION ALL
            MATCH (x)<-[r:PART_OF|LOCATED_IN]-(y:Entity)
            WHERE (x:Park OR x:Region) AND (y:Park OR y:Region OR y:Enterprise OR y:Project)
            RETURN y, r
            UNION ALL
            MATCH (x:Enterprise)-[r:OWNS]->(y:Project)
            RETURN y, r
          }
          WITH y, r WHERE NOT y IN walk.seen
            AND (type(r) <> 'OWNS' OR NOT EXISTS { MATCH (o:Enterprise)-[:OWNS]->(y) WHERE NOT o IN walk.seen })
          RETURN { node: y, via: r } AS hit ORDER BY y.id, r.id
        }[0..toInteger($visits)]] |
        // each entity once, by its first fact (the hits are sorted by entity, then fact)
        [next IN [[i IN range(0, size(hits) - 1) WHERE i = 0 OR hits[i].node <> hits[i - 1].node | hits[i]]] |
          { seen: walk.seen + [h IN next | h.node], level: [h IN next | h.node],
            found: walk.found + [h IN next | { node: h.node, via: h.via, steps: k }] }][0]][0]
    END) AS walk
WITH failing, missing, walk, failing + [f IN walk.found | f.node] AS failed
// The chain links the failed entities covered, with the counts the loader stored.
CALL (failed) {
  UNWIND failed AS e
  MATCH (e)-[r:PRODUCES|FOCUSES_ON]->(p:Product)
  WITH p, r LIMIT toInteger(4 * $visits)
  MATCH (l:ChainLink {product: p.id})
  WITH l, p, collect(r) AS lost
  WITH l, p, lost, [r IN lost WHERE NOT startNode(r).id IN l.outsideFujian] AS lostInFujian
  // a cover outside Fujian (a Taiwan-side firm or place) is no coverage in Fujian to lose
  RETURN collect({
    product: p, chain: l.chain, position: l.position, lost: lostInFujian,
    lostCovers: size(lostInFujian),
    lostFirms: size([r IN lostInFujian WHERE startNode(r):Enterprise OR startNode(r):Project]),
    fujianCovers: l.fujianCovers, fujianFirms: l.fujianFirms
  }) AS touched
}
WITH failing, missing, walk, failed, touched,
  [t IN touched WHERE t.fujianCovers > 0 AND t.lostCovers = t.fujianCovers | t.product]
    + [f IN failing WHERE f:Product AND EXISTS { MATCH (:ChainLink {product: f.id}) }] AS lostProducts
// Downstream: the products every input of which is lost, one level at a time, each product once.
WITH failing, missing, walk, failed, touched, lostProducts,
  reduce(cut = { seen: lostProducts, level: lostProducts, found: [] }, k IN range(1, 10) |
    CASE WHEN size(cut.level) = 0 OR size(cut.seen) >= $visits THEN cut ELSE
      [next IN [COLLECT {
          UNWIND cut.level AS x
          MATCH (x)-[:INPUT_TO]->(y:Product)
          WITH DISTINCT y WHERE NOT y IN cut.seen
            AND NOT EXISTS { MATCH (i:Product)-[:INPUT_TO]->(y) WHERE NOT i IN cut.seen }
          RETURN y ORDER BY y.id
        }[0..toInteger($visits)]] | { seen: cut.seen + next, level: next, found: cut.found + [y IN next | { node: y, steps: k }] }][0]
    END) AS cut
WITH missing,
  size(walk.seen) >= $visits AND size(walk.level) > 0 AS failVisitLimit,
  size(cut.seen) >= $visits AND size(cut.level) > 0 AS cutVisitLimit,
  COLLECT {
    UNWIND failing AS n
    RETURN { props: properties(n), degree: ${degree(n)} } AS node ORDER BY n.id
  } AS failing,
  COLLECT {
    UNWIND walk.found AS f
    WITH f.node AS n, f.via AS r, f.steps AS steps
    RETURN {
      node: { props: properties(n), degree: ${degree(n)} },
      via: { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) },
      steps: steps
    } AS hit ORDER BY steps, n.id
  } AS failedWith,
  COLLECT {
    UNWIND touched AS t
    WITH t, t.product AS n
    RETURN {
      node: { props: properties(n), degree: ${degree(n)} },
      chain: COLLECT { MATCH (c:Chain {id: t.chain}) RETURN c { .id, .name, .nameEn, .productCount } }[0],
      position: t.position, lostCovers: t.lostCovers, lostFirms: t.lostFirms,
      fujianCovers: t.fujianCovers, fujianFirms: t.fujianFirms,
      lost: [r IN t.lost | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }]
    } AS link ORDER BY t.chain, t.position
  } AS links,
  COLLECT {
    UNWIND cut.found AS c
    WITH c.node AS n, c.steps AS steps
    RETURN {
      node: { props: properties(n), degree: ${degree(n)} },
      steps: steps,
      chain: COLLECT { MATCH (l:ChainLink {product: n.id}) MATCH (ch:Chain {id: l.chain}) RETURN ch { .id, .name, .nameEn, .productCount } }[0],
      inputs: COLLECT {
        MATCH (:Product)-[r:INPUT_TO]->(n)
        RETURN { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) } AS r ORDER BY r.props.id LIMIT 1000
      },
      inputCount: COUNT { (:Product)-[:INPUT_TO]->(n) }
    } AS hit ORDER BY steps, n.id
  } AS cutOff,
  COLLECT {
    UNWIND cut.seen AS x
    MATCH (x)-[r:INPUT_TO]->(n:Product) WHERE NOT n IN cut.seen
    WITH n, collect(r) AS lost
    RETURN {
      node: { props: properties(n), degree: ${degree(n)} },
      chain: COLLECT { MATCH (l:ChainLink {product: n.id}) MATCH (ch:Chain {id: l.chain}) RETURN ch { .id, .name, .nameEn, .productCount } }[0],
      lost: [r IN lost | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }],
      inputCount: COUNT { (:Product)-[:INPUT_TO]->(n) }
    } AS hit ORDER BY n.id
  } AS inputsLost,
  COLLECT {
    UNWIND failed AS e
    MATCH (e:Enterprise)-[r:ANCHORS]->(n:Park) WHERE NOT n IN failed
    WITH n, collect(r) AS lost
    RETURN {
      node: { props: properties(n), degree: ${degree(n)} },
      lost: [r IN lost | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }],
      total: COUNT { (:Enterprise)-[:ANCHORS]->(n) }
    } AS hit ORDER BY n.id
  } AS anchorsLost,
  COLLECT {
    UNWIND failed AS e
    MATCH (e:Enterprise)-[r:OWNS]->(n:Entity) WHERE NOT n IN failing
    WITH n, collect(r) AS lost
    RETURN {
      node: { props: properties(n), degree: ${degree(n)} },
      lost: [r IN lost | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }],
      total: COUNT { (:Enterprise)-[:OWNS]->(n) }
    } AS hit ORDER BY n.id
  } AS ownersLost
WITH missing, failVisitLimit, cutVisitLimit, failing, failedWith, links, cutOff,
  inputsLost[0..toInteger($visits)] AS inputsLost, anchorsLost[0..toInteger($visits)] AS anchorsLost, ownersLost[0..toInteger($visits)] AS ownersLost
WITH missing, failVisitLimit, cutVisitLimit, failing, failedWith, links, cutOff, inputsLost, anchorsLost, ownersLost,
  [f IN failedWith | f.via] + reduce(rs = [], x IN links | rs + x.lost) + reduce(rs = [], x IN cutOff | rs + x.inputs)
    + reduce(rs = [], x IN inputsLost | rs + x.lost) + reduce(rs = [], x IN anchorsLost | rs + x.lost)
    + reduce(rs = [], x IN ownersLost | rs + x.lost) AS carried
RETURN missing, failVisitLimit, cutVisitLimit, failing, failedWith, links, cutOff, inputsLost, anchorsLost, ownersLost,
  COLLECT {
    WITH reduce(ids = [], r IN carried | ids + coalesce(r.props.evidence, [])) AS ids
    MATCH (ps:Passage) WHERE ps.id IN ids
    RETURN ps { .id, .documentId, .section, .sectionPath, .ordinal, .kind, .text, .start, .end } AS passage
    ORDER BY ps.ordinal
  } AS passages
