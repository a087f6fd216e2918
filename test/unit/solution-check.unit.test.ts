import { create } from 'xmlbuilder2';
import { checkReferences } from '../../solution/check/references';
import { checkRibbonReferences } from '../../solution/check/ribbon-references';
import { customizationsXml } from '../../scripts/pack/customizations-xml';
import { createSolutionModel } from '../../solution/model';
import { checkSecrets } from '../../solution/check/secrets';
import { checkSolutionManifest } from '../../solution/check/solution-manifest';
import { checkRootFiles, checkStrayFiles } from '../../solution/check/structure';
import type { ZipContent } from '../../solution/check/types';

const b = (s: string) => Buffer.from(s, 'utf8');
const zip = (files: Record<string, string>): ZipContent => ({ files: new Map(Object.entries(files).map(([k, v]) => [k, b(v)])), folders: [] });

const solutionXml = (managed: string, version: string) =>
  `\uFEFF<ImportExportXml><SolutionManifest><UniqueName>PsaFoSync</UniqueName><Version>${version}</Version><Managed>${managed}</Managed><Publisher><CustomizationPrefix>psafo</CustomizationPrefix></Publisher></SolutionManifest></ImportExportXml>`;
const customizations = `<ImportExportXml>
  <WebResources><WebResource><Name>psafo_/a.js</Name><FileName>/WebResources/psafo_ajs1</FileName></WebResource></WebResources>
  <CustomControls><CustomControl><Name>psafo_N.C</Name><FileName>/Controls/psafo_N.C/ControlManifest.xml</FileName></CustomControl></CustomControls>
</ImportExportXml>`;
const manifest = '<manifest><control namespace="N" constructor="C"><resources><code path="bundle.js" order="1"/><css path="css/C.css" order="1"/><resx path="strings/C.1033.resx" version="1.0.0"/></resources></control></manifest>';

