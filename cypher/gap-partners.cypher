// Partners for the gaps (补链招商, 对接): for each chain gap (chainGaps' gaps, in the same order and with the
// same filters), the entities elsewhere in the graph that could fill it, each with its reasons: the plan's
// own 对接 (a COOPERATES_WITH, PARTNERS_WITH or COUNTERPART_OF fact joins it to the missing product, to a
// sector of it or its parent sector; or, less closely, to a park that focuses on the product); it makes or focuses on the
// product outside Fujian (a Taiwan-side firm or place); an association that supports or cooperates with
// the product's sector; an entity that focuses on, anchors or is in that sector (other parks, firms,
// places). What already covers the link in Fujian is coverage, not a partner, and is left out.
//
// Bounded: of each kind of reason, each gap keeps its first 3 × `partners`: a Taiwan firm or association
// first (its own origin or side: a property, no walk), then the closest (fewest facts), then by id. The
// nodes a reason passes through (the product, its sectors and their parents, the parks that focus on it)
// are shared by many gaps (a hub sector is the sector of most of them), so this statement expands each
// node once for the whole answer and lists, in that order, its first 3 × `partners` reasons among the
// entities that cover no gap (a partner of any gap) and all those that cover one (a partner of the
// others); src/read/gapPartners.ts merges each gap's lists, less what covers it, cuts each kind, ranks the
// partners (the plan's 对接 first, then Taiwan-side, then the most reasons) and reads the entities, facts
// and passages of those it keeps, for `cskg query gap-partners` and the GraphQL field gapPartners.
// Everything here is named by id. (Sorting each gap's merged lists here would hold rows that carry those
// lists, and Neo4j charges each row it holds for them: 50 gaps at 1M facts ran past the 716 MB one
// transaction may use.)
//
// @param sector   string? = null     id of a Sector: only the chains with a product in it; null for every chain
// @param product  string? = null     id of a Product: only the chain it is on
// @param first    int[0..500] = 200  most gaps, in chain order
// @param partners int[0..100] = 10   most partners of each gap
// @example cskg query gap-partners --param product=product:complete-vehicle
OPTIONAL MATCH (sector:Entity {id: $sector})
OPTIONAL MATCH (product:Entity {id: $product})
// The gaps in chain order, each with what covers it in Fujian and the nodes a reason may pass through.
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
      MATCH (l:ChainLink) WHERE l.chain = c.id AND l.gapRank >= 0
      RETURN l ORDER BY l.chain, l.gapRank LIMIT toInteger($first)
    }
    RETURN l ORDER BY l.gapRank LIMIT toInteger($first)
  }
  WITH l ORDER BY l.gapRank LIMIT toInteger($first)
  MATCH (link:Entity {id: l.product})
  RETURN {
    l: l, link: link,
    // what covers it in Fujian: not a partner
    covering: COLLECT { MATCH (e:Entity)-[:PRODUCES|FOCUSES_ON]->(link) WHERE NOT e.id IN l.outsideFujian RETURN e },
    // what a 对接 fact may join: the product, its sectors and their parents, the parks that focus on it
    targets: [{ node: link, via: [] }] + COLLECT {
      MATCH (link)-[r:IN_SECTOR]->(s:Sector) RETURN { node: s, via: [r] } AS t
      UNION
      MATCH (link)-[r:IN_SECTOR]->(:Sector)-[p:PART_OF]->(s:Sector) RETURN { node: s, via: [r, p] } AS t
      UNION
      MATCH (link)<-[r:FOCUSES_ON]-(s:Park) RETURN { node: s, via: [r] } AS t
    }
  } AS gap ORDER BY l.gapRank
} AS gaps
WITH sector, product, gaps, reduce(all = [], g IN gaps | all + g.covering) AS covered,
  COLLECT { UNWIND gaps AS g UNWIND g.targets AS t RETURN collect(DISTINCT t.node) AS nodes }[0] AS nodes
