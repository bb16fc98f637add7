// Configuration: defaults for local use, validation with messages that name the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/infra/config.ts';
import { translateError } from '../../src/infra/database.ts';
import {
  Neo4jAuthError,
  QueryTimeoutError,
  QueryTooLargeError,
  ServiceUnavailableError,
} from '../../src/infra/errors.ts';

describe('loadConfig', () => {
  it('defaults to the local Neo4j and port 4000 on loopback', () => {
    const config = loadConfig({});
    expect(config.neo4j).toBeUndefined();
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.local.version).toMatch(/^5\.26\.\d+$/);
    expect(Object.isFrozen(config.local)).toBe(true);
  });

  it('uses NEO4J_URI with its credentials, routing URIs included', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://cluster.example:7687',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'pw',
    });
    expect(config.neo4j).toEqual({
      uri: 'neo4j+s://cluster.example:7687',
      user: 'reader',
      password: 'pw',
      database: undefined,
    });
  });

  it('names the variable and the bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(
      'PORT="eighty" is not an integer between 0 and 65535',
    );
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(
      /NEO4J_URI="http:\/\/localhost:7474" is not a Neo4j URI/,
    );
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(
      'LOG_LEVEL="loud" must be one of debug, info, warn, error, silent',
    );
  });
});

describe('translateError', () => {
  const connection = { uri: 'bolt://db:7687', user: 'neo4j' };
  it('maps driver error codes to named errors', () => {
    expect(translateError({ code: 'ServiceUnavailable', message: 'x' }, connection)).toBeInstanceOf(
      ServiceUnavailableError,
    );
    const auth = translateError({ code: 'Neo.ClientError.Security.Unauthorized', message: 'x' }, connection);
    expect(auth).toBeInstanceOf(Neo4jAuthError);
    expect(auth.message).toContain('check NEO4J_USER and NEO4J_PASSWORD');
    expect(
      translateError(
        { code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', message: 'x' },
        connection,
      ),
    ).toBeInstanceOf(QueryTimeoutError);
    // a query past dbms.memory.transaction.total.max: a clear code, not an internal error
    const memory = translateError(
      {
        code: 'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
        message: 'The allocation of an extra 2.0 MiB …',
      },
      connection,
    );
    expect(memory).toBeInstanceOf(QueryTooLargeError);
    expect(memory.message).toContain('narrow it');
  });

  it('counts a connection that Neo4j closes while the driver logs in as unavailable, not as a bug', () => {
    for (const message of [
      'Connection was closed by server',
      'Failed to connect to server. Please ensure that your database is listening … Caused by: write EPIPE',
    ]) {
      const error = Object.assign(new Error(message), { code: 'ProtocolError' });
      expect(translateError(error, connection)).toBeInstanceOf(ServiceUnavailableError);
    }
    const other = Object.assign(new Error('Unknown message type'), { code: 'ProtocolError' });
    expect(translateError(other, connection)).not.toBeInstanceOf(ServiceUnavailableError);
  });
});
