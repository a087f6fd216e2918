/**
 * Raw-HTTP conformance of the Dataverse emulator's OData surface: service document, $metadata
 * annotations, query options ($filter functions, lookups, dates, In, $expand, $count),
 * annotations on request, paging corners, delta paging, PSA auto-numbers, single-property writes,
 * and persistence under a data directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { allowAll } from '../../emulators/common/auth';
import { DataverseEmulator } from '../../emulators/dataverse/server';
import { rawRequest, startTestEmulators } from '../harness/emulators';
import type { TestEmulators } from '../harness/emulators';

const API = '/api/data/v9.2';
const json = { 'Content-Type': 'application/json' };
let env: TestEmulators;
let dv: ReturnType<TestEmulators['fetchAs']>;
type Row = Record<string, unknown>;

async function post(set: string, body: Row): Promise<string> {
  const res = await dv(`${API}/${set}`, { method: 'POST', headers: json, body: JSON.stringify(body) });
  expect(res.status).toBe(204);
  return /\(([0-9a-f-]{36})\)$/.exec(String(res.headers['odata-entityid']))?.[1] as string;
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Row> {
  const res = await dv(`${API}/${path.replace(/ /g, '%20')}`, { headers });
  expect(res.status).toBe(200);
  return res.json<Row>();
}

const values = (body: Row) => body.value as Row[];
let unitUs = '';
let projectA = '';

beforeAll(async () => {
  env = await startTestEmulators();
  dv = env.fetchAs('dataverse');
  unitUs = await post('msdyn_organizationalunits', { msdyn_name: 'Contoso US' });
  const customer = await post('accounts', { name: "O'Brien Consulting", accountnumber: 'OD-1', paymenttermscode: 2, creditlimit: 15000.5 });
  projectA = await post('msdyn_projects', {
    msdyn_subject: 'Alpha', msdyn_scheduledstart: '2024-03-01T09:00:00Z',
    'msdyn_customer_account@odata.bind': `/accounts(${customer})`, 'msdyn_contractorganizationalunitid@odata.bind': `/msdyn_organizationalunits(${unitUs})`,
  });
  await post('msdyn_projects', { msdyn_subject: 'Beta', msdyn_scheduledstart: '2024-05-15T00:00:00Z' });
  await post('msdyn_projects', { msdyn_subject: 'Gamma' });
  for (let i = 0; i < 12; i++) await post('msdyn_actuals', { msdyn_description: `Actual ${i}`, msdyn_quantity: i, msdyn_transactionclassification: i % 2 ? 192350001 : 192350000, 'msdyn_project@odata.bind': `/msdyn_projects(${projectA})` });
});
afterAll(async () => env?.close());

describe('service document and $metadata', () => {
  it('lists the PSA and platform entity sets', async () => {
    const body = await get('');
    const names = values(body).map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['accounts', 'salesorders', 'salesorderdetails', 'msdyn_projects', 'msdyn_projecttasks',
      'msdyn_contractlinescheduleofvalues', 'msdyn_transactioncategories', 'msdyn_estimatelines', 'msdyn_transactionconnections', 'msdyn_actuals',
      'msdyn_organizationalunits', 'transactioncurrencies', 'systemusers', 'solutions', 'webresourceset', 'environmentvariabledefinitions',
      'environmentvariablevalues', 'customapis', 'customapirequestparameters', 'serviceendpoints', 'sdkmessageprocessingsteps', 'sdkmessages',
      'sdkmessagefilters', 'importjobs', 'publishers']));
    expect(values(body)[0]).toEqual({ name: expect.any(String), kind: 'EntitySet', url: expect.any(String) });
  });

  it('describes keys, lookups, alternate keys and (with annotations=true) change tracking', async () => {
    const res = await dv(`${API}/$metadata?annotations=true`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^application\/xml/);
    type Xml = Record<string, unknown>;
    const at = (node: unknown, ...path: string[]): Xml => path.reduce<Xml>((n, k) => n[k] as Xml, node as Xml);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(res.text) as Xml;
    const schema = at(doc, 'edmx:Edmx', 'edmx:DataServices', 'Schema');
    expect(schema.Namespace).toBe('Microsoft.Dynamics.CRM');
    const project = (schema.EntityType as Row[]).find((t) => t.Name === 'msdyn_project') as Xml;
    expect(at(project, 'Key', 'PropertyRef').Name).toBe('msdyn_projectid');
    expect((project.Property as Row[]).map((p) => p.Name)).toEqual(expect.arrayContaining(['msdyn_subject', 'msdynce_projectnumber', '_msdyn_customer_value']));
    expect((project.NavigationProperty as Row[]).map((p) => p.Name)).toEqual(expect.arrayContaining(['msdyn_customer_account', 'msdyn_salesorderid']));
    const typeNames = new Set((schema.EntityType as Xml[]).map((t) => `mscrm.${String(t.Name)}`));
    const navTypes = (schema.EntityType as Xml[]).flatMap((t) => ([] as Xml[]).concat((t.NavigationProperty as Xml[] | Xml | undefined) ?? []).map((n) => String(n.Type).replace(/^Collection\((.*)\)$/, '$1')));
    expect(navTypes.filter((n) => !typeNames.has(n))).toEqual([]);
    const keys = at(project, 'Annotation');
    expect(keys.Term).toBe('OData.Community.Keys.V1.AlternateKeys');
    expect(JSON.stringify(keys)).toContain('"PropertyPath":"msdynce_projectnumber"');
    const sets = at(schema, 'EntityContainer').EntitySet as Xml[];
    const actuals = sets.find((s) => s.Name === 'msdyn_actuals') as Xml;
    expect(at(actuals, 'Annotation').Term).toBe('Org.OData.Capabilities.V1.ChangeTracking');
    expect(at(actuals, 'Annotation', 'Record', 'PropertyValue')).toEqual({ Property: 'Supported', Bool: 'true' });
  });
});

describe('query options', () => {
  it('$filter: functions, escaped quotes, numbers, dates, null, not, parentheses', async () => {
    expect(values(await get("accounts?$select=name&$filter=name eq 'O''Brien Consulting'"))).toHaveLength(1);
    expect(values(await get("accounts?$select=name&$filter=contains(name,'brien')"))).toHaveLength(1);
    expect(values(await get("accounts?$select=name&$filter=endswith(name,'CONSULTING') and creditlimit gt 15000"))).toHaveLength(1);
    expect(values(await get('accounts?$select=name&$filter=creditlimit gt 20000'))).toHaveLength(0);
    const dated = values(await get('msdyn_projects?$select=msdyn_subject&$filter=msdyn_scheduledstart ge 2024-04-01&$orderby=msdyn_subject'));
    expect(dated.map((r) => r.msdyn_subject)).toEqual(['Beta']);
    const nulls = values(await get('msdyn_projects?$select=msdyn_subject&$filter=msdyn_scheduledstart eq null'));
    expect(nulls.map((r) => r.msdyn_subject)).toEqual(['Gamma']);
    const not = values(await get("msdyn_projects?$select=msdyn_subject&$filter=not (msdyn_subject eq 'Alpha' or msdyn_subject eq 'Beta')"));
    expect(not.map((r) => r.msdyn_subject)).toEqual(['Gamma']);
  });

  it('$filter on lookups (_x_value with quoted or bare GUIDs, and one hop of traversal)', async () => {
    expect(values(await get(`msdyn_actuals?$select=msdyn_description&$filter=_msdyn_project_value eq ${projectA}`))).toHaveLength(12);
    expect(values(await get(`msdyn_actuals?$select=msdyn_description&$filter=_msdyn_project_value eq '${projectA}'`))).toHaveLength(12);
    expect(values(await get("msdyn_projects?$select=msdyn_subject&$filter=msdyn_contractorganizationalunitid/msdyn_name eq 'Contoso US'"))).toHaveLength(1);
  });

  it('Microsoft.Dynamics.CRM.In / Between / NotNull and the OData in operator', async () => {
    const inFn = values(await get("msdyn_projects?$select=msdyn_subject&$filter=Microsoft.Dynamics.CRM.In(PropertyName='msdyn_subject',PropertyValues=['Alpha','Gamma'])&$orderby=msdyn_subject"));
    expect(inFn.map((r) => r.msdyn_subject)).toEqual(['Alpha', 'Gamma']);
    const inOp = values(await get("msdyn_projects?$select=msdyn_subject&$filter=msdyn_subject in ('Beta','Gamma')"));
    expect(inOp).toHaveLength(2);
    const between = values(await get("msdyn_actuals?$select=msdyn_quantity&$filter=Microsoft.Dynamics.CRM.Between(PropertyName='msdyn_quantity',PropertyValues=['3','5'])"));
    expect(between.map((r) => r.msdyn_quantity).sort()).toEqual([3, 4, 5]);
    expect(values(await get("msdyn_projects?$select=msdyn_subject&$filter=Microsoft.Dynamics.CRM.NotNull(PropertyName='msdyn_scheduledstart')"))).toHaveLength(2);
  });

  it('parameter aliases, $count, $top', async () => {
    const aliased = values(await get("msdyn_projects?$select=msdyn_subject&$filter=msdyn_subject eq @p1&@p1='Beta'"));
    expect(aliased).toHaveLength(1);
    const counted = await get('msdyn_actuals?$select=msdyn_quantity&$count=true&$top=2&$filter=msdyn_transactionclassification eq 192350001');
    expect(counted['@odata.count']).toBe(6);
    expect(values(counted)).toHaveLength(2);
    const count = await dv(`${API}/msdyn_actuals/$count`);
    expect(count.text).toBe('12');
  });

  it('$select always returns the key and the etag; no $select returns every column, nulls included', async () => {
    const one = values(await get("accounts?$select=name&$filter=accountnumber eq 'OD-1'"))[0];
    expect(Object.keys(one).sort()).toEqual(['@odata.etag', 'accountid', 'name']);
    const all = values(await get("accounts?$filter=accountnumber eq 'OD-1'"))[0];
    expect(all).toMatchObject({ telephone1: null, paymenttermscode: 2, statecode: 0, statuscode: 1, _ownerid_value: expect.any(String) });
    expect(all.versionnumber).toEqual(Number(/"(\d+)"/.exec(String(all['@odata.etag']))?.[1]));
  });

  it('single-valued $expand with nested $select, and formatted values on request', async () => {
    const body = await get(`msdyn_projects(${projectA})?$select=msdyn_subject,msdyn_scheduledstart&$expand=msdyn_customer_account($select=name,paymenttermscode),msdyn_contractorganizationalunitid($select=msdyn_name)`,
      { Prefer: 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"' });
    expect(body.msdyn_customer_account).toMatchObject({ name: "O'Brien Consulting", paymenttermscode: 2, 'paymenttermscode@OData.Community.Display.V1.FormattedValue': '2% 10, Net 30' });
    expect(body.msdyn_contractorganizationalunitid).toMatchObject({ msdyn_name: 'Contoso US', msdyn_organizationalunitid: unitUs });
    expect(body['msdyn_scheduledstart@OData.Community.Display.V1.FormattedValue']).toBe('3/1/2024 9:00 AM');
    expect(body['msdyn_scheduledstart@Microsoft.Dynamics.CRM.lookuplogicalname']).toBeUndefined();
  });
});

describe('paging corners', () => {
  it('pages with $orderby, caps odata.maxpagesize at 5000 and echoes Preference-Applied', async () => {
    const res = await dv(`${API}/msdyn_actuals?$select=msdyn_quantity&$orderby=msdyn_quantity%20desc`, { headers: { Prefer: 'odata.maxpagesize=5' } });
    expect(res.headers['preference-applied']).toBe('odata.maxpagesize=5');
    let body = res.json<Row>();
    const seen: unknown[] = [];
    for (;;) {
      seen.push(...values(body).map((r) => r.msdyn_quantity));
      if (!body['@odata.nextLink']) break;
      expect(String(body['@odata.nextLink'])).toMatch(/\$skiptoken=%3Ccookie%20pagenumber%3D%22\d+%22/);
      const next = await rawRequest(String(body['@odata.nextLink']), { headers: { Prefer: 'odata.maxpagesize=5', Authorization: `Bearer ${await env.token('dataverse')}` } });
      body = next.json<Row>();
    }
    expect(seen).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    const big = await dv(`${API}/msdyn_actuals?$select=msdyn_quantity`, { headers: { Prefer: 'odata.maxpagesize=9000' } });
    expect(big.headers['preference-applied']).toBe('odata.maxpagesize=5000');
  });

  it('pages a delta over many changes and ends with a delta link', async () => {
    const start = await get('msdyn_actuals?$select=msdyn_description', { Prefer: 'odata.track-changes' });
    const deltaLink = String(start['@odata.deltaLink']);
    expect(deltaLink).toMatch(/\$deltatoken=\d+%21\d{2}%2F\d{2}%2F\d{4}%20\d{2}%3A\d{2}%3A\d{2}$/);
    const ids = values(start).map((r) => r.msdyn_actualid as string);
    for (const id of ids.slice(0, 7)) await dv(`${API}/msdyn_actuals(${id})`, { method: 'PATCH', headers: { ...json, 'If-Match': '*' }, body: '{"msdyn_description":"changed"}' });
    for (const id of ids.slice(7, 10)) await dv(`${API}/msdyn_actuals(${id})`, { method: 'DELETE' });
    const token = `Bearer ${await env.token('dataverse')}`;
    let page = (await rawRequest(deltaLink, { headers: { Prefer: 'odata.maxpagesize=4', Authorization: token } })).json<Row>();
    const changed: string[] = [];
    const deleted: string[] = [];
    let pages = 0;
    for (;;) {
      pages++;
      expect(String(page['@odata.context'])).toMatch(/\/\$delta$/);
      for (const r of values(page)) (r.reason === 'deleted' ? deleted : changed).push((r.id ?? r.msdyn_actualid) as string);
      if (!page['@odata.nextLink']) break;
      page = (await rawRequest(String(page['@odata.nextLink']), { headers: { Prefer: 'odata.maxpagesize=4', Authorization: token } })).json<Row>();
    }
    expect(pages).toBe(3);
    expect(changed.sort()).toEqual(ids.slice(0, 7).sort());
    expect(deleted.sort()).toEqual(ids.slice(7, 10).sort());
    expect(page['@odata.deltaLink']).toBeDefined();
  });
});

describe('writes', () => {
  it('gives PSA auto-numbers to projects and orders', async () => {
    const order = await dv(`${API}/salesorders?$select=ordernumber`, { method: 'POST', headers: { ...json, Prefer: 'return=representation' }, body: JSON.stringify({ name: 'Contract 1', msdyn_ordertype: 192350001 }) });
    expect(order.status).toBe(201);
    expect(order.json<Row>().ordernumber).toMatch(/^ORD-\d{5}-[A-Z0-9]{6}$/);
    const a = (await get(`msdyn_projects(${projectA})?$select=msdynce_projectnumber`)).msdynce_projectnumber as string;
    const numbers = values(await get('msdyn_projects?$select=msdynce_projectnumber&$orderby=createdon,msdynce_projectnumber')).map((r) => Number(String(r.msdynce_projectnumber).split('-')[1]));
    expect(a).toMatch(/^PRJ-01000-[A-Z0-9]{6}$/);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('PUT and DELETE of a single property, and $ref on a lookup', async () => {
    const id = await post('accounts', { name: 'Props', accountnumber: 'PR-1', telephone1: '1' });
    expect((await dv(`${API}/accounts(${id})/telephone1`, { method: 'PUT', headers: json, body: '{"value":"555"}' })).status).toBe(204);
    expect((await get(`accounts(${id})/telephone1`)).value).toBe('555');
    expect((await dv(`${API}/accounts(${id})/telephone1`, { method: 'DELETE' })).status).toBe(204);
    expect((await dv(`${API}/accounts(${id})/telephone1`)).status).toBe(204);
    const ref = await dv(`${API}/msdyn_projects(${projectA})/msdyn_customer_account/$ref`, { method: 'DELETE' });
    expect(ref.status).toBe(204);
    expect((await get(`msdyn_projects(${projectA})?$select=_msdyn_customer_value`))._msdyn_customer_value).toBeNull();
  });

  it('upsert with return=representation: 201 on create, 200 on update, with the ETag header', async () => {
    const first = await dv(`${API}/accounts(accountnumber='UP-9')?$select=name`, { method: 'PATCH', headers: { ...json, Prefer: 'return=representation' }, body: '{"name":"Up 1"}' });
    expect(first.status).toBe(201);
    expect(first.headers.etag).toMatch(/^W\/"\d+"$/);
    const second = await dv(`${API}/accounts(accountnumber='UP-9')?$select=name`, { method: 'PATCH', headers: { ...json, Prefer: 'return=representation' }, body: '{"name":"Up 2"}' });
    expect(second.status).toBe(200);
    expect(second.json<Row>().name).toBe('Up 2');
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });
});

describe('persistence', () => {
  it('keeps rows, versions and registered tables in the data directory across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dv-persist-'));
    try {
      const a = new DataverseEmulator({ auth: allowAll, dataDir: dir });
      a.registerTable({ logicalName: 'psafo_probe', entitySetName: 'psafo_probes', primaryIdAttribute: 'psafo_probeid', primaryNameAttribute: 'psafo_name', attributes: [{ name: 'psafo_name', type: 'string', maxLength: 100 }], changeTracking: true });
      const { url } = await a.start();
      const created = await rawRequest(`${url}${API}/psafo_probes`, { method: 'POST', headers: { ...json, Prefer: 'return=representation' }, body: '{"psafo_name":"kept"}' });
      expect(created.status).toBe(201);
      const etag = created.json<Row>()['@odata.etag'];
      await a.close();
      const b = new DataverseEmulator({ auth: allowAll, dataDir: dir });
      const { url: url2 } = await b.start();
      const res = await rawRequest(`${url2}${API}/psafo_probes?$select=psafo_name`);
      expect(res.json<Row>().value).toEqual([expect.objectContaining({ psafo_name: 'kept', '@odata.etag': etag })]);
      const next = await rawRequest(`${url2}${API}/psafo_probes`, { method: 'POST', headers: { ...json, Prefer: 'return=representation' }, body: '{"psafo_name":"new"}' });
      expect(Number(/"(\d+)"/.exec(String(next.json<Row>()['@odata.etag']))?.[1])).toBeGreaterThan(Number(/"(\d+)"/.exec(String(etag))?.[1]));
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
