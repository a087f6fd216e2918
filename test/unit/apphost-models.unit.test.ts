/** The app host's pure parts: RibbonDiffXml → buttons, metadata → form/grid models, sessions, HTML escaping. */
import { ribbonButtons } from '../../emulators/dataverse/apphost/ribbon-model';
import { formModel, gridModel, type HostContext } from '../../emulators/dataverse/apphost/page-model';
import { controlFiles } from '../../emulators/dataverse/apphost/control-manifest';
import { Sessions, readCookie } from '../../emulators/dataverse/apphost/session';
import { errorPage, hostPage } from '../../emulators/dataverse/apphost/html';
import { SchemaRegistry } from '../../emulators/dataverse/schema/registry';
import { landingHtml } from '../../bridge/http/landing/render';

const RIBBON = `<RibbonDiffXml>
  <CustomActions>
    <CustomAction Id="a.form" Location="Mscrm.Form.msdyn_project.MainTab.Save.Controls._children" Sequence="80">
      <CommandUIDefinition><Button Id="b.form" Command="c.form" Sequence="80" LabelText="$LocLabels:l.sync" ToolTipDescription="$LocLabels:l.tip" ModernImage="$webresource:x_/sync.svg" /></CommandUIDefinition>
    </CustomAction>
    <CustomAction Id="a.form2" Location="Mscrm.Form.msdyn_project.MainTab.Save.Controls._children" Sequence="10">
      <CommandUIDefinition><Button Id="b.first" Command="c.none" LabelText="Plain" /></CommandUIDefinition>
    </CustomAction>
    <CustomAction Id="a.grid" Location="Mscrm.HomepageGrid.msdyn_project.MainTab.Management.Controls._children" Sequence="70">
      <CommandUIDefinition><Button Id="b.grid" Command="c.grid" LabelText="$LocLabels:l.sync" /></CommandUIDefinition>
    </CustomAction>
  </CustomActions>
  <Templates><RibbonTemplates Id="Mscrm.Templates" /></Templates>
  <CommandDefinitions>
    <CommandDefinition Id="c.form">
      <EnableRules><EnableRule Id="r.saved" /><EnableRule Id="Mscrm.NotOffline" /></EnableRules><DisplayRules />
      <Actions><JavaScriptFunction Library="$webresource:x_/ribbon.js" FunctionName="X.Ribbon.syncNowForm"><CrmParameter Value="PrimaryControl" /></JavaScriptFunction></Actions>
    </CommandDefinition>
    <CommandDefinition Id="c.grid">
      <EnableRules><EnableRule Id="r.selection" /><EnableRule Id="r.value" /></EnableRules><DisplayRules />
      <Actions><JavaScriptFunction Library="$webresource:x_/ribbon.js" FunctionName="X.Ribbon.syncNowGrid"><CrmParameter Value="SelectedControlSelectedItemIds" /><CrmParameter Value="SelectedControl" /></JavaScriptFunction></Actions>
    </CommandDefinition>
  </CommandDefinitions>
  <RuleDefinitions><TabDisplayRules /><DisplayRules />
    <EnableRules>
      <EnableRule Id="r.saved"><FormStateRule State="Create" InvertResult="true" /><CustomRule FunctionName="X.Ribbon.isSaved" Library="$webresource:x_/ribbon.js" Default="false"><CrmParameter Value="PrimaryControl" /></CustomRule></EnableRule>
      <EnableRule Id="r.selection"><SelectionCountRule AppliesTo="SelectedEntity" Minimum="1" Maximum="250" /></EnableRule>
      <EnableRule Id="r.value"><ValueRule Field="name" Value="x" /></EnableRule>
    </EnableRules>
  </RuleDefinitions>
  <LocLabels>
    <LocLabel Id="l.sync"><Titles><Title description="Sync now" languagecode="1033" /><Title description="Synchroniser maintenant" languagecode="1036" /></Titles></LocLabel>
    <LocLabel Id="l.tip"><Titles><Title description="Send it now" languagecode="1033" /></Titles></LocLabel>
  </LocLabels>
</RibbonDiffXml>`;

