// Chain gaps (补链) as known on a day: what cypher/chain-gaps.cypher reads from the coverage stored at load
// time, computed live from the facts known on `asOf` (stated or valid by then, `knownAsOf`): a link is on a
// chain that day when one of its INPUT_TO links is known, and a gap as the covers known that day say
// (src/data/derived.ts: UNCOVERED, NO_ENTERPRISE, TAIWAN_ONLY, PLANNED_OR_SOUGHT_ONLY; a project is
// Taiwan-invested by the owners known that day, a cover outside Fujian by the places known that day).
// The chains are those of the load (a chain as known on a day lies within one of them, since the links
// known by a day are some of all the links), in the same order: chains by id, each upstream first.
//
// The work is bounded: the walk visits the links of the chains asked for, in that order, at most `visits`
// of them (one more is read to know whether it was cut), and stops once `first` gaps are found; each link
// is asked whether it is a gap (questions that stop at the first cover that answers them); each gap found
// counts its known covers and reads its known INPUT_TO links (the first `neighbours` each way)
// and covers (the first 1000) by id, and the ids of their passages (read once for the whole answer by
// src/read/chainGaps.ts, as for the stored gaps). So it is
// slower than the stored answer at scale but never reads more than `visits` links; src/read/chainGaps.ts
// says VISIT_LIMIT when the budget ran out before `first` gaps were found.
//
// @param asOf    string  YYYY-MM-DD: the graph as known on that day
// @param sector  string? = null  id of a Sector, e.g. sector:petrochemical; null for every chain
// @param product string? = null  id of a Product: only the chain it is on
// @param first   int[0..500] = 500  most gaps returned, in chain order
// @param visits  int[1..20000] = 2000  most chain links looked at (CHAIN_AS_OF_VISITS of src/read/truncation.ts)
// @param neighbours int[0..1000] = 1000  most known INPUT_TO links into and out of each gap returned, each with the product at its other end
// @param evidence   boolean = true       list the ids of each gap's passages (src/read/chainGaps.ts reads them, once for the whole answer)
// @example cskg query chain-gaps-as-of --param asOf=2014-12-31 --param sector=sector:petrochemical
OPTIONAL MATCH (sector:Entity {id: $sector})
OPTIONAL MATCH (product:Entity {id: $product})
// The Taiwan side as known that day (src/read/fragments.ts), found once: `e IN taiwanSide` below.
WITH sector, product, ${TAIWAN_SIDE_AS_OF} AS taiwanSide
WITH sector, product, taiwanSide, COLLECT {
  WITH COLLECT { MATCH (own:ChainLink {product: $product}) RETURN own.chain }[0] AS chainOfProduct
  MATCH (c:Chain)
  WHERE ($sector IS NULL OR $sector IN c.sectors) AND ($product IS NULL OR c.id = chainOfProduct)
  WITH c ORDER BY c.id
  CALL (c) {
    // the chain's products upstream first: a range of the (chain, position) index
    MATCH (l:ChainLink) WHERE l.chain = c.id AND l.position >= 0
    RETURN l ORDER BY l.chain, l.position
  }
  RETURN l LIMIT toInteger($visits) + 1
} AS visited
WITH sector, product, size(visited) AS visitedCount, COLLECT {
  UNWIND range(0, size(visited) - 1) AS i
  WITH i, visited[i] AS l WHERE i < $visits
  MATCH (link:Entity {id: l.product})
  WHERE EXISTS { (link)-[r:INPUT_TO]-(:Product) WHERE ${knownAsOf(r)} }
  // A gap, as gapKinds of src/data/derived.ts decides (no cover in Fujian, no firm, only Taiwan-invested
  // firms, nothing existing), asked as existence questions that stop at the first cover answering them: a
  // link of a chain is covered by dozens, and counting every cover of every link visited was most of the
  // work.
    AND NOT (
      EXISTS {
        MATCH (e:Entity)-[r:PRODUCES|FOCUSES_ON]->(link)
        WHERE (e:Enterprise OR e:Project) AND NOT e IN taiwanSide AND ${knownAsOf(r)} AND NOT ${taiwanInvested(e)}
      }
      AND EXISTS {
        MATCH (e:Entity)-[r:PRODUCES|FOCUSES_ON]->(link)
        WHERE (e:Park OR e:Region OR e:Enterprise OR e:Project) AND NOT e IN taiwanSide AND r.status = 'existing' AND ${knownAsOf(r)}
      }
    )
  // Rows keep the order of `visited` (chains by id, each upstream first), so the first `first` are the
  // first gaps; `i` is returned for src/read/chainGaps.ts to keep that order.
  WITH i, l, link
  LIMIT toInteger($first)
  // The counts the gap's kinds follow from, for the gaps found only.
  CALL (link, taiwanSide) {
    OPTIONAL MATCH (e:Entity)-[r:PRODUCES|FOCUSES_ON]->(link)
    WHERE (e:Park OR e:Region OR e:Enterprise OR e:Project) AND ${knownAsOf(r)}
    WITH r, e:Enterprise OR e:Project AS firm, NOT e IN taiwanSide AS inFujian,
      ${taiwanInvested(e)} AS taiwanInvested
    RETURN count(r) AS allCovers,
      count(CASE WHEN inFujian THEN r END) AS fujianCovers,
      count(CASE WHEN inFujian AND r.status = 'existing' THEN r END) AS fujianExisting,
      count(CASE WHEN inFujian AND firm THEN r END) AS fujianFirms,
      count(CASE WHEN inFujian AND firm AND taiwanInvested THEN r END) AS fujianTaiwanFirms
  }
  MATCH (c:Chain {id: l.chain})
  WITH i, c, link, allCovers, fujianCovers, fujianExisting, fujianFirms, fujianTaiwanFirms,
    // sorted whole, then cut: see cypher/chain-gaps.cypher
    CASE WHEN $neighbours > 0 THEN COLLECT {
      MATCH (link)<-[r:INPUT_TO]-(other:Product) WHERE ${knownAsOf(r)}
      RETURN { relation: r, other: other } AS chainRel ORDER BY r.id
    }[0..toInteger($neighbours)] + COLLECT {
      MATCH (link)-[r:INPUT_TO]->(other:Product) WHERE ${knownAsOf(r)}
      RETURN { relation: r, other: other } AS chainRel ORDER BY r.id
    }[0..toInteger($neighbours)] ELSE [] END AS chainRels,
    CASE WHEN $evidence THEN COLLECT {
      MATCH (link)-[r:INPUT_TO]-(:Product) WHERE ${knownAsOf(r)}
      UNWIND coalesce(r.evidence, []) AS id
      RETURN DISTINCT id
    } ELSE [] END AS chainPassageIds,
    COLLECT {
      MATCH (e:Entity)-[r:PRODUCES|FOCUSES_ON]->(link)
      WHERE (e:Park OR e:Region OR e:Enterprise OR e:Project) AND ${knownAsOf(r)}
      RETURN {
        entity: { props: properties(e), degree: ${degree(e)} },
        relation: { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) },
        // only a project's owners decide whether it is Taiwan-invested; each origin once (a hub has thousands)
        ownerOrigins: CASE WHEN e:Project THEN COLLECT { MATCH (o:Enterprise)-[w:OWNS]->(e) WHERE ${knownAsOf(w)} RETURN DISTINCT coalesce(o.origin, 'unknown') } ELSE [] END,
        outsideFujian: e IN taiwanSide
      } AS cover ORDER BY r.id
    }[0..1000] AS covers
  WITH i, c, link, allCovers, fujianCovers, fujianExisting, fujianFirms, fujianTaiwanFirms, chainRels, covers,
    chainPassageIds + CASE WHEN $evidence THEN reduce(ids = [], x IN covers | ids + coalesce(x.relation.props.evidence, [])) ELSE [] END AS passageIds
  RETURN {
    order: i,
    chain: c.id,
    link: { props: properties(link), degree: ${degree(link)} },
    counts: { covers: allCovers, fujianCovers: fujianCovers, fujianExisting: fujianExisting, fujianFirms: fujianFirms, fujianTaiwanFirms: fujianTaiwanFirms },
    upstreamCount: COUNT { (link)<-[r:INPUT_TO]-() WHERE ${knownAsOf(r)} },
    downstreamCount: COUNT { (link)-[r:INPUT_TO]->() WHERE ${knownAsOf(r)} },
    chainRels: [r IN [x IN chainRels | x.relation] | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }],
    chainNeighbours: [n IN [x IN chainRels | x.other] | { props: properties(n), degree: ${degree(n)} }],
    covers: covers,
    passageIds: passageIds
  } AS item
} AS links
WITH sector, product, visitedCount, links, [x IN links | x.chain] AS chainIds
// each chain once: its name lists its ends and is long (each gap names its chain by id)
RETURN sector.type AS sectorType, product.type AS productType, visitedCount, ${chainsOf(chainIds)} AS chains, links