// Each node once, with its reasons in the order a gap ranks them (the Taiwan side first, then by id), each
// reason's partner marked when it is on the Taiwan side (src/read/fragments.ts; the list found once). The
// sorts run in CALLs that import only the node and `covered`: the rows a sort holds carry what it imports.
WITH sector, product, gaps, nodes, covered, ${TAIWAN_SIDE} AS taiwanSide
WITH sector, product, gaps, COLLECT {
  UNWIND nodes AS node
  RETURN {
    node: node.id,
    park: node:Park,
    cooperation: COLLECT {
      CALL (node, covered) {
        MATCH (node)-[r:COOPERATES_WITH|PARTNERS_WITH|COUNTERPART_OF]-(e:Entity)
        WHERE NOT e:Product AND NOT e:Sector AND NOT e IN covered
        WITH e, r, ${taiwanFirst(e)} AS side
        RETURN e, r, side ORDER BY side, e.id, r.id LIMIT toInteger(3 * $partners)
        UNION ALL
        MATCH (node)-[r:COOPERATES_WITH|PARTNERS_WITH|COUNTERPART_OF]-(e:Entity)
        WHERE NOT e:Product AND NOT e:Sector AND e IN covered
        RETURN e, r, ${taiwanFirst(e)} AS side
      }
      RETURN { entity: e.id, fact: r.id, side: side, taiwan: ${taiwanPartner(e)} } AS x
    },
    associations: CASE WHEN node:Sector THEN COLLECT {
      CALL (node) {
        MATCH (e:Association)-[r:SUPPORTS|COOPERATES_WITH|PARTNERS_WITH]-(node)
        WITH e, r, ${taiwanFirst(e)} AS side
        RETURN e, r, side ORDER BY side, e.id, r.id LIMIT toInteger(3 * $partners)
      }
      RETURN { entity: e.id, fact: r.id, side: side, taiwan: ${taiwanPartner(e)} } AS x
    } ELSE [] END,
    focus: CASE WHEN node:Sector THEN COLLECT {
      CALL (node, covered) {
        MATCH (e:Entity)-[r:FOCUSES_ON|ANCHORS|IN_SECTOR]->(node)
        WHERE (e:Enterprise OR e:Project OR e:Park OR e:Region) AND NOT e IN covered
        WITH e, r, ${taiwanFirst(e)} AS side
        RETURN e, r, side ORDER BY side, e.id, r.id LIMIT toInteger(3 * $partners)
        UNION ALL
        MATCH (e:Entity)-[r:FOCUSES_ON|ANCHORS|IN_SECTOR]->(node)
        WHERE (e:Enterprise OR e:Project OR e:Park OR e:Region) AND e IN covered
        RETURN e, r, ${taiwanFirst(e)} AS side
      }
      RETURN { entity: e.id, fact: r.id, side: side, taiwan: ${taiwanPartner(e)} } AS x
    } ELSE [] END
  } AS reach
} AS reaches, COLLECT {
  // it makes or focuses on the product outside Fujian: each gap's own list
  UNWIND gaps AS g
  CALL (g) {
    MATCH (e:Entity)-[r:PRODUCES|FOCUSES_ON]->(link) WHERE link = g.link AND e.id IN g.l.outsideFujian
    WITH e, r, ${taiwanFirst(e)} AS side
    RETURN e, r, side ORDER BY side, e.id, r.id LIMIT toInteger(3 * $partners)
  }
  RETURN { gap: g.l.product, entity: e.id, fact: r.id, side: side, taiwan: ${taiwanPartner(e)} } AS x
} AS elsewhere
WITH sector, product, reaches, elsewhere, [g IN gaps | {
    rank: g.l.gapRank,
    chain: g.l.chain,
    link: g.l.product,
    kinds: g.l.gapKinds,
    covering: [e IN g.covering | e.id],
    targets: [t IN g.targets | { node: t.node.id, via: [r IN t.via | r.id] }]
  }] AS gaps
WITH sector, product, reaches, elsewhere, gaps, [x IN gaps | x.chain] AS chainIds
// each chain once: its name lists its ends and is long (each gap names its chain by id)
RETURN sector.type AS sectorType, product.type AS productType, ${chainsOf(chainIds)} AS chains, gaps, reaches, elsewhere
