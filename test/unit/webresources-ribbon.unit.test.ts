import { isSavedRecord, syncNowForm, syncNowGrid } from '../../webresources/ribbon';
import { buildSyncNowRequest, checkSelection } from '../../webresources/ribbon/request';
import { SYNC_NOW_MAX_RECORDS, SYNC_REQUESTED_EVENT } from '../../webresources/shared/names';
import { PROJECT_ID } from '../fixtures/psa-ui-rows';
import { FakeWebApi, createFormHarness, createGridControl, dataverseError } from '../harness/xrm';

const FORM_ID = `{${PROJECT_ID.toUpperCase()}}`;

function form(options: { dirty?: boolean; confirm?: boolean; saveError?: unknown; id?: string; api?: FakeWebApi } = {}) {
  return createFormHarness({
    entityName: 'msdyn_project', id: options.id ?? FORM_ID, webApi: options.api ?? new FakeWebApi(),
    fields: [{ name: 'msdyn_subject', label: 'Name' }],
    ...(options.dirty !== undefined ? { dirty: options.dirty } : {}),
    ...(options.confirm !== undefined ? { confirm: options.confirm } : {}),
    ...(options.saveError !== undefined ? { saveError: options.saveError } : {}),
  });
}

type Req = { EntityLogicalName: string; RecordIds: string[]; getMetadata(): unknown };

describe('Sync now request', () => {
  it('has the shape Xrm.WebApi.online.execute needs for the unbound psafo_SyncNow action', () => {
    const request = buildSyncNowRequest('msdyn_project', [FORM_ID]);
    expect(request.EntityLogicalName).toBe('msdyn_project');
    expect(request.RecordIds).toEqual([PROJECT_ID]);
    expect(request.getMetadata()).toEqual({
      boundParameter: null,
      parameterTypes: {
        EntityLogicalName: { typeName: 'Edm.String', structuralProperty: 1 },
        RecordIds: { typeName: 'Collection(Edm.String)', structuralProperty: 4 },
      },
      operationType: 0,
      operationName: 'psafo_SyncNow',
    });
    // the parameters are own enumerable properties: execute serialises them into the body
    expect(JSON.parse(JSON.stringify(request))).toEqual({ EntityLogicalName: 'msdyn_project', RecordIds: [PROJECT_ID] });
  });

  it('accepts 1 to 250 distinct selected records', () => {
    expect(checkSelection([])).toEqual({ ok: false, reason: 'none', count: 0 });
    expect(checkSelection(null)).toEqual({ ok: false, reason: 'none', count: 0 });
    expect(checkSelection(['{A}', 'a', 'B'])).toEqual({ ok: true, ids: ['a', 'b'] });
    const many = Array.from({ length: SYNC_NOW_MAX_RECORDS + 1 }, (_, i) => `id-${i}`);
    expect(checkSelection(many)).toEqual({ ok: false, reason: 'tooMany', count: 251 });
    expect(checkSelection(many.slice(0, 250))).toMatchObject({ ok: true });
  });
});

