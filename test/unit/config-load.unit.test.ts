import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseConfig, redactConfig } from '../../bridge/config';
import { TEMPLATE_IDS } from '../../bridge/templates';
import { TEST_ENV, configInput } from '../fixtures/engine/config';

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return [...err.issues];
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('parses a minimal file with defaults and resolves secrets from PSAFO_* variables', () => {
    const c = parseConfig(configInput(), '/etc/psafo/config.json', TEST_ENV);
    expect(c.finops.entitySets.contracts).toBe('ProjCDSProjectContracts');
    expect(c.templates.enabled).toEqual(TEMPLATE_IDS);
    expect(c.templates.milestoneSource).toBe('3.x');
    expect(c.sync.batchSize).toBe(200);
    expect(c.store.path).toBe('/etc/psafo/psa-fo-sync.db');
    expect(c.secrets.dataverseClientSecret).toBe('sandbox-secret');
    expect(c.secrets.webhookKey).toBe('hook-key');
    expect(Object.isFrozen(c.templates)).toBe(true);
  });

  it('reports each mistake with its JSON path and what to do', () => {
    const raw = configInput() as Record<string, unknown>;
    const bad = {
      ...raw,
      dataverse: { url: 'not a url', auth: { authority: 'http://insecure/x', clientId: 'a' } },
      templates: { enabled: ['projects', 'actuals'] },
      sync: { batchSize: 0 },
      extra: true,
    };
    const issues = issuesOf(() => parseConfig(bad, 'c.json', TEST_ENV));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^dataverse\.url: must be an http\(s\) URL/),
        expect.stringMatching(/^dataverse\.auth\.authority: must be an https URL/),
        expect.stringMatching(/^templates\.enabled\[0\]: unknown template; use one of accounts-to-customers/),
        expect.stringMatching(/^templates\.forecastModel: required: set templates\.forecastModel/),
        expect.stringMatching(/^sync\.batchSize: /),
        expect.stringMatching(/^\(root\): .*extra/),
      ]),
    );
  });

  it('requires secrets in the environment and rejects secret-looking env names', () => {
    expect(issuesOf(() => parseConfig(configInput(), 'c.json', {}))).toEqual([
      'dataverse.auth.clientSecretEnv: environment variable PSAFO_CLIENT_SECRET is not set; export it with the client secret',
      'finops.auth.clientSecretEnv: environment variable PSAFO_CLIENT_SECRET is not set; export it with the client secret',
    ]);
    const input = configInput();
    const withLiteral = { ...input, finops: { ...input.finops, auth: { ...input.finops.auth, clientSecretEnv: 'my-secret-value' } } };
    expect(issuesOf(() => parseConfig(withLiteral, 'c.json', TEST_ENV))[0]).toMatch(/^finops\.auth\.clientSecretEnv: must be an environment variable name starting with PSAFO_/);
  });

  it('rejects an organizational unit mapped twice', () => {
    const input = configInput();
    const dup = { ...input, connectionSet: { organizationMappings: [...input.connectionSet.organizationMappings, { organizationalUnit: 'Contoso US', legalEntity: 'DEMF' }] } };
    expect(issuesOf(() => parseConfig(dup, 'c.json', TEST_ENV))).toEqual([
      "connectionSet.organizationMappings: organizational unit 'Contoso US' is mapped twice; keep one legal entity per unit",
    ]);
  });

  it('redacts secrets for printing', () => {
    const printed = JSON.stringify(redactConfig(parseConfig(configInput(), 'c.json', TEST_ENV)));
    expect(printed).not.toContain('sandbox-secret');
    expect(printed).not.toContain('hook-key');
  });

  it('loads a file and explains unreadable or invalid JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'psafo-config-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify(configInput()));
    expect(loadConfig(file, TEST_ENV).baseDir).toBe(dir);
    writeFileSync(file, '{ nope');
    expect(issuesOf(() => loadConfig(file, TEST_ENV))[0]).toMatch(/^\(file\): not valid JSON/);
    expect(issuesOf(() => loadConfig(join(dir, 'missing.json'), TEST_ENV))[0]).toMatch(/pass --config/);
  });
});
