// Single points of failure: the chain links that hang on one firm, and the firms whose loss would leave the
// most links without a maker in Fujian. The loader stores on each chain link (ChainLink, src/write/derive.ts)
// its single points: the enterprise or project that alone makes it in Fujian, or the sole owner of every
// project that does (a project fails with its owners, as in cypher/impact.cypher); `singleRank` orders those
// links as chainGaps orders gaps (chains by id, each upstream first). This statement reads them in that
// order, of every chain or of the chain of `product`, with the firms that make each link and the OWNS facts
// that tie a sole owner to them; src/read/singlePoints.ts ranks the firms, builds each one's paths and
// explains them, for both `cskg query single-points` and the GraphQL field singlePoints.
//
// @param product string? = null       id of a Product: only the links of its chain; null for every chain
// @param visits  int[1..20000] = 20000 most links read (in chain order); the ranking counts those
// @param details boolean = true        read what paths, explanations and evidence are made of (the makers, their facts, the OWNS facts and passages); false: each link with its single points only, which is all the ranking needs
// @example cskg query single-points --param product=product:pta
OPTIONAL MATCH (product:Entity {id: $product})
WITH product, COLLECT { MATCH (own:ChainLink {product: $product}) RETURN own.chain }[0] AS chainOfProduct
WITH product, COLLECT {
  CALL (chainOfProduct) {
    WITH 1 AS everyChain WHERE $product IS NULL
    MATCH (l:ChainLink) WHERE l.singleRank IS NOT NULL
    RETURN l ORDER BY l.singleRank LIMIT toInteger($visits + 1)
    UNION
    MATCH (l:ChainLink) WHERE $product IS NOT NULL AND l.chain = chainOfProduct AND l.singleRank >= 0
    RETURN l ORDER BY l.chain, l.singleRank LIMIT toInteger($visits + 1)
  }
  RETURN l ORDER BY l.singleRank
} AS links
WITH product, size(links) > $visits AS more, links[0..$visits] AS links
WITH product, more, links, [l IN links | l.chain] AS chainIds
// each chain once: its name lists its ends and is long (the links name their chain by id)
RETURN product.type AS productType, more, ${chainsOf(chainIds)} AS chains, COLLECT {
  UNWIND links AS l
  MATCH (link:Entity {id: l.product})
  // The OWNS facts that tie a sole owner to a project that makes the link: the owner and the project are
  // looked up first and the fact between them read last, from whichever has fewer (a project of a
  // power-law graph has thousands of owners, a sole owner thousands of projects).
  WITH l, link, CASE WHEN $details THEN COLLECT {
    UNWIND l.singlePoints AS id
    MATCH (o:Entity:Enterprise {id: id})
    MATCH (f:Entity:Project)-[:PRODUCES]->(link) WHERE NOT f.id IN l.outsideFujian
    MATCH (o)-[r:OWNS]->(f)
    RETURN DISTINCT r
  } ELSE [] END AS owns
  // the passages of the makers' facts and of those OWNS facts, each once
  WITH l, link, owns, CASE WHEN $details THEN COLLECT {
    MATCH (f:Entity)-[r:PRODUCES]->(link) WHERE (f:Enterprise OR f:Project) AND NOT f.id IN l.outsideFujian
    UNWIND coalesce(r.evidence, []) AS id
    RETURN id
    UNION
    UNWIND owns AS r
    UNWIND coalesce(r.evidence, []) AS id
    RETURN id
  } ELSE [] END AS passageIds
  RETURN {
    chain: l.chain,
    link: { props: properties(link), degree: ${degree(link)} },
    fujianCovers: l.fujianCovers,
    fujianFirms: l.fujianFirms,
    points: COLLECT {
      UNWIND l.singlePoints AS id
      MATCH (point:Entity {id: id})
      RETURN { props: properties(point), degree: ${degree(point)} } AS point ORDER BY point.id
    },
    // the firms that make it in Fujian, and the projects' owners among the single points
    makers: CASE WHEN $details THEN COLLECT {
      MATCH (f:Entity)-[r:PRODUCES]->(link) WHERE (f:Enterprise OR f:Project) AND NOT f.id IN l.outsideFujian
      RETURN { props: properties(f), degree: ${degree(f)} } AS maker ORDER BY f.id LIMIT 1000
    } ELSE [] END,
    covers: CASE WHEN $details THEN COLLECT {
      MATCH (f:Entity)-[r:PRODUCES]->(link) WHERE (f:Enterprise OR f:Project) AND NOT f.id IN l.outsideFujian
      RETURN { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) } AS cover
      ORDER BY r.id LIMIT 1000
    } ELSE [] END,
    owns: [r IN owns | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }],
    passages: COLLECT {
      MATCH (ps:Passage) WHERE ps.id IN passageIds
      RETURN ps { .id, .documentId, .section, .sectionPath, .ordinal, .kind, .text, .start, .end } AS passage
      ORDER BY ps.ordinal
    }
  } AS item
  ORDER BY l.singleRank
} AS links
