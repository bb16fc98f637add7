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
// The lists returned are not sorted here: src/read/impact.ts sorts them. A sort (or a grouping) inside a
// subquery keeps, for each of its rows, the row the subquery was called with, and this statement's rows
// carry the walks' lists (thousands of entries): at 1M facts, sorting 3,000 entities that failed took
// 60 MB and grouping 9,000 owned entities ran out of the transaction's memory. So the subqueries below
// only stream and de-duplicate (DISTINCT), and an entity's facts are read from it. What is listed is
// bounded by the walks (at most `visits` entities and their facts).
//
// @param entities string[]              ids of the entities that fail, e.g. enterprise:tenglong-aromatics
// @param visits   int[1..20000] = 1000  most entities each walk visits (what fails, what loses its inputs; IMPACT_VISITS of src/read/truncation.ts)
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
          WITH y WHERE NOT y IN cut.seen
            AND NOT EXISTS { MATCH (i:Product)-[:INPUT_TO]->(y) WHERE NOT i IN cut.seen }
          RETURN DISTINCT y
        }[0..toInteger($visits)]] | { seen: cut.seen + next, level: next, found: cut.found + [y IN next | { node: y, steps: k }] }][0]
    END) AS cut
WITH missing,
  size(walk.seen) >= $visits AND size(walk.level) > 0 AS failVisitLimit,
  size(cut.seen) >= $visits AND size(cut.level) > 0 AS cutVisitLimit,
  COLLECT {
    UNWIND failing AS n
    RETURN { props: properties(n), degree: ${degree(n)} } AS node
  } AS failing,
  COLLECT {
    UNWIND walk.found AS f
    WITH f.node AS n, f.via AS r, f.steps AS steps
    RETURN {
      node: { props: properties(n), degree: ${degree(n)} },
      via: { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) },
      steps: steps
    } AS hit
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
    } AS link
  } AS links,
  COLLECT {
    UNWIND cut.found AS c
    WITH c.node AS n, c.steps AS steps
    RETURN {
      node: { props: properties(n), degree: ${degree(n)} },
      steps: steps,
      chain: COLLECT { MATCH (l:ChainLink {product: n.id}) MATCH (ch:Chain {id: l.chain}) RETURN ch { .id, .name, .nameEn, .productCount } }[0],
      inputs: [(:Product)-[r:INPUT_TO]->(n) | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }][0..1000],
      inputCount: COUNT { (:Product)-[:INPUT_TO]->(n) }
    } AS hit
  } AS cutOff,
  // The products that lose some inputs, the parks that lose an anchor, what loses an owner: each entity
  // once (DISTINCT), then its lost facts read from it. Not `WITH n, collect(r)` in the subquery: an
  // aggregation there keeps, for each entity, the row it was called with, and this row carries the walks'
  // lists (thousands of entries); at 1M facts 9,000 owned entities ran out of transaction memory.
  [n IN COLLECT {
    UNWIND cut.seen AS x
    MATCH (x)-[:INPUT_TO]->(n:Product) WHERE NOT n IN cut.seen
    RETURN DISTINCT n
  }[0..toInteger($visits)] | {
    node: { props: properties(n), degree: ${degree(n)} },
    chain: COLLECT { MATCH (l:ChainLink {product: n.id}) MATCH (ch:Chain {id: l.chain}) RETURN ch { .id, .name, .nameEn, .productCount } }[0],
    lost: [(x:Product)-[r:INPUT_TO]->(n) WHERE x IN cut.seen | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }],
    inputCount: COUNT { (:Product)-[:INPUT_TO]->(n) }
  }] AS inputsLost,
  [n IN COLLECT {
    UNWIND failed AS e
    MATCH (e:Enterprise)-[:ANCHORS]->(n:Park) WHERE NOT n IN failed
    RETURN DISTINCT n
  }[0..toInteger($visits)] | {
    node: { props: properties(n), degree: ${degree(n)} },
    lost: [(e:Enterprise)-[r:ANCHORS]->(n) WHERE e IN failed | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }],
    total: COUNT { (:Enterprise)-[:ANCHORS]->(n) }
  }] AS anchorsLost,
  [n IN COLLECT {
    UNWIND failed AS e
    MATCH (e:Enterprise)-[:OWNS]->(n:Entity) WHERE NOT n IN failing
    RETURN DISTINCT n
  }[0..toInteger($visits)] | {
    node: { props: properties(n), degree: ${degree(n)} },
    lost: [(e:Enterprise)-[r:OWNS]->(n) WHERE e IN failed | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }],
    total: COUNT { (:Enterprise)-[:OWNS]->(n) }
  }] AS ownersLost
// The passages of every fact returned, each once (src/read/impact.ts looks them up by id). The facts are
// unwound list by list (a list built by `reduce(… | list + more)` is copied at every step), their passage
// ids made distinct as the subquery's result (`RETURN DISTINCT`; a `WITH DISTINCT` inside it is a grouping,
// which keeps this row's lists for each id), and the passages read by those ids.
WITH missing, failVisitLimit, cutVisitLimit, failing, failedWith, links, cutOff, inputsLost, anchorsLost, ownersLost,
  COLLECT {
    UNWIND [[f IN failedWith | f.via]] + [x IN links | x.lost] + [x IN cutOff | x.inputs] + [x IN inputsLost | x.lost]
      + [x IN anchorsLost | x.lost] + [x IN ownersLost | x.lost] AS facts
    UNWIND facts AS r
    UNWIND coalesce(r.props.evidence, []) AS id
    RETURN DISTINCT id
  } AS passageIds
RETURN missing, failVisitLimit, cutVisitLimit, failing, failedWith, links, cutOff, inputsLost, anchorsLost, ownersLost,
  COLLECT {
    MATCH (ps:Passage) WHERE ps.id IN passageIds
    RETURN ps { .id, .documentId, .section, .sectionPath, .ordinal, .kind, .text, .start, .end } AS passage
  } AS passages
