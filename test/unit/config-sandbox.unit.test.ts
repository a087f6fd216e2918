import { ConfigError, parseConfig, redactConfig } from '../../bridge/config';
import { configInput } from '../fixtures/engine/config';

const local = { dataverse: 'http://127.0.0.1:7071', finops: 'http://127.0.0.1:7072', identity: 'https://127.0.0.1:7073' };
const sandbox = { clientSecret: 'sandbox-secret', webhookKey: 'sandbox-webhook-key-0123456789' };

describe('the sandbox section of a configuration', () => {
  it('supplies the demo credentials for loopback services, and the environment still wins', () => {
    const c = parseConfig({ ...configInput(local), sandbox }, '/tmp/sandbox/config.json', {});
    expect(c.secrets.dataverseClientSecret).toBe('sandbox-secret');
    expect(c.secrets.webhookKey).toBe(sandbox.webhookKey);
    const overridden = parseConfig({ ...configInput(local), sandbox }, 'c.json', { PSAFO_WEBHOOK_KEY: 'from-env-key' });
    expect(overridden.secrets.webhookKey).toBe('from-env-key');
    expect(JSON.stringify(redactConfig(c))).not.toContain('sandbox-secret');
    expect(JSON.stringify(redactConfig(c))).not.toContain(sandbox.webhookKey);
  });

  it('is refused for a real environment', () => {
    expect(() => parseConfig({ ...configInput(), sandbox }, 'c.json', {})).toThrow(ConfigError);
    try {
      parseConfig({ ...configInput(), sandbox }, 'c.json', {});
    } catch (err) {
      expect((err as ConfigError).issues.join('\n')).toMatch(/only accepted for loopback services/);
    }
  });
});
