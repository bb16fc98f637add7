// The schema of the cskg graph (docs/graph-model.md, "Indexes"). The loader applies it before every load;
// every statement is idempotent (IF NOT EXISTS), so applying it twice changes nothing. Statements are
// separated by a semicolon at the end of a line.
//
// Full-text: Neo4j 5.26 offers the `cjk` analyzer (CALL db.index.fulltext.listAvailableAnalyzers()):
// it cuts Chinese into overlapping bigrams, so two-character queries such as 古雷 or 友达 match, and it
// tokenises and lower-cases Latin words, so Gulei, AUO and mixed queries (友达 AUO) match too.

// Uniqueness of ids: also the indexes every lookup by id uses.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (p:Passage) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:Meta) REQUIRE m.key IS UNIQUE;
// data/later: the pages read, the status steps of entities, one research record per entity described.
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT status_step_id IF NOT EXISTS FOR (s:StatusStep) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT research_id IF NOT EXISTS FOR (r:Research) REQUIRE r.id IS UNIQUE;
// One load at a time: the lease node a load holds (src/write/lock.ts).
CREATE CONSTRAINT load_lock_key IF NOT EXISTS FOR (l:LoadLock) REQUIRE l.key IS UNIQUE;

// A load first writes the new graph under staging labels (invisible to every query, which all match
// :Entity / :Passage), then swaps it in with one transaction; see src/write/transactional.ts.
CREATE CONSTRAINT staged_entity_id IF NOT EXISTS FOR (n:StagedEntity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT staged_passage_id IF NOT EXISTS FOR (p:StagedPassage) REQUIRE p.id IS UNIQUE;
CREATE INDEX staged_entity_type IF NOT EXISTS FOR (n:StagedEntity) ON (n.type);
CREATE INDEX staged_passage_document IF NOT EXISTS FOR (p:StagedPassage) ON (p.documentId);
CREATE CONSTRAINT staged_source_id IF NOT EXISTS FOR (s:StagedSource) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT staged_status_step_id IF NOT EXISTS FOR (s:StagedStatusStep) REQUIRE s.id IS UNIQUE;

// Lookups the API and the named queries make.
// (type, id): an entity of a type by id, and the entities of a type in id order (src/read/entities.ts).
CREATE INDEX entity_type_id IF NOT EXISTS FOR (n:Entity) ON (n.type, n.id);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX passage_document IF NOT EXISTS FOR (p:Passage) ON (p.documentId);
CREATE INDEX passage_ordinal IF NOT EXISTS FOR (p:Passage) ON (p.ordinal);

// No index on the `id` of facts: a fact is looked up through its two entities (`<from>|<TYPE>|<to>`, each an
// index seek, then the relationships between them), which no per-type index would speed up; eighteen of
// them cost a third of the bulk load's index build at a million facts.

// What the loader derives at load time (src/write/derive.ts, docs/graph-model.md "Derived at load time"):
// a chain by id, the link of a product, the gaps in the order chainGaps lists them (of every chain, of one
// chain), a chain's products in order, the links that hang on one firm (singlePoints) in chain order.
CREATE CONSTRAINT chain_id IF NOT EXISTS FOR (c:Chain) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT chain_link_product IF NOT EXISTS FOR (l:ChainLink) REQUIRE l.product IS UNIQUE;
CREATE INDEX chain_link_gap_rank IF NOT EXISTS FOR (l:ChainLink) ON (l.gapRank);
CREATE INDEX chain_link_gaps IF NOT EXISTS FOR (l:ChainLink) ON (l.chain, l.gapRank);
CREATE INDEX chain_link_position IF NOT EXISTS FOR (l:ChainLink) ON (l.chain, l.position);
CREATE INDEX chain_link_single_rank IF NOT EXISTS FOR (l:ChainLink) ON (l.singleRank);

// Full-text search over names (Chinese and English) and aliases, and over the plan's own text; searchText
// holds them folded (Traditional to Simplified, Taiwan phrases included, lower case: src/data/language.ts),
// as the query is, so 臺塑 finds 台塑. An index whose properties change here is dropped and rebuilt by the
// loader (src/write/schema.ts).
CREATE FULLTEXT INDEX entitySearch IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.nameEn, n.aliases, n.searchText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };
CREATE FULLTEXT INDEX passageSearch IF NOT EXISTS FOR (p:Passage) ON EACH [p.text, p.searchText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };
