/**
 * Collection-valued navigation properties of the Dataverse emulator (PAD webapi/query/join-tables.md):
 * `$expand=<1:N nav>($select;$filter;$orderby;$top)` on entity set and single-row queries, the
 * related collection `<set>(<id>)/<nav>`, `<nav>@odata.nextLink` past 5000 rows, `$metadata`
 * (Collection types, Partner), the errors, dynamics-web-api's `expand: [{ property, select, filter }]`
 * and the form script's environment variable read (webresources/shared/xrm-reads.ts) over a
 * Xrm.WebApi-style adapter that sends its options as the app host's shim does.
 */
import { XMLParser } from 'fast-xml-parser';
import { DynamicsWebApi } from 'dynamics-web-api';
import { SchemaRegistry } from '../../emulators/dataverse/schema/registry';
import { lookup, str } from '../../emulators/dataverse/schema/columns';
import { ENV_VALUES_NAV, envVarQuery } from '../../webresources/shared/env-vars';
import { readEnvVar } from '../../webresources/shared/xrm-reads';
import type { RetrieveApi } from '../../webresources/shared/xrm-reads';
import { startTestEmulators } from '../harness/emulators';
import type { TestEmulators } from '../harness/emulators';

const API = '/api/data/v9.2';
const TASKS = 'msdyn_msdyn_project_msdyn_projecttask_project';
const json = { 'Content-Type': 'application/json' };
type Row = Record<string, unknown>;
let env: TestEmulators;
let dv: ReturnType<TestEmulators['fetchAs']>;
let client: DynamicsWebApi;
let projectA = '';
let projectB = '';
let projectEmpty = '';
let lockRulesDef = '';

