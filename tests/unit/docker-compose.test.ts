// docker-compose.yml cannot be run here (no Docker engine), so it is validated: by Debian's
// docker-compose (`config` checks it against the Compose schema) and by what the app relies on.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { PROJECT_ROOT } from '../../src/infra/config.ts';

const file = path.join(PROJECT_ROOT, 'docker-compose.yml');
const compose = YAML.parse(fs.readFileSync(file, 'utf8'));
const hasDockerCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

describe('docker-compose.yml', () => {
  // Debian's docker-compose is installed by .ci/run; on a machine without it only the checks below run.
  it.runIf(hasDockerCompose)('is valid for docker-compose config', () => {
    const output = execFileSync('docker-compose', ['-f', file, 'config'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(output).toContain('neo4j:5.26-community');
  });

  it('runs Neo4j 5.26 community with a healthcheck, and the app waits until it is healthy', () => {
    expect(compose.services.neo4j.image).toBe('neo4j:5.26-community');
    expect(compose.services.neo4j.healthcheck.test.join(' ')).toContain('cypher-shell');
    expect(compose.services.app.depends_on.neo4j.condition).toBe('service_healthy');
  });

  it('uses the same variable names as the rest of the project', () => {
    const documented = fs.readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8');
    for (const name of Object.keys(compose.services.app.environment)) {
      expect(documented, `${name} is not in .env.example`).toMatch(new RegExp(`^${name}=`, 'm'));
    }
    expect(compose.services.app.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
  });
});
