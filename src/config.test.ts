import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, role: 'all', databaseUrl: undefined });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    ['QALXAN_PORT', 'eighty', /QALXAN_PORT/],
    ['QALXAN_PORT', '70000', /QALXAN_PORT/],
    ['ROLE', 'boss', /ROLE must be one of/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must use/],
    ['NATS_URL', 'not a url', /NATS_URL is not a valid URL/],
    ['QALXAN_SECURE_COOKIES', 'maybe', /QALXAN_SECURE_COOKIES/],
    ['QALXAN_ADMIN_PASSWORD', 'short', /at least 12/],
  ])('rejects %s=%s naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
