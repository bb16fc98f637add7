// Chain gaps (补链): for each chain the plan describes (a connected set of INPUT_TO links between
// products), the links that nothing in Fujian covers, those only Taiwan-invested firms make, those no firm
// makes (only parks or regions focus on them), and those covered only by planned or sought relations; each
// with the passages that say so. Covering is PRODUCES (enterprise, project, park) or FOCUSES_ON (park,
// region); "in Fujian" is not lying, through up to six LOCATED_IN / PART_OF steps, in a Taiwan-side place.
// `sector` keeps the chains with a product in that sector or a sub-sector of it, `product` the chain of that
// product; without either, every chain. This statement reads every chain link with its coverage and
// passages; src/read/chainGaps.ts groups the links into chains and classifies them, for both
// `cskg query chain-gaps` and the GraphQL field chainGaps.
//
// @param sector  string? = null  id of a Sector, e.g. sector:petrochemical; null for every chain
// @param product string? = null  id of a Product: only the chain it is on
// @example cskg query chain-gaps --param sector=sector:flat-panel-display
OPTIONAL MATCH (sector:Entity {id: $sector})
OPTIONAL MATCH (product:Entity {id: $product})
RETURN sector.type AS sectorType, product.type AS productType, COLLECT {
  MATCH (link:Product) WHERE EXISTS { (link)-[:INPUT_TO]-(:Product) }
  WITH link,
    COLLECT { MATCH (link)-[r:INPUT_TO]-(:Product) RETURN r ORDER BY r.id } AS chainRels,
    COLLECT {
      MATCH (link)-[:IN_SECTOR]->(:Sector)(()-[:PART_OF]->(:Sector)){0,6}(s:Sector) RETURN DISTINCT s.id
    } AS sectors,
    COLLECT {
      MATCH (c:Entity)-[r:PRODUCES|FOCUSES_ON]->(link)
      WHERE c:Park OR c:Region OR c:Enterprise OR c:Project
      RETURN {
        entity: { props: properties(c), degree: ${degree(c)} },
        relation: { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) },
        evidence: r.evidence,
        ownerOrigins: COLLECT { MATCH (o:Enterprise)-[:OWNS]->(c) RETURN coalesce(o.origin, 'unknown') },
        // 'taiwan-place' is the Region level of src/data/model.ts for Taiwan-side places.
        outsideFujian: EXISTS {
          MATCH (c)(()-[:LOCATED_IN|PART_OF]->(:Entity)){0,6}(t:Region) WHERE t.level = 'taiwan-place'
        }
      } AS cover ORDER BY r.id
    } AS covers
  WITH link, chainRels, sectors, covers,
    reduce(ids = [], r IN chainRels | ids + r.evidence)
      + reduce(ids = [], c IN covers | ids + c.evidence) AS passageIds
  RETURN {
    link: { props: properties(link), degree: ${degree(link)} },
    chainRels: [r IN chainRels | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }],
    sectors: sectors,
    covers: covers,
    passages: COLLECT {
      MATCH (ps:Passage) WHERE ps.id IN passageIds
      RETURN ps { .id, .documentId, .section, .sectionPath, .ordinal, .kind, .text, .start, .end } AS passage
      ORDER BY ps.ordinal
    }
  } AS item
  ORDER BY link.id
} AS links
