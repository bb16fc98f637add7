// Chain gaps (补链): for each chain the plan describes (a connected set of INPUT_TO links between
// products), the links that nothing in Fujian covers, those only Taiwan-invested firms make, those no firm
// makes (only parks or regions focus on them), and those covered only by planned or sought relations; each
// with the passages that say so. Covering is PRODUCES (enterprise, project, park) or FOCUSES_ON (park,
// region); "in Fujian" is not lying, through up to six LOCATED_IN / PART_OF steps, in a Taiwan-side place
// (src/data/derived.ts). `sector` keeps the chains with a product in that sector or a sub-sector of it,
// `product` the chain of that product; without either, every chain.
//
// The chains, each link's place on its chain, what covers it and why it is a gap are computed when the
// graph is loaded (src/write/derive.ts; docs/graph-model.md, "Derived at load time"), so this statement
// reads the first `first` gaps in order (the ChainLink index on gapRank: chains by id, each upstream first)
// and, for each, its INPUT_TO links (the first `neighbours` by id each way) and covers (the first 1000), and the ids
// of the passages of all its links and of its covers. src/read/chainGaps.ts reads those passages in a second
// statement, each once for the whole answer: at 1M facts the gaps next to a hub share hundreds of them, and
// reading them here, per gap, moved 6 MB for a 0.6 MB answer (`neighbours` and `evidence` let the API read
// only what a request selects; a list carried in this statement's rows would be charged to every row). src/read/chainGaps.ts explains
// them, for both `cskg query chain-gaps` and the GraphQL field chainGaps. With `asOf`, the gaps as known on
// that day differ from the stored ones, so src/read/chainGaps.ts runs cypher/chain-gaps-as-of.cypher instead.
//
// @param sector  string? = null  id of a Sector, e.g. sector:petrochemical; null for every chain
// @param product string? = null  id of a Product: only the chain it is on
// @param first   int[0..500] = 500  most gaps returned, in chain order
// @param asOf    string? = null  YYYY-MM-DD: the gaps as known on that day, computed live (chain-gaps-as-of); null for the stored ones
// @param neighbours int[0..1000] = 1000  most INPUT_TO links into and out of each gap returned, each with the product at its other end (upstream, downstream)
// @param evidence   boolean = true       list the ids of each gap's passages (src/read/chainGaps.ts reads them, once for the whole answer)
// @example cskg query chain-gaps --param sector=sector:flat-panel-display
OPTIONAL MATCH (sector:Entity {id: $sector})
OPTIONAL MATCH (product:Entity {id: $product})
WITH sector, product, COLLECT {
  CALL () {
    WITH 1 AS everyChain WHERE $sector IS NULL AND $product IS NULL
    MATCH (l:ChainLink) WHERE l.gapRank IS NOT NULL
    RETURN l ORDER BY l.gapRank LIMIT toInteger($first)
    UNION
    WITH COLLECT { MATCH (own:ChainLink {product: $product}) RETURN own.chain }[0] AS chainOfProduct
    MATCH (c:Chain)
    WHERE ($sector IS NOT NULL OR $product IS NOT NULL)
      AND ($sector IS NULL OR $sector IN c.sectors)
      AND ($product IS NULL OR c.id = chainOfProduct)
    CALL (c) {
      // the chain's gaps in order: a range of the (chain, gapRank) index
      MATCH (l:ChainLink) WHERE l.chain = c.id AND l.gapRank >= 0
      RETURN l ORDER BY l.chain, l.gapRank LIMIT toInteger($first)
    }
    RETURN l ORDER BY l.gapRank LIMIT toInteger($first)
  }
  WITH l ORDER BY l.gapRank LIMIT toInteger($first)
  MATCH (c:Chain {id: l.chain})
  MATCH (link:Entity {id: l.product})
  WITH l, c, link,
    // Sorted whole, then cut: an ORDER BY … LIMIT n here makes Neo4j reserve room for n rows at each gap, and
    // 200 gaps of LIMIT 1000 exhausted the transaction's memory at 1M facts.
    CASE WHEN $neighbours > 0 THEN COLLECT {
      MATCH (link)<-[r:INPUT_TO]-(other:Product)
      RETURN { relation: r, other: other } AS chainRel ORDER BY r.id
    }[0..toInteger($neighbours)] + COLLECT {
      MATCH (link)-[r:INPUT_TO]->(other:Product)
      RETURN { relation: r, other: other } AS chainRel ORDER BY r.id
    }[0..toInteger($neighbours)] ELSE [] END AS chainRels,
    CASE WHEN $evidence THEN COLLECT {
      MATCH (link)-[r:INPUT_TO]-(:Product)
      UNWIND coalesce(r.evidence, []) AS id
      RETURN DISTINCT id
    } ELSE [] END AS chainPassageIds,
    COLLECT {
      MATCH (e:Entity)-[r:PRODUCES|FOCUSES_ON]->(link)
      WHERE e:Park OR e:Region OR e:Enterprise OR e:Project
      RETURN {
        entity: { props: properties(e), degree: ${degree(e)} },
        relation: { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) },
        // only a project's owners decide whether it is Taiwan-invested; each origin once (a hub has thousands)
        ownerOrigins: CASE WHEN e:Project THEN COLLECT { MATCH (o:Enterprise)-[:OWNS]->(e) RETURN DISTINCT coalesce(o.origin, 'unknown') } ELSE [] END,
        outsideFujian: e.id IN l.outsideFujian
      } AS cover ORDER BY r.id
    }[0..1000] AS covers
  WITH l, c, link, chainRels, covers,
    chainPassageIds + CASE WHEN $evidence THEN reduce(ids = [], x IN covers | ids + coalesce(x.relation.props.evidence, [])) ELSE [] END AS passageIds
  RETURN {
    chain: c.id,
    link: { props: properties(link), degree: ${degree(link)} },
    kinds: l.gapKinds,
    coverCount: l.covers,
    fujianCoverCount: l.fujianCovers,
    upstreamCount: COUNT { (link)<-[:INPUT_TO]-() },
    downstreamCount: COUNT { (link)-[:INPUT_TO]->() },
    chainRels: [r IN [x IN chainRels | x.relation] | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }],
    chainNeighbours: [n IN [x IN chainRels | x.other] | { props: properties(n), degree: ${degree(n)} }],
    covers: covers,
    passageIds: passageIds
  } AS item
  ORDER BY l.gapRank
} AS links
WITH sector, product, links, [x IN links | x.chain] AS chainIds
// each chain once: its name lists its ends and is long (each gap names its chain by id)
RETURN sector.type AS sectorType, product.type AS productType, ${chainsOf(chainIds)} AS chains, links