describe('ribbonButtons', () => {
  it('form location: buttons by sequence, labels from LocLabels, the command with its parameters and resolved enable rules', () => {
    const [first, sync] = ribbonButtons(RIBBON, 'Mscrm.Form.msdyn_project.MainTab.Save.Controls._children', 1033);
    expect(first).toMatchObject({ id: 'b.first', label: 'Plain', actions: [], enableRules: [{ kind: 'unsupported', element: 'CommandDefinition c.none (not defined)' }] });
    expect(sync).toEqual({
      id: 'b.form', sequence: 80, label: 'Sync now', tooltip: 'Send it now', image: '$webresource:x_/sync.svg', command: 'c.form',
      actions: [{ library: '$webresource:x_/ribbon.js', functionName: 'X.Ribbon.syncNowForm', parameters: [{ kind: 'crm', value: 'PrimaryControl' }] }],
      enableRules: [
        { kind: 'formState', state: 'Create', invert: true },
        { kind: 'custom', library: '$webresource:x_/ribbon.js', functionName: 'X.Ribbon.isSaved', parameters: [{ kind: 'crm', value: 'PrimaryControl' }], default: false, invert: false },
      ],
    });
  });

  it('grid location: SelectionCountRule, two parameters in order, an unsupported rule kept by name; French labels', () => {
    const [grid] = ribbonButtons(RIBBON, 'Mscrm.HomepageGrid.msdyn_project.MainTab.Management.Controls._children', 1036);
    expect(grid.label).toBe('Synchroniser maintenant');
    expect(grid.actions[0].parameters.map((p) => p.value)).toEqual(['SelectedControlSelectedItemIds', 'SelectedControl']);
    expect(grid.enableRules).toEqual([{ kind: 'selectionCount', minimum: 1, maximum: 250 }, { kind: 'unsupported', element: 'ValueRule' }]);
  });

  it('another location or an empty diff: no buttons', () => {
    expect(ribbonButtons(RIBBON, 'Mscrm.Form.salesorder.MainTab.Save.Controls._children', 1033)).toEqual([]);
    expect(ribbonButtons('<RibbonDiffXml><CustomActions /></RibbonDiffXml>', 'x', 1033)).toEqual([]);
  });
});

describe('form and grid models', () => {
  const schema = new SchemaRegistry();
  const ctx: HostContext = { tables: (n) => schema.byLogicalName(n), allTables: schema.tables(), lcid: 1033 };
  const project = schema.byLogicalName('msdyn_project')!;
  const manifest = `<?xml version="1.0"?><manifest><control namespace="PsaFoSync" constructor="SyncStatus" version="1.2.3"><resources>
    <code path="bundle.js" order="1" /><css path="css/SyncStatus.css" order="1" /><resx path="strings/SyncStatus.1033.resx" version="1.0.0" /><resx path="strings/SyncStatus.1036.resx" version="1.0.0" /></resources></control></manifest>`;
  const control = controlFiles('psafo_PsaFoSync.SyncStatus', manifest);

  it('control files are the web resources ImportSolution stored (cc_<control>/<path>)', () => {
    expect(control).toEqual({
      name: 'psafo_PsaFoSync.SyncStatus', version: '1.2.3', bundle: '/WebResources/cc_psafo_PsaFoSync.SyncStatus/bundle.js',
      css: ['/WebResources/cc_psafo_PsaFoSync.SyncStatus/css/SyncStatus.css'],
      resx: { 1033: '/WebResources/cc_psafo_PsaFoSync.SyncStatus/strings/SyncStatus.1033.resx', 1036: '/WebResources/cc_psafo_PsaFoSync.SyncStatus/strings/SyncStatus.1036.resx' },
    });
  });

  it('a project form: own columns first with PSA labels, lookups with navigation and entity set, the control on the primary name, the OnLoad handler', () => {
    const m = formModel(project, 'abc', { ribbonDiffXml: RIBBON, webResources: new Set(['psafo_/scripts/form.js', 'x_/ribbon.js']), control }, ctx);
    expect(m.table.columns[0]).toMatchObject({ name: 'msdyn_subject', label: 'Name', required: true });
    expect(new Set(m.table.columns.map((c) => c.name).slice(-4))).toEqual(new Set(['createdon', 'modifiedon', 'statecode', 'ownerid']));
    expect(m.table.columns.map((c) => c.name)).not.toContain('msdyn_projectid');
    expect(m.table.columns.find((c) => c.name === 'msdyn_salesorderid')).toMatchObject({ label: 'Contract', targets: { salesorder: { navigation: 'msdyn_salesorderid', entitySet: 'salesorders' } } });
    expect(m.table.columns.find((c) => c.name === 'msdyn_customer')?.targets).toEqual({
      account: { navigation: 'msdyn_customer_account', entitySet: 'accounts' }, contact: { navigation: 'msdyn_customer_contact', entitySet: 'contacts' },
    });
    expect(m.control).toEqual({ files: control, column: 'msdyn_subject', section: 'Finance and Operations' });
    expect(m.onLoad).toEqual([{ library: 'psafo_/scripts/form.js', functionName: 'PsaFoSync.Form.onLoad', passExecutionContext: true }]);
    expect(m.ribbon.map((b) => b.id)).toEqual(['b.first', 'b.form']);
    expect([m.missingLibraries, m.problems]).toEqual([[], []]);
    expect(m.entitySets.msdyn_project).toBe('msdyn_projects');
  });

  it('what the environment lacks becomes a named problem, not a silent gap', () => {
    const m = formModel(project, 'abc', { ribbonDiffXml: RIBBON, webResources: new Set(), control: undefined }, ctx);
    expect(m.missingLibraries).toEqual(['psafo_/scripts/form.js', 'x_/ribbon.js']);
    expect(m.control).toBeUndefined();
    expect(m.problems).toEqual([
      'The web resource psafo_/scripts/form.js is not in this environment: import the solution that contains it.',
      'The web resource x_/ribbon.js is not in this environment: import the solution that contains it.',
      'The control psafo_PsaFoSync.SyncStatus is not in this environment: the column msdyn_subject is shown as plain text.',
    ]);
  });

  it('a grid: the registry columns that exist and the home-grid buttons', () => {
    const g = gridModel(project, { ribbonDiffXml: RIBBON, webResources: new Set(['x_/ribbon.js']) }, ctx);
    expect(g.columns).toEqual(['msdyn_subject', 'msdynce_projectnumber', 'msdyn_customer', 'msdyn_salesorderid', 'msdyn_scheduledstart']);
    expect(g.ribbon.map((b) => b.id)).toEqual(['b.grid']);
    const other = gridModel(schema.byLogicalName('msdyn_transactioncategory')!, { webResources: new Set() }, ctx);
    expect([other.columns, other.ribbon]).toEqual([['msdyn_name', 'createdon'], []]);
  });
});

