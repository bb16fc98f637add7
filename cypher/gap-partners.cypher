// Partners for the gaps (补链招商, 对接): for each chain gap (chainGaps' gaps, in the same order and with the
// same filters), the entities elsewhere in the graph that could fill it, each with its reasons: the plan's
// own 对接 (a COOPERATES_WITH, PARTNERS_WITH or COUNTERPART_OF fact joins it to the missing product, to a
// sector of it or its parent sector; or, less closely, to a park that focuses on the product); it makes or focuses on the
// product outside Fujian (a Taiwan-side firm or place); an association that supports or cooperates with
// the product's sector; an entity that focuses on, anchors or is in that sector (other parks, firms,
// places). What already covers the link in Fujian is coverage, not a partner, and is left out. Each reason
// comes with the facts that carry it, for their evidence; src/read/gapPartners.ts ranks the partners (the
// plan's 对接 first, then Taiwan-side, then the most reasons) for `cskg query gap-partners` and the GraphQL
// field gapPartners. Bounded: of each kind of reason, the first 3 × `partners` are kept, a Taiwan firm or
// association first (its own origin or side: a property, no walk), then the closest (fewest facts), then by
// id; only those are read in full (a sector of an industrial registry has thousands of members).
//
// @param sector   string? = null     id of a Sector: only the chains with a product in it; null for every chain
// @param product  string? = null     id of a Product: only the chain it is on
// @param first    int[0..500] = 200  most gaps, in chain order
// @param partners int[0..100] = 10   most partners of each gap
// @example cskg query gap-partners --param product=product:complete-vehicle
OPTIONAL MATCH (sector:Entity {id: $sector})
OPTIONAL MATCH (product:Entity {id: $product})
// the Taiwan side (src/read/fragments.ts), found once for every partner's side below
WITH sector, product, ${TAIWAN_SIDE} AS taiwanSide
WITH sector, product, taiwanSide, COLLECT {
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
  MATCH (c:Chain {id: l.chain})
  MATCH (link:Entity {id: l.product})
  // What covers it in Fujian: not a partner.
  WITH l, c, link, COLLECT {
    MATCH (e:Entity)-[:PRODUCES|FOCUSES_ON]->(link) WHERE NOT e.id IN l.outsideFujian RETURN e
  } AS covering
  // What a 对接 fact may join: the product, its sectors and their parents, the parks that focus on it.
  WITH l, c, link, covering, [{ node: link, via: [] }] + COLLECT {
      MATCH (link)-[r:IN_SECTOR]->(s:Sector) RETURN { node: s, via: [r] } AS t
      UNION
      MATCH (link)-[r:IN_SECTOR]->(:Sector)-[p:PART_OF]->(s:Sector) RETURN { node: s, via: [r, p] } AS t
      UNION
      MATCH (link)<-[r:FOCUSES_ON]-(s:Park) RETURN { node: s, via: [r] } AS t
    } AS targets
  WITH l, c, link, covering, targets, [t IN targets WHERE t.node:Sector | t] AS sectors
  WITH l, c, link, covering, targets, sectors, COLLECT {
      UNWIND targets AS t
      WITH t, t.node AS target
      MATCH (target)-[r:COOPERATES_WITH|PARTNERS_WITH|COUNTERPART_OF]-(e:Entity)
      WHERE NOT e:Product AND NOT e:Sector AND NOT e IN covering
      RETURN { kind: CASE WHEN target:Park THEN 'PARK_COOPERATION' ELSE 'PLAN_COOPERATION' END,
               entity: e, facts: t.via + [r] } AS reason
      ORDER BY CASE WHEN e.origin = 'taiwan' OR e.side = 'taiwan' THEN 0 ELSE 1 END, size(t.via), e.id, r.id LIMIT toInteger(3 * $partners)
    } + COLLECT {
      MATCH (e:Entity)-[r:PRODUCES|FOCUSES_ON]->(link) WHERE e.id IN l.outsideFujian
      RETURN { kind: 'MAKES_ELSEWHERE', entity: e, facts: [r] } AS reason
      ORDER BY CASE WHEN e.origin = 'taiwan' OR e.side = 'taiwan' THEN 0 ELSE 1 END, e.id, r.id LIMIT toInteger(3 * $partners)
    } + COLLECT {
      UNWIND sectors AS t
      WITH t, t.node AS s
      MATCH (e:Association)-[r:SUPPORTS|COOPERATES_WITH|PARTNERS_WITH]-(s)
      RETURN { kind: 'SECTOR_ASSOCIATION', entity: e, facts: t.via + [r] } AS reason
      ORDER BY CASE WHEN e.origin = 'taiwan' OR e.side = 'taiwan' THEN 0 ELSE 1 END, size(t.via), e.id, r.id LIMIT toInteger(3 * $partners)
    } + COLLECT {
      UNWIND sectors AS t
      WITH t, t.node AS s
      MATCH (e:Entity)-[r:FOCUSES_ON|ANCHORS|IN_SECTOR]->(s)
      WHERE (e:Enterprise OR e:Project OR e:Park OR e:Region) AND NOT e IN covering
      RETURN { kind: 'SECTOR_FOCUS', entity: e, facts: t.via + [r] } AS reason
      ORDER BY CASE WHEN e.origin = 'taiwan' OR e.side = 'taiwan' THEN 0 ELSE 1 END, size(t.via), e.id, r.id LIMIT toInteger(3 * $partners)
    } AS reasons
  WITH l, c, link, reasons, [x IN reasons | x.entity] AS candidates
  RETURN {
    chain: c.id,
    link: { props: properties(link), degree: ${degree(link)} },
    kinds: l.gapKinds,
    reasons: [x IN reasons | {
      kind: x.kind, entity: x.entity.id,
      facts: [r IN x.facts | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }]
    }],
    entities: COLLECT {
      UNWIND candidates + [n IN reduce(ns = [], x IN reasons | ns + reduce(m = [], r IN x.facts | m + [startNode(r), endNode(r)])) | n] AS e
      WITH DISTINCT e
      RETURN {
        props: properties(e), degree: ${degree(e)},
        taiwanSide: e.side = 'taiwan' OR e IN taiwanSide
          OR (e.origin = 'taiwan' AND NOT EXISTS { (e)-[:LOCATED_IN]->() })
      } AS entity
    },
    passages: COLLECT {
      WITH reduce(ids = [], x IN reasons | ids + reduce(m = [], r IN x.facts | m + coalesce(r.evidence, []))) AS ids
      MATCH (ps:Passage) WHERE ps.id IN ids
      RETURN ps { .id, .documentId, .section, .sectionPath, .ordinal, .kind, .text, .start, .end } AS passage
      ORDER BY ps.ordinal
    }
  } AS item
  ORDER BY l.gapRank
} AS gaps
WITH sector, product, gaps, [x IN gaps | x.chain] AS chainIds
// each chain once: its name lists its ends and is long (each gap names its chain by id)
RETURN sector.type AS sectorType, product.type AS productType, ${chainsOf(chainIds)} AS chains, gaps
