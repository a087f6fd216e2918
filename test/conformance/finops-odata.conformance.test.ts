import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { startFinOps, type FinOpsHarness } from '../harness/finops';

// Generous: CI runs every tier at once on 2 shared cores.
jest.setTimeout(60_000);

/** F&O OData reads: service document, $metadata, paging, query options, cross-company, keys with dataAreaId. */
type Page = { value: Array<Record<string, unknown>>; '@odata.nextLink'?: string; '@odata.count'?: number; '@odata.context': string };

const customers = (company: string, n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({
    dataAreaId: company,
    CustomerAccount: `${prefix}-${String(i).padStart(6, '0')}`,
    OrganizationName: i % 2 === 0 ? `Fabrikam Retail ${i}` : `Contoso Wholesale ${i}`,
    CustomerGroupId: i % 3 === 0 ? '20' : '10',
    CreditLimit: i,
    PartyType: 'Organization',
  }));

describe('F&O emulator: OData reads', () => {
  let fo: FinOpsHarness;

  beforeAll(async () => {
    fo = await startFinOps();
    fo.emulator.seed({ finops: [{ entitySet: 'CustomersV3', records: [...customers('usmf', 25_000, 'M'), ...customers('ussi', 30, 'S')] }] });
  });
  afterAll(() => fo.close());

  it('serves the service document with every entity set', async () => {
    const res = await fo.call('/data/');
    expect(res.status).toBe(200);
    expect(res.headers.get('odata-version')).toBe('4.0');
    const doc = (await res.json()) as { value: Array<{ name: string; kind: string }> };
    const names = doc.value.map((v) => v.name);
    for (const set of ['CustomersV3', 'ProjCDSProjectContracts', 'ProjCDSProjects', 'ProjCDSContractLineImports', 'ProjCDSContractLineMilestoneImports', 'ProjCDSTasks', 'ProjCDSCategories', 'ProjCDSEstimateHours', 'ProjCDSTransactionRelationshipImports', 'ProjCDSEstimateExpensesImports', 'ProjCDSActualsImports', 'LegalEntities', 'ProjCDSIntegrationParameters', 'ProjCDSIntegrationJournalLines']) {
      expect(names).toContain(set);
    }
  });

  it('serves $metadata with keys that include dataAreaId and string lengths', async () => {
    const res = await fo.call('/data/$metadata');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/xml/);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await res.text());
    const schema = xml['edmx:Edmx']['edmx:DataServices'].Schema;
    expect(schema.Namespace).toBe('Microsoft.Dynamics.DataEntities');
    const project = schema.EntityType.find((t: { Name: string }) => t.Name === 'ProjCDSProject');
    expect(project.Key.PropertyRef.map((p: { Name: string }) => p.Name)).toEqual(['dataAreaId', 'ProjectID']);
    const name = project.Property.find((p: { Name: string }) => p.Name === 'ProjectName');
    expect(name).toMatchObject({ Type: 'Edm.String', MaxLength: '60' });
    const type = project.Property.find((p: { Name: string }) => p.Name === 'ProjectType');
    expect(type.Type).toBe('Microsoft.Dynamics.DataEntities.ProjType');
    const sets = schema.EntityContainer.EntitySet.map((s: { Name: string }) => s.Name);
    expect(sets).toContain('ProjCDSActualsImports');
  });

  it('pages at 10,000 rows with @odata.nextLink and returns every row exactly once', async () => {
    const seen = new Set<unknown>();
    let next: string | undefined = '/data/CustomersV3?$select=CustomerAccount';
    let pages = 0;
    while (next) {
      const res = await fo.call(next.startsWith('http') ? next.slice(fo.url.length) : next);
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      pages++;
      if (page['@odata.nextLink']) expect(page.value).toHaveLength(10_000);
      for (const row of page.value) seen.add(row.CustomerAccount);
      next = page['@odata.nextLink'];
    }
    expect(pages).toBe(3);
    expect(seen.size).toBe(25_000);
  });

  it('honours Prefer odata.maxpagesize and $top across pages', async () => {
    const res = await fo.call('/data/CustomersV3?$top=25&$orderby=CustomerAccount', { headers: { Prefer: 'odata.maxpagesize=10' } });
    expect(res.headers.get('preference-applied')).toBe('odata.maxpagesize=10');
    const first = (await res.json()) as Page;
    expect(first.value).toHaveLength(10);
    expect(first['@odata.nextLink']).toContain('%24skip=10');
    const all = [...first.value];
    let next = first['@odata.nextLink'];
    while (next) {
      const page = (await (await fo.call(next.slice(fo.url.length), { headers: { Prefer: 'odata.maxpagesize=10' } })).json()) as Page;
      all.push(...page.value);
      next = page['@odata.nextLink'];
    }
    expect(all.map((r) => r.CustomerAccount)).toEqual(Array.from({ length: 25 }, (_, i) => `M-${String(i).padStart(6, '0')}`));
  });

  it('supports $skip, $orderby desc, $count and $select', async () => {
    const res = await fo.call('/data/CustomersV3?$orderby=CustomerAccount desc&$skip=2&$top=2&$count=true&$select=CustomerAccount,CreditLimit');
    const page = (await res.json()) as Page;
    expect(page['@odata.count']).toBe(25_000);
    expect(page['@odata.context']).toBe(`${fo.url}/data/$metadata#CustomersV3(CustomerAccount,CreditLimit)`);
    expect(page.value.map((r) => r.CustomerAccount)).toEqual(['M-024997', 'M-024996']);
    expect(Object.keys(page.value[0]).sort()).toEqual(['@odata.etag', 'CreditLimit', 'CustomerAccount']);
    const count = await fo.call('/data/CustomersV3/$count?$filter=CustomerGroupId eq \'20\'');
    expect(await count.text()).toBe(String(Math.ceil(25_000 / 3)));
  });

  it('filters with eq/ne/gt/lt/and/or, wildcards, case-insensitive strings and enum literals', async () => {
    const q = async (filter: string) => ((await (await fo.call(`/data/CustomersV3?$count=true&$top=0&$filter=${encodeURIComponent(filter)}`)).json()) as Page)['@odata.count'];
    expect(await q("CustomerAccount eq 'm-000005'")).toBe(1);
    expect(await q('CreditLimit gt 24990')).toBe(9);
    expect(await q('CreditLimit lt 10 and CustomerGroupId ne \'20\'')).toBe(6);
    expect(await q("CreditLimit lt 2 or CustomerAccount eq 'M-000100'")).toBe(3);
    expect(await q("OrganizationName eq '*retail 12*'")).toBe(Array.from({ length: 25_000 }, (_, i) => i).filter((i) => i % 2 === 0 && String(i).startsWith('12')).length);
    expect(await q("not (CreditLimit ge 5)")).toBe(5);
    expect(await q("PartyType eq Microsoft.Dynamics.DataEntities.DirPartyType'Organization'")).toBe(25_000);
    expect(await q("PartyType ne Microsoft.Dynamics.DataEntities.DirPartyType'Organization'")).toBe(0);
  });

  it('scopes reads to the default company (USMF) unless cross-company=true', async () => {
    const def = (await (await fo.call("/data/CustomersV3?$count=true&$top=1&$filter=dataAreaId eq 'ussi'")).json()) as Page;
    expect(def['@odata.count']).toBe(0);
    const cross = (await (await fo.call("/data/CustomersV3?cross-company=true&$count=true&$top=1&$filter=dataAreaId eq 'ussi'")).json()) as Page;
    expect(cross['@odata.count']).toBe(30);
    expect(cross.value[0].dataAreaId).toBe('ussi');
    const all = (await (await fo.call('/data/CustomersV3?cross-company=true&$count=true&$top=0')).json()) as Page;
    expect(all['@odata.count']).toBe(25_030);
  });

  it('reads one entity by a key with dataAreaId (in any company), case-insensitively', async () => {
    const res = await fo.call("/data/CustomersV3(dataAreaId='USSI',CustomerAccount='s-000003')");
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^W\/"/);
    const row = (await res.json()) as Record<string, unknown>;
    expect(row['@odata.context']).toBe(`${fo.url}/data/$metadata#CustomersV3/$entity`);
    expect(row).toMatchObject({ dataAreaId: 'ussi', CustomerAccount: 'S-000003', OrganizationName: 'Contoso Wholesale 3' });
    const missing = await fo.call("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='NOPE')");
    expect(missing.status).toBe(404);
  });

  it('requires every key part, including dataAreaId', async () => {
    const res = await fo.call("/data/ProjCDSProjects(ProjectID='PRJ-1')");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { innererror: { message: string } } };
    expect(body.error.innererror.message).toBe('Only 1 of 2 keys provided for lookup, provide keys for dataAreaId, ProjectID');
  });

  it('reads the reference data and parameters per legal entity', async () => {
    const les = (await (await fo.call('/data/LegalEntities')).json()) as Page;
    expect(les.value.map((l) => l.LegalEntityId).sort()).toEqual(['USMF', 'USSI']);
    const terms = (await (await fo.call('/data/PaymentTerms?$select=Name&$orderby=Name')).json()) as Page;
    expect(terms.value.map((t) => t.Name)).toEqual(['2%10Net30', 'Net30', 'Net45', 'Net60']);
    const params = (await (await fo.call("/data/ProjCDSIntegrationParameters(dataAreaId='usmf')")).json()) as Record<string, unknown>;
    expect(params).toMatchObject({ DefaultProjectType: 'TimeMaterial', TimeCategory: 'Hours', FeeCategory: 'Fee', LockProjectEdit: 'No' });
    const models = (await (await fo.call('/data/ForecastModels?cross-company=true')).json()) as Page;
    expect(models.value).toHaveLength(0);
  });
});

describe('F&O emulator: persistence under dataDir', () => {
  it('keeps created records across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'finops-'));
    try {
      let fo = await startFinOps({ dataDir: dir });
      const created = await fo.call('/data/CustomersV3', { body: { CustomerAccount: 'KEEP-1', OrganizationName: 'Kept', CustomerGroupId: '10' } });
      expect(created.status).toBe(201);
      await fo.close();
      fo = await startFinOps({ dataDir: dir });
      const res = await fo.call("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='KEEP-1')");
      expect(res.status).toBe(200);
      expect(((await res.json()) as Record<string, unknown>).OrganizationName).toBe('Kept');
      await fo.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
