// The timeline of an entity: what the plan said of it (its date, and for a project the status the plan
// gives), then the dated status steps later pages report (planned, under construction, operating,
// suspended, reorganised, renamed, merged …), each with the page it rests on and the others that say the
// same, then, without asOf, the facts of pages that carry no date; with the research record of data/later
// (the latest status the pages establish, the queries run, the caveats). Answers "what became of the 古雷
// PX plant, and who says so?". src/read/timeline.ts runs this statement for both `cskg query timeline` and
// the GraphQL field timeline. An entity's steps are a handful of its own relationships, whatever the size
// of the graph.
//
// @param entity string              id of the entity, e.g. project:tenglong-px
// @param asOf   string? = null      YYYY-MM-DD: the timeline as known on that date (steps dated on or before it); null for all
// @param first  int[1..500] = 200   most later steps returned
// @example cskg query timeline --param entity=project:tenglong-px
// @example cskg query timeline --param entity=enterprise:cpt --param asOf=2018-12-31
OPTIONAL MATCH (e:Entity {id: $entity})
OPTIONAL MATCH (r:Research)-[:RESEARCH_OF]->(e)
RETURN e.id AS id, e.type AS type, e.stated AS stated, e.projectStatus AS projectStatus, properties(r) AS research,
  CASE WHEN e IS NULL THEN null ELSE { props: properties(e), degree: ${degree(e)} } END AS entity,
  COLLECT {
    MATCH (s:StatusStep)-[:STEP_OF]->(e)
    WHERE $asOf IS NULL OR s.validFrom <= $asOf
    RETURN ${step(s)} AS step
    ORDER BY s.ordinal
    LIMIT toInteger($first) + 1
  } AS steps,
  ${lastStep(e)} AS last,
  CASE WHEN $asOf IS NULL AND r.status IS NOT NULL AND r.date IS NULL THEN COLLECT {
    MATCH (s:StatusStep)-[:STEP_OF]->(e) WHERE s.validFrom IS NULL AND s.source = r.source
    RETURN ${step(s)} AS step ORDER BY s.ordinal LIMIT 1
  }[0] END AS undatedLatest
