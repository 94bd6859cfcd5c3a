import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to SQLite in ./data, port 3000, UTC', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      databaseUrl: 'sqlite:./data/rapport.db',
      port: 3000,
      host: '127.0.0.1',
      timeZone: 'UTC',
      logLevel: 'info',
      adminPassword: null,
      smtpUrl: null,
    });
  });

  it('accepts PostgreSQL URLs and IANA zones', () => {
    const c = loadConfig({ RAPPORT_DATABASE_URL: 'postgresql://rapport@db:5432/rapport', RAPPORT_TZ: 'Europe/Berlin', PORT: '8080' });
    expect(c.databaseUrl).toBe('postgresql://rapport@db:5432/rapport');
    expect(c.timeZone).toBe('Europe/Berlin');
    expect(c.port).toBe(8080);
  });

  it.each([
    ['RAPPORT_DATABASE_URL', 'mysql://x'],
    ['PORT', 'eighty'],
    ['RAPPORT_TZ', 'Mars/Olympus'],
    ['RAPPORT_LOG_LEVEL', 'loud'],
    ['RAPPORT_SMTP_URL', 'http://mail'],
    ['RAPPORT_ADMIN_PASSWORD', 'short'],
    ['RAPPORT_TRUST_PROXY', 'yes please'],
  ])('names the variable when %s is invalid', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      expect((e as ConfigError).variable).toBe(name);
    }
  });

  it('trusts no proxy unless RAPPORT_TRUST_PROXY says so', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ RAPPORT_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ RAPPORT_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ RAPPORT_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });
});