describe('syncNowForm', () => {
  it('calls the Custom API for the record with a progress indicator, reports success and refreshes', async () => {
    const h = form();
    const events: unknown[] = [];
    const listener = (e: Event) => events.push((e as CustomEvent).detail);
    const target = new EventTarget();
    (globalThis as unknown as { window: EventTarget }).window = target;
    target.addEventListener(SYNC_REQUESTED_EVENT, listener);
    try {
      await expect(syncNowForm(h.formContext)).resolves.toBe('queued');
    } finally {
      delete (globalThis as unknown as { window?: EventTarget }).window;
    }
    const [request] = h.webApi.executed() as Req[];
    expect(request.EntityLogicalName).toBe('msdyn_project');
    expect(request.RecordIds).toEqual([PROJECT_ID]);
    expect(h.progress.shown).toEqual(['Sending 1 record(s) to the sync queue…']);
    expect(h.progress.closed).toBe(1);
    expect(h.dialogs).toEqual([{ kind: 'alert', options: expect.objectContaining({ text: expect.stringMatching(/^1 record\(s\) queued for sync/) }) }]);
    expect(h.refreshes.count).toBe(1);
    expect(h.saves.count).toBe(0);
    expect(events).toEqual([{ entityLogicalName: 'msdyn_project', recordIds: [PROJECT_ID] }]);
  });

  it('asks to save a dirty form first, saves, then syncs', async () => {
    const h = form({ dirty: true, confirm: true });
    await expect(syncNowForm(h.formContext)).resolves.toBe('queued');
    expect(h.dialogs[0]).toEqual({ kind: 'confirm', options: expect.objectContaining({ title: 'Unsaved changes', confirmButtonLabel: 'Save and sync' }) });
    expect(h.saves.count).toBe(1);
    expect(h.webApi.executed()).toHaveLength(1);
  });

  it('does nothing when the user declines to save', async () => {
    const h = form({ dirty: true, confirm: false });
    await expect(syncNowForm(h.formContext)).resolves.toBe('cancelled');
    expect(h.saves.count).toBe(0);
    expect(h.webApi.executed()).toHaveLength(0);
    expect(h.progress.shown).toEqual([]);
  });

  it('shows an error dialog and does not sync when the save fails', async () => {
    const h = form({ dirty: true, saveError: dataverseError(-2147220891, 'Project Number is required.') });
    await expect(syncNowForm(h.formContext)).resolves.toBe('cancelled');
    expect(h.dialogs[1]).toEqual({ kind: 'error', options: { message: 'The record could not be saved, so it was not synced: Project Number is required.', errorCode: -2147220891 } });
    expect(h.webApi.executed()).toHaveLength(0);
  });

  it('shows the service message in an error dialog when the Custom API fails', async () => {
    const api = new FakeWebApi().onExecute(async () => {
      throw dataverseError(-2147220891, 'The psa-fo-sync bridge did not accept the request: 503 Service Unavailable');
    });
    const h = form({ api });
    await expect(syncNowForm(h.formContext)).resolves.toBe('failed');
    expect(h.progress.closed).toBe(1);
    expect(h.dialogs).toEqual([{ kind: 'error', options: { message: 'Sync now failed: The psa-fo-sync bridge did not accept the request: 503 Service Unavailable', errorCode: -2147220891 } }]);
    expect(h.refreshes.count).toBe(0);
  });

  it('treats a non-2xx answer as a failure', async () => {
    const api = new FakeWebApi().onExecute(async () => ({ ok: false, status: 502, statusText: 'Bad Gateway' }));
    const h = form({ api });
    await expect(syncNowForm(h.formContext)).resolves.toBe('failed');
    expect(h.dialogs[0]).toEqual({ kind: 'error', options: { message: 'Sync now failed: 502 Bad Gateway' } });
  });

  it('refuses an unsaved record', async () => {
    const h = form({ id: '' });
    expect(isSavedRecord(h.formContext)).toBe(false);
    await expect(syncNowForm(h.formContext)).resolves.toBe('cancelled');
    expect(h.dialogs[0].options.text).toBe('Save the record before syncing it.');
    expect(h.webApi.executed()).toHaveLength(0);
  });

  it('isSavedRecord is true on an existing record', () => {
    expect(isSavedRecord(form().formContext)).toBe(true);
  });
});

describe('syncNowGrid', () => {
  it('sends the selected ids of the grid entity and refreshes the grid', async () => {
    const h = form();
    const grid = createGridControl('salesorder');
    await expect(syncNowGrid(['{AAAAAAAA-0000-4000-8000-000000000001}', '{AAAAAAAA-0000-4000-8000-000000000002}'], grid)).resolves.toBe('queued');
    const [request] = h.webApi.executed() as Req[];
    expect(request.EntityLogicalName).toBe('salesorder');
    expect(request.RecordIds).toEqual(['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002']);
    expect(h.progress.shown).toEqual(['Sending 2 record(s) to the sync queue…']);
    expect(grid.refreshCount).toBe(1);
  });

  it('explains a selection above 250 without calling the service', async () => {
    const h = form();
    const ids = Array.from({ length: 251 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    await expect(syncNowGrid(ids, createGridControl('salesorder'))).resolves.toBe('cancelled');
    expect(h.dialogs[0].options.text).toBe('Select at most 250 records to sync at once (251 selected).');
    expect(h.webApi.executed()).toHaveLength(0);
  });
});