/** Percent-encodes a relative URL the way a browser's fetch does (spaces, quotes). */
function encoded(path: string): string {
  const url = new URL(path, 'http://x');
  return `${url.pathname}${url.search}`;
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Row> {
  const res = await dv(encoded(`${API}/${path}`), { headers });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text}`);
  return res.json<Row>();
}

async function post(set: string, body: Row): Promise<string> {
  const res = await dv(`${API}/${set}`, { method: 'POST', headers: json, body: JSON.stringify(body) });
  if (res.status !== 204) throw new Error(`POST ${set}: ${res.status} ${res.text}`);
  return /\(([0-9a-f-]{36})\)$/.exec(String(res.headers['odata-entityid']))?.[1] as string;
}

/** Xrm.WebApi.retrieveMultipleRecords as the app host's shim implements it: entity set + options verbatim, annotations on. */
function xrmWebApi(): RetrieveApi {
  const sets: Record<string, string> = { environmentvariabledefinition: 'environmentvariabledefinitions' };
  return {
    retrieveMultipleRecords: async (table: string, options?: string) => {
      const res = await dv(encoded(`${API}/${sets[table]}${options ?? ''}`), { headers: { Prefer: 'odata.include-annotations="*"' } });
      if (res.status !== 200) throw Object.assign(new Error(res.text), { status: res.status });
      const body = res.json<Row>();
      return { entities: body.value as Row[], nextLink: body['@odata.nextLink'] as string };
    },
  } as unknown as RetrieveApi;
}

const subjects = (rows: unknown) => (rows as Row[]).map((r) => r.msdyn_subject);

beforeAll(async () => {
  env = await startTestEmulators();
  dv = env.fetchAs('dataverse');
  client = new DynamicsWebApi({ serverUrl: env.urls.dataverse, dataApi: { version: '9.2' }, onTokenRefresh: async () => env.token('dataverse') });
  projectA = await post('msdyn_projects', { msdyn_subject: 'Expand A' });
  projectB = await post('msdyn_projects', { msdyn_subject: 'Expand B' });
  projectEmpty = await post('msdyn_projects', { msdyn_subject: 'Expand empty' });
  for (const [i, effort] of [3, 1, 8, 5].entries()) {
    await post('msdyn_projecttasks', { msdyn_subject: `A-${i}`, msdyn_effort: effort, 'msdyn_project@odata.bind': `/msdyn_projects(${projectA})` });
  }
  await post('msdyn_projecttasks', { msdyn_subject: 'B-0', msdyn_effort: 9, 'msdyn_project@odata.bind': `/msdyn_projects(${projectB})` });
  lockRulesDef = await post('environmentvariabledefinitions', { schemaname: 'psafo_FieldLockRules', defaultvalue: '{"default":true}' });
  await post('environmentvariablevalues', { schemaname: 'psafo_FieldLockRules', value: '{"current":true}',
    'EnvironmentVariableDefinitionId@odata.bind': `/environmentvariabledefinitions(${lockRulesDef})` });
  await post('environmentvariabledefinitions', { schemaname: 'psafo_StatusRefreshSeconds', defaultvalue: '30' });
});
afterAll(async () => env?.close());

describe('$expand of a collection-valued navigation property', () => {
  it('answers the form script query for an environment variable with its values', async () => {
    const body = await get(`environmentvariabledefinitions${envVarQuery('psafo_FieldLockRules')}`);
    const rows = body.value as Row[];
    expect(rows).toHaveLength(1);
    expect(rows[0].schemaname).toBe('psafo_FieldLockRules');
    const values = rows[0][ENV_VALUES_NAV] as Row[];
    expect(values).toHaveLength(1);
    expect(values[0].value).toBe('{"current":true}');
    expect(Object.keys(values[0]).sort()).toEqual(['@odata.etag', 'environmentvariablevalueid', 'value']);
  });

  it('reads the current value, else the default, through the Xrm.WebApi-style call of xrm-reads.ts', async () => {
    const api = xrmWebApi();
    expect(await readEnvVar(api, 'psafo_FieldLockRules')).toBe('{"current":true}');
    expect(await readEnvVar(api, 'psafo_StatusRefreshSeconds')).toBe('30');
    expect(await readEnvVar(api, 'psafo_Missing')).toBeNull();
  });

  it('groups children per parent in an entity set query; a parent without children gets []', async () => {
    const body = await get(`msdyn_projects?$select=msdyn_subject&$filter=startswith(msdyn_subject,'Expand')&$orderby=msdyn_subject&$expand=${TASKS}($select=msdyn_subject)`);
    const rows = body.value as Row[];
    expect(rows.map((r) => r.msdyn_subject)).toEqual(['Expand A', 'Expand B', 'Expand empty']);
    expect(subjects(rows[0][TASKS]).sort()).toEqual(['A-0', 'A-1', 'A-2', 'A-3']);
    expect(subjects(rows[1][TASKS])).toEqual(['B-0']);
    expect(rows[2][TASKS]).toEqual([]);
    expect(rows[0][`${TASKS}@odata.nextLink`]).toBeUndefined();
  });

  it('applies $filter, $orderby and $top inside the expand on a single-row retrieve', async () => {
    const body = await get(`msdyn_projects(${projectA})?$select=msdyn_subject&$expand=${TASKS}($select=msdyn_subject,msdyn_effort;$filter=msdyn_effort gt 2;$orderby=msdyn_effort desc;$top=2)`);
    expect(body[TASKS]).toEqual([
      expect.objectContaining({ msdyn_subject: 'A-2', msdyn_effort: 8 }),
      expect.objectContaining({ msdyn_subject: 'A-3', msdyn_effort: 5 }),
    ]);
  });

  it('expands both directions of a polymorphic lookup (order_customer_accounts) and a single-valued lookup beside it', async () => {
    const account = await post('accounts', { name: 'Expand customer' });
    await post('salesorders', { name: 'Order for expand', 'customerid_account@odata.bind': `/accounts(${account})` });
    const body = await get(`accounts(${account})?$select=name&$expand=order_customer_accounts($select=name),createdby($select=fullname)`);
    expect((body.order_customer_accounts as Row[]).map((r) => r.name)).toEqual(['Order for expand']);
    expect(body.createdby).toEqual(expect.objectContaining({ systemuserid: expect.any(String) }));
  });

  it('serves the related collection <set>(<id>)/<nav> with paging', async () => {
    const first = await get(`msdyn_projects(${projectA})/${TASKS}?$select=msdyn_subject`, { Prefer: 'odata.maxpagesize=3' });
    expect(first.value as Row[]).toHaveLength(3);
    const next = String(first['@odata.nextLink']);
    expect(next).toContain(`/msdyn_projects(${projectA})/${TASKS}?`);
    const second = await get(next.slice(next.indexOf(`${API}/`) + API.length + 1), { Prefer: 'odata.maxpagesize=3' });
    expect(subjects([...(first.value as Row[]), ...(second.value as Row[])]).sort()).toEqual(['A-0', 'A-1', 'A-2', 'A-3']);
    expect(second['@odata.nextLink']).toBeUndefined();
    const empty = await get(`msdyn_projects(${projectEmpty})/${TASKS}`);
    expect(empty.value).toEqual([]);
  });

  it('caps an expanded collection at 5000 rows and links the rest with <nav>@odata.nextLink', async () => {
    const big = await post('msdyn_projects', { msdyn_subject: 'Big' });
    const type = 'Microsoft.Dynamics.CRM.msdyn_projecttask';
    const targets = Array.from({ length: 5003 }, (_, i) => ({ '@odata.type': type, msdyn_subject: `Big-${i}`, 'msdyn_project@odata.bind': `/msdyn_projects(${big})` }));
    const created = await dv(`${API}/msdyn_projecttasks/Microsoft.Dynamics.CRM.CreateMultiple`, { method: 'POST', headers: json, body: JSON.stringify({ Targets: targets }) });
    expect(created.status).toBe(200);
    const body = await get(`msdyn_projects(${big})?$select=msdyn_subject&$expand=${TASKS}($select=msdyn_subject)`);
    expect(body[TASKS] as Row[]).toHaveLength(5000);
    const link = String(body[`${TASKS}@odata.nextLink`]);
    expect(link).toMatch(new RegExp(`/msdyn_projects\\(${big}\\)/${TASKS}\\?\\$select=msdyn_subject&\\$skiptoken=`));
    const rest = await get(link.slice(link.indexOf(`${API}/`) + API.length + 1));
    expect(rest.value as Row[]).toHaveLength(3);
    const all = new Set(subjects([...(body[TASKS] as Row[]), ...(rest.value as Row[])]));
    expect(all.size).toBe(5003);
    const top = await get(`msdyn_projects(${big})?$select=msdyn_subject&$expand=${TASKS}($select=msdyn_subject;$top=10)`);
    expect(top[TASKS] as Row[]).toHaveLength(10);
    expect(top[`${TASKS}@odata.nextLink`]).toBeUndefined();
  });
});

describe('errors', () => {
  it.each([
    ['unknown navigation property', `msdyn_projects?$expand=nosuch_tasks`, 400, /Could not find a property named 'nosuch_tasks' on type 'Microsoft.Dynamics.CRM.msdyn_project'/],
    ['unknown column in the expand $select', `msdyn_projects?$expand=${TASKS}($select=nosuch)`, 400, /'nosuch' on type 'Microsoft.Dynamics.CRM.msdyn_projecttask'/],
    ['unknown column in the expand $filter', `msdyn_projects?$expand=${TASKS}($filter=nosuch eq 1)`, 400, /'nosuch' on type 'Microsoft.Dynamics.CRM.msdyn_projecttask'/],
    ['$count inside $expand', `msdyn_projects?$expand=${TASKS}($count=true)`, 400, /'\$count' is not supported inside \$expand/],
    ['bad $top inside $expand', `msdyn_projects?$expand=${TASKS}($top=x)`, 400, /Invalid value 'x' for \$top/],
    ['$filter on a single-valued navigation property', `msdyn_projecttasks?$expand=msdyn_project($filter=msdyn_subject eq 'x')`, 400, /single-valued navigation property 'msdyn_project'/],
    ['nested $expand', `msdyn_projects?$expand=${TASKS}($expand=msdyn_transactioncategory)`, 501, /nested \$expand .* is not implemented/],
  ])('%s', async (_name, path, status, message) => {
    const res = await dv(encoded(`${API}/${path}`));
    expect(res.status).toBe(status);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(message);
  });

  it('404 for the related collection of a missing row', async () => {
    const res = await dv(`${API}/msdyn_projects(00000000-0000-0000-0000-000000000001)/${TASKS}`);
    expect(res.status).toBe(404);
  });
});

describe('$metadata and the schema', () => {
  it('declares the collection-valued navigation property with its partner, and the binding', async () => {
    const res = await dv(`${API}/$metadata`);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(res.text);
    const schema = doc['edmx:Edmx']['edmx:DataServices'].Schema;
    const type = (name: string) => (schema.EntityType as Row[]).find((t) => t.Name === name) as Row;
    const navs = (name: string) => ([] as Row[]).concat(type(name).NavigationProperty as Row[]);
    expect(navs('environmentvariabledefinition')).toContainEqual(expect.objectContaining({
      Name: ENV_VALUES_NAV, Type: 'Collection(mscrm.environmentvariablevalue)', Partner: 'EnvironmentVariableDefinitionId' }));
    expect(navs('environmentvariablevalue')).toContainEqual(expect.objectContaining({ Name: 'EnvironmentVariableDefinitionId', Partner: ENV_VALUES_NAV }));
    expect(navs('msdyn_project')).toContainEqual(expect.objectContaining({ Name: TASKS, Type: 'Collection(mscrm.msdyn_projecttask)', Partner: 'msdyn_project' }));
    const set = (schema.EntityContainer.EntitySet as Row[]).find((s) => s.Name === 'environmentvariabledefinitions') as Row;
    expect(([] as Row[]).concat(set.NavigationPropertyBinding as Row[])).toContainEqual({ Path: ENV_VALUES_NAV, Target: 'environmentvariablevalues' });
  });

  it('gives a table registered at run time the reverse of its lookups (generic and system names)', () => {
    const registry = new SchemaRegistry();
    registry.register({ logicalName: 'psafo_note', entitySetName: 'psafo_notes', primaryIdAttribute: 'psafo_noteid',
      attributes: [str('psafo_name'), lookup('psafo_account', 'account')] });
    const account = registry.byLogicalName('account');
    expect(account?.collections.get('account_psafo_note_psafo_account')).toEqual(expect.objectContaining({ table: 'psafo_note', partner: 'psafo_account' }));
    expect(registry.byLogicalName('systemuser')?.collections.has('lk_psafo_note_createdby')).toBe(true);
    expect(registry.byLogicalName('systemuser')?.collections.has('user_psafo_note')).toBe(true);
  });
});

describe('dynamics-web-api', () => {
  it('retrieveMultiple with expand: [{ property, select, filter, orderBy }]', async () => {
    const res = await client.retrieveMultiple({
      collection: 'msdyn_projects', select: ['msdyn_subject'], filter: `msdyn_projectid eq ${projectA}`,
      expand: [{ property: TASKS, select: ['msdyn_subject'], filter: 'msdyn_effort ge 3', orderBy: ['msdyn_subject desc'] }],
    });
    expect(res.value).toHaveLength(1);
    expect(subjects(res.value[0][TASKS])).toEqual(['A-3', 'A-2', 'A-0']);
  });

  it('retrieve with expand on the environment variable definition', async () => {
    const row = await client.retrieve({ collection: 'environmentvariabledefinitions', key: lockRulesDef, select: ['schemaname'],
      expand: [{ property: ENV_VALUES_NAV, select: ['value'] }] });
    expect((row[ENV_VALUES_NAV] as Row[]).map((v) => v.value)).toEqual(['{"current":true}']);
  });
});
