import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliOptions } from '../../demo/server/cli-options.js';

describe('the server command line', () => {
  it('starts on 127.0.0.1:8000 in memory, unseeded and unthrottled, recording reads, with no flags', () => {
    expect(parseCliOptions([])).toEqual({
      port: 8000,
      host: '127.0.0.1',
      db: null,
      seed: false,
      eventsPerTenant: 50_000,
      rateLimit: 0,
      failRate: 0,
      latencyMs: 0,
      corsOrigins: '*',
      trustProxy: false,
      accessRecords: true,
      exportsPerTenant: 2,
      exportsTotal: 8,
      exportIdleTimeoutMs: 30_000,
      signingKey: null,
    });
  });

  it('takes every flag, and --cors-origin as often as needed', () => {
    const options = parseCliOptions([
      '--port=0',
      '--host',
      '0.0.0.0',
      '--db',
      '.audit-data/demo.sqlite',
      '--seed',
      '--events-per-tenant',
      '500',
      '--rate-limit',
      '120',
      '--fail-rate',
      '0.25',
      '--latency',
      '300',
      '--cors-origin',
      'http://localhost:5173',
      '--cors-origin',
      'https://admin.example.com',
      '--trust-proxy',
      '--no-access-records',
      '--exports-per-tenant',
      '3',
      '--exports-total',
      '20',
      '--export-idle-timeout',
      '5000',
      '--signing-key',
      'keys/tree-signing.jwk',
    ]);
    expect(options).toEqual({
      port: 0,
      host: '0.0.0.0',
      db: '.audit-data/demo.sqlite',
      seed: true,
      eventsPerTenant: 500,
      rateLimit: 120,
      failRate: 0.25,
      latencyMs: 300,
      corsOrigins: ['http://localhost:5173', 'https://admin.example.com'],
      trustProxy: true,
      accessRecords: false,
      exportsPerTenant: 3,
      exportsTotal: 20,
      exportIdleTimeoutMs: 5000,
      signingKey: 'keys/tree-signing.jwk',
    });
  });

  it.each([
    [['--port', '70000'], /--port must be a whole number from 0 to 65535, not "70000"/],
    [['--port', 'eighty'], /--port must be a whole number/],
    [['--port', ''], /--port must be a whole number/],
    [['--fail-rate', '1.5'], /--fail-rate must be a number from 0 to 1/],
    [['--latency=-1'], /--latency must be a whole number from 0/],
    [['--rate-limit', '2.5'], /--rate-limit must be a whole number/],
    [['--events-per-tenant', 'lots'], /--events-per-tenant must be a whole number/],
    [
      ['--cors-origin', 'localhost:5173'],
      /--cors-origin must be an origin like http:\/\/localhost:5173/,
    ],
    [['--cors-origin', 'http://localhost:5173/app'], /--cors-origin must be an origin/],
    [['--verbose'], /--verbose/],
    [['--port'], /--port/],
    [['extra'], /extra/],
  ])('refuses %j with a message naming the problem', (argv, message) => {
    expect(() => parseCliOptions(argv)).toThrow(CliUsageError);
    expect(() => parseCliOptions(argv)).toThrow(message);
  });
});
