// @neo4j/graphql serving the same Neo4j as cskg, over the same HTTP stack (graphql-yoga on node:http), so
// the comparison measures the two GraphQL layers and not two web servers. Started by compare/run.ts as its
// own process: `node --import tsx compare/theirs/server.ts` with NEO4J_URI (and NEO4J_USER/PASSWORD) and
// PORT set; prints `LISTENING <port>` once the schema is built.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import { FIXED } from '../operations.ts';
import { neo4jGraphQLTypeDefs } from './typeDefs.ts';

// As cskg's server does in production (src/main.ts): without tsx's source maps, so neither pays a source-map
// lookup for the stack neo4j-driver captures per statement.
process.setSourceMapsEnabled(false);

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is required');
const password = process.env.NEO4J_PASSWORD ?? '';
const driver = neo4j.driver(
  uri,
  password ? neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', password) : undefined,
  // the pool and timeouts cskg's src/infra/database.ts uses
  {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    userAgent: 'cskg-bench-neo4j-graphql',
  },
);
const database = process.env.NEO4J_DATABASE || undefined;

const schema = await new Neo4jGraphQL({ typeDefs: neo4jGraphQLTypeDefs(FIXED), driver }).getSchema();
const yoga = createYoga({
  schema,
  graphqlEndpoint: '/graphql',
  graphiql: false,
  landingPage: false,
  logging: false,
  maskedErrors: process.env.BENCH_DEBUG !== '1',
  context: () => (database ? { sessionConfig: { database } } : {}),
});
const server = http.createServer(yoga);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
});
const stop = () => {
  server.close();
  void driver.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
