import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { findPac, importWithPac } from '../../bridge/deploy/pac';
import { DeployError } from '../../bridge/deploy/port';

// deploy uses pac only when one is on PATH: a stand-in `pac` script records how it was called.
describe('deploy through pac', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'psafo-pac-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fakePac = (exitCode: number) => {
    const script = join(dir, 'pac');
    writeFileSync(script, `#!/bin/sh\necho "$@" > "${join(dir, 'args.txt')}"\necho "Solution Imported successfully."\nexit ${exitCode}\n`);
    chmodSync(script, 0o755);
    return script;
  };

  it('is found on PATH and called with the zip, the environment and publish', async () => {
    const script = fakePac(0);
    expect(findPac(['/nonexistent', dir].join(delimiter))).toBe(script);
    expect(findPac('/nonexistent')).toBeUndefined();
    const change = await importWithPac(script, 'https://contoso.crm.dynamics.com', '/tmp/PsaFoSync_managed.zip');
    expect(change).toEqual({ kind: 'solution', action: 'import', detail: 'pac: Solution Imported successfully.' });
    expect(readFileSync(join(dir, 'args.txt'), 'utf8').trim()).toBe('solution import --path /tmp/PsaFoSync_managed.zip --environment https://contoso.crm.dynamics.com --publish-changes');
  });

  it('turns a failing pac into a DeployError that says what to do', async () => {
    const script = fakePac(3);
    await expect(importWithPac(script, 'https://contoso.crm.dynamics.com', '/tmp/x.zip')).rejects.toThrow(DeployError);
    await expect(importWithPac(script, 'https://contoso.crm.dynamics.com', '/tmp/x.zip')).rejects.toThrow(/pac auth list|--pac never/);
  });
});
