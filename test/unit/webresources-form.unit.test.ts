import { onLoad } from '../../webresources/form';
import { NOTIFICATION_LOCKS, NOTIFICATION_RULES, NOTIFICATION_STATUS } from '../../webresources/form/plan';
import { EnvVar, SYNC_STATUS_TABLE } from '../../webresources/shared/names';
import { CONTRACT_ID, PROJECT_ID, envVarRow, statusRow } from '../fixtures/psa-ui-rows';
import { FakeWebApi, createFormHarness, dataverseError, type FormField } from '../harness/xrm';

const PROJECT_FIELDS: FormField[] = [
  { name: 'msdyn_subject', label: 'Name' },
  { name: 'msdynce_projectnumber', label: 'Project Number' },
  { name: 'msdyn_salesorderid', label: 'Contract' },
  { name: 'msdyn_customer', label: 'Customer' },
];

function projectForm(api: FakeWebApi, extra: { languageId?: number; id?: string } = {}) {
  return createFormHarness({
    entityName: 'msdyn_project', id: extra.id ?? `{${PROJECT_ID.toUpperCase()}}`, fields: PROJECT_FIELDS, webApi: api,
    ...(extra.languageId ? { languageId: extra.languageId } : {}),
  });
}

describe('form script onLoad', () => {
  it('locks the synced project columns on the form and names them in one notification', async () => {
    const api = new FakeWebApi().put(SYNC_STATUS_TABLE, statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Synced', finOpsKey: 'PRJ-1', lastSyncedOn: '2026-11-27T08:00:00Z' }));
    const h = projectForm(api);
    await onLoad(h.eventContext);

    expect(h.isDisabled('msdynce_projectnumber')).toBe(true);
    expect(h.isDisabled('msdyn_salesorderid')).toBe(true);
    expect(h.isDisabled('msdyn_customer')).toBe(true);
    expect(h.isDisabled('msdyn_subject')).toBe(false);
    const notes = h.notifications();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ uniqueId: NOTIFICATION_LOCKS, level: 'INFO' });
    expect(notes[0].message).toMatch(/^Locked by the Finance and Operations integration: Project Number and Contract \(This project exists in Finance and Operations.*\); Customer \(The customer account is fixed/);
    // the status was read for this record only
    expect(api.retrieves(SYNC_STATUS_TABLE)[0].options).toContain(`psafo_recordid eq '${PROJECT_ID}'`);
  });

  it('locks nothing while the record has not reached F&O', async () => {
    const api = new FakeWebApi().put(SYNC_STATUS_TABLE, statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Queued' }));
    const h = projectForm(api);
    await onLoad(h.eventContext);
    expect(PROJECT_FIELDS.some((f) => h.isDisabled(f.name))).toBe(false);
    expect(h.notifications()).toEqual([]);
  });

  it('uses the configured rules from psafo_FieldLockRules', async () => {
    const rules = { version: 1, tables: { msdyn_project: [{ column: 'msdyn_subject', when: 'synced', reason: 'Name is the F&O project name.' }] } };
    const api = new FakeWebApi()
      .put('environmentvariabledefinition', envVarRow(EnvVar.fieldLockRules, '{}', JSON.stringify(rules)))
      .put(SYNC_STATUS_TABLE, statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Synced' }));
    const h = projectForm(api);
    await onLoad(h.eventContext);
    expect(h.isDisabled('msdyn_subject')).toBe(true);
    expect(h.isDisabled('msdynce_projectnumber')).toBe(false);
    expect(h.notifications()[0].message).toBe('Locked by the Finance and Operations integration: Name (Name is the F&O project name.)');
  });

  it('invalid rules JSON gives a notification and the shipped defaults, not a broken form', async () => {
    const api = new FakeWebApi()
      .put('environmentvariabledefinition', envVarRow(EnvVar.fieldLockRules, null, '{"version":1,"tables":{"msdyn_project":[{"column":"x"'))
      .put(SYNC_STATUS_TABLE, statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Synced' }));
    const h = projectForm(api);
    await expect(onLoad(h.eventContext)).resolves.toBeUndefined();
    const rulesNote = h.notifications().find((n) => n.uniqueId === NOTIFICATION_RULES);
    expect(rulesNote?.level).toBe('WARNING');
    expect(rulesNote?.message).toMatch(/^The field lock rules \(environment variable psafo_FieldLockRules\) are invalid: not valid JSON/);
    expect(h.isDisabled('msdynce_projectnumber')).toBe(true);
  });

  it('shows the last sync error and keeps the locks of a record that was synced before', async () => {
    const api = new FakeWebApi().put(SYNC_STATUS_TABLE, statusRow({
      table: 'salesorder', id: CONTRACT_ID, state: 'Error', finOpsKey: 'ORD-01022-Z4M9Q0', message: 'Payment terms value 7 has no mapping.',
    }));
    const h = createFormHarness({
      entityName: 'salesorder', id: `{${CONTRACT_ID}}`, webApi: api,
      fields: [{ name: 'ordernumber', label: 'Contract ID' }, { name: 'customerid', label: 'Customer' }, { name: 'name', label: 'Name' }],
    });
    await onLoad(h.eventContext);
    expect(h.isDisabled('ordernumber')).toBe(true);
    expect(h.isDisabled('customerid')).toBe(true);
    expect(h.isDisabled('name')).toBe(false);
    const status = h.notifications().find((n) => n.uniqueId === NOTIFICATION_STATUS);
    expect(status).toEqual({ uniqueId: NOTIFICATION_STATUS, level: 'ERROR', message: 'The last sync to Finance and Operations failed: Payment terms value 7 has no mapping.' });
  });

  it('locks columns mastered in F&O whatever the status, but not on a create form', async () => {
    const fields = [{ name: 'msdyn_name', label: 'Name' }];
    const existing = createFormHarness({ entityName: 'msdyn_transactioncategory', id: '{11111111-2222-4333-8444-555555555555}', fields, webApi: new FakeWebApi() });
    await onLoad(existing.eventContext);
    expect(existing.isDisabled('msdyn_name')).toBe(true);
    expect(existing.notifications()[0].message).toMatch(/Name \(Expense categories are mastered in Finance and Operations/);

    const api = new FakeWebApi();
    const created = createFormHarness({ entityName: 'msdyn_transactioncategory', id: '', fields, webApi: api });
    await onLoad(created.eventContext);
    expect(created.isDisabled('msdyn_name')).toBe(false);
    expect(api.retrieves(SYNC_STATUS_TABLE)).toHaveLength(0);
  });

  it('warns when the status cannot be read and locks only what does not depend on it', async () => {
    const api = new FakeWebApi().fail(SYNC_STATUS_TABLE, dataverseError(-2147220960, 'Principal user is missing prvReadpsafo_syncstatus privilege'));
    const h = projectForm(api);
    await onLoad(h.eventContext);
    expect(h.isDisabled('msdynce_projectnumber')).toBe(false);
    const note = h.notifications().find((n) => n.uniqueId === NOTIFICATION_STATUS);
    expect(note?.level).toBe('WARNING');
    expect(note?.message).toContain('missing prvReadpsafo_syncstatus privilege');
  });

  it('speaks French to French users', async () => {
    const api = new FakeWebApi().put(SYNC_STATUS_TABLE, statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Synced' }));
    const h = projectForm(api, { languageId: 1036 });
    await onLoad(h.eventContext);
    expect(h.notifications()[0].message).toMatch(/^Verrouillé par l’intégration Finance and Operations : Project Number et Contract/);
  });

  it('replaces its notifications when the form loads again', async () => {
    const api = new FakeWebApi().put(SYNC_STATUS_TABLE, statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Synced' }));
    const h = projectForm(api);
    await onLoad(h.eventContext);
    await onLoad(h.eventContext);
    expect(h.notifications().filter((n) => n.uniqueId === NOTIFICATION_LOCKS)).toHaveLength(1);
  });
});