describe('solution check rules', () => {
  it('finds missing and wrapped root files', () => {
    expect(checkRootFiles(zip({ 'solution.xml': '', 'customizations.xml': '', '[Content_Types].xml': '' }))).toEqual([]);
    const problems = checkRootFiles(zip({ 'x/solution.xml': '', 'customizations.xml': '', 'a\\b.txt': '' }));
    expect(problems.map((p) => `${p.code}@${p.file}`)).toEqual(['BACKSLASH_PATH@a\\b.txt', 'WRAPPED_IN_FOLDER@x/solution.xml', 'MISSING_ROOT_FILE@(zip)']);
  });

  it('reads the manifest facts and rejects bad flags (BOM tolerated)', () => {
    expect(checkSolutionManifest(zip({ 'solution.xml': solutionXml('1', '1.0.0.3') }))).toEqual({ problems: [], facts: { uniqueName: 'PsaFoSync', version: '1.0.0.3', managed: true } });
    const bad = checkSolutionManifest(zip({ 'solution.xml': solutionXml('2', '1.0.0') })).problems.map((p) => p.code);
    expect(bad).toEqual(['BAD_VERSION', 'BAD_MANAGED_FLAG']);
  });

  it('follows customizations.xml and the control manifest to every referenced file', () => {
    const complete = zip({
      'customizations.xml': customizations,
      'WebResources/psafo_ajs1': 'x',
      'Controls/psafo_N.C/ControlManifest.xml': manifest,
      'Controls/psafo_N.C/bundle.js': 'x',
      'Controls/psafo_N.C/bundle.js.LICENSE.txt': 'x',
      'Controls/psafo_N.C/css/C.css': 'x',
      'Controls/psafo_N.C/strings/C.1033.resx': 'x',
    });
    const { problems, referenced } = checkReferences(complete);
    expect(problems).toEqual([]);
    expect(checkStrayFiles(complete, referenced)).toEqual([]);

    const partial = zip({ 'customizations.xml': customizations, 'Controls/psafo_N.C/ControlManifest.xml': manifest, 'Controls/psafo_N.C/bundle.js': 'x', 'Controls/psafo_N.C/old.js': 'x' });
    const result = checkReferences(partial);
    expect(result.problems.map((p) => p.message)).toEqual([
      'web resource "psafo_/a.js": /WebResources/psafo_ajs1 is not in the zip.',
      'control "psafo_N.C": css resource css/C.css is not in the zip (expected Controls/psafo_N.C/css/C.css).',
      'control "psafo_N.C": resx resource strings/C.1033.resx is not in the zip (expected Controls/psafo_N.C/strings/C.1033.resx).',
    ]);
    expect(checkStrayFiles(partial, result.referenced).map((p) => p.file)).toEqual(['Controls/psafo_N.C/old.js']);
  });

  it('rejects an unbuilt input manifest', () => {
    const z = zip({ 'customizations.xml': customizations, 'WebResources/psafo_ajs1': 'x', 'Controls/psafo_N.C/ControlManifest.xml': manifest.replace('bundle.js', 'index.ts') });
    expect(checkReferences(z).problems.map((p) => p.code)).toContain('UNBUILT_MANIFEST');
  });

  it.each([
    ['private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIE'],
    ['JSON Web Token', 'token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJl"'],
    ['bearer token', 'headers: { Authorization: "Bearer abcdefghijklmnopqrstuvwxyz012345" }'],
    ['Entra ID client secret', 'x = "abc8Q~abcdefghijklmnopqrstuvwxyz0123456"'],
    ['connection-string key or password', 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c2VjcmV0c2VjcmV0c2VjcmV0'],
    ['hard-coded secret, password or key', '{"password": "hunter2hunter2"}'],
  ])('finds a %s without printing it', (kind, content) => {
    const problems = checkSecrets(zip({ 'a/b.js': `line one\n${content}\n` }));
    expect(problems).toEqual([expect.objectContaining({ file: 'a/b.js', code: 'SECRET_LIKE', message: expect.stringContaining(`line 2: looks like a ${kind}`) })]);
    expect(problems[0].message).not.toContain(content.slice(-10));
  });

  it('does not flag code that only mentions the words', () => {
    const code = 'const headers = { Authorization: `Bearer ${token}` }; const password = input.value; if (!secret) throw new Error("client_secret missing");';
    expect(checkSecrets(zip({ 'bundle.js': code }))).toEqual([]);
  });
});

describe('ribbon references', () => {
  const source = customizationsXml(createSolutionModel('1.0.0.0'));

  it('finds nothing undefined in the ribbons we generate', () => {
    expect(checkRibbonReferences(source)).toEqual([]);
  });

  it('names a missing LocLabel, an undefined command and an undefined enable rule', () => {
    const doc = create(source);
    const find = (pred: (n: ReturnType<typeof create>) => boolean) => {
      const node = doc.root().find(pred, false, true);
      if (!node) throw new Error('fixture element not found');
      return node;
    };
    const attr = (n: ReturnType<typeof create>, name: string) => (n.node as unknown as Element).getAttribute?.(name);
    find((n) => n.node.nodeName === 'LocLabel' && attr(n, 'Id') === 'psafo.salesorder.SyncNow.ToolTip').remove();
    find((n) => n.node.nodeName === 'Button' && attr(n, 'Id') === 'psafo.msdyn_project.HomepageGrid.SyncNow.Button').att('Command', 'psafo.msdyn_project.Typo.Command');
    find((n) => n.node.nodeName === 'EnableRule' && attr(n, 'Id') === 'psafo.salesorder.Selection.EnableRule' && n.up().node.nodeName === 'EnableRules' && n.up().up().node.nodeName === 'RuleDefinitions').remove();
    const messages = checkRibbonReferences(doc.end()).map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([
      'RibbonDiffXml of entity salesorder: Button psafo.salesorder.Form.SyncNow.Button @ToolTipDescription refers to LocLabel "psafo.salesorder.SyncNow.ToolTip", which is not defined in this RibbonDiffXml.',
      'RibbonDiffXml of entity msdyn_project: Button psafo.msdyn_project.HomepageGrid.SyncNow.Button refers to CommandDefinition "psafo.msdyn_project.Typo.Command", which is not defined in this RibbonDiffXml.',
      'RibbonDiffXml of entity salesorder: command psafo.salesorder.HomepageGrid.SyncNow.Command refers to EnableRule "psafo.salesorder.Selection.EnableRule", which is not defined in this RibbonDiffXml.',
    ]));
  });
});