describe('sessions', () => {
  const token = (expSeconds: number) => `h.${Buffer.from(JSON.stringify({ exp: expSeconds })).toString('base64url')}.s`;

  it('signs in once per browser, answers its cookie with the bearer token, renews a token about to expire', async () => {
    let now = 1_000_000_000;
    let signIns = 0;
    const sessions = new Sessions({ now: () => now, signIn: async () => { signIns += 1; return token(now / 1000 + 3600); } });
    const first = await sessions.ensure(undefined);
    expect(first.setCookie).toMatch(/^psafo_apphost_session=[\w-]{32}; Path=\/; HttpOnly; SameSite=Strict$/);
    const cookie = `other=1; ${first.setCookie!.split(';')[0]}`;
    expect(readCookie(cookie, 'psafo_apphost_session')).toBe(first.id);
    expect(await sessions.ensure(cookie)).toEqual({ id: first.id });
    expect(await sessions.authorization(cookie)).toBe(`Bearer ${token(now / 1000 + 3600)}`);
    expect(signIns).toBe(1);
    now += 3600_000 - 60_000;
    expect(await sessions.authorization(cookie)).toBe(`Bearer ${token(now / 1000 + 3600)}`);
    expect(signIns).toBe(2);
    expect(await sessions.authorization('psafo_apphost_session=forged')).toBeUndefined();
    expect(await sessions.authorization(undefined)).toBeUndefined();
  });
});

describe('HTML', () => {
  it('the model cannot close its script element; error pages and the landing page escape what they show', () => {
    const html = hostPage('<t>', { name: '</script><script>alert(1)</script>' });
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('\\u003c/script>');
    expect(errorPage(404, 'Table not found', 'no "<b>"', 'hint').body).toContain('no &quot;&lt;b&gt;&quot;');
    const landing = landingHtml({ dataverseUrl: 'http://dv', projects: [{ id: 'p"1', name: '<img src=x>' }], contracts: [], entitySets: ['ProjCDSProjects'], runs: [], problems: [] });
    expect(landing).toContain('&lt;img src=x&gt;');
    expect(landing).toContain('id=p%221');
    expect(landing).toContain('href="/finops/ProjCDSProjects"');
  });
});
