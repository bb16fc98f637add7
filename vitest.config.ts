// Two tiers: unit tests (no I/O, run in parallel) and tests that need a real Neo4j. The second tier shares
// one Neo4j started by tests/setup/neo4j.globalSetup.ts and runs its files one at a time, because
// Neo4j Community has a single user database and several files rebuild it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'neo4j',
          include: ['tests/integration/**/*.test.ts', 'tests/graphql/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/neo4j.globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
