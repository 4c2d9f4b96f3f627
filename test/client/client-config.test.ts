import { describe, expect, it } from 'vitest';
import { AuditLogClient, ConfigurationError } from '../../src/client/index.js';

describe('client configuration', () => {
  it.each([
    [{ baseUrl: '' }, /baseUrl is required/],
    [{ baseUrl: 'localhost:8000' }, /http:\/\/ or https:\/\//],
    [{ baseUrl: '/api' }, /not an absolute URL/],
    [{ baseUrl: 'http://x.test?a=1' }, /query or fragment/],
    [{ baseUrl: 'http://x.test', apiKey: 'k' }, /apiKey needs a tenantId/],
    [{ baseUrl: 'http://x.test', timeout: 0 }, /timeout must be a positive/],
    [{ baseUrl: 'http://x.test', maxRetries: 1.5 }, /maxRetries must be a whole number/],
    [{ baseUrl: 'http://x.test', headers: { Authorization: 'x' } }, /through the client's options/],
    [{ baseUrl: 'http://x.test', accessToken: 't', getAccessToken: () => 't' }, /not both/],
  ])('refuses %j at construction', (options, message) => {
    expect(() => new AuditLogClient(options)).toThrow(ConfigurationError);
    expect(() => new AuditLogClient(options)).toThrow(message);
  });

  it('never puts the API key into a configuration error', () => {
    try {
      new AuditLogClient({ baseUrl: 'nope', apiKey: 'alk_super_secret_key', tenantId: 'acme' });
    } catch (error) {
      expect(String(error)).not.toContain('alk_super_secret_key');
      expect(JSON.stringify(error)).not.toContain('alk_super_secret_key');
    }
  });

  it('accepts a base URL with a path prefix and trailing slash', () => {
    const client = new AuditLogClient({ baseUrl: 'https://example.com/audit/' });
    expect(client.baseUrl).toBe('https://example.com/audit');
  });
});
