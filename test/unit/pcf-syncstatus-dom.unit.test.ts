/** @jest-environment jsdom */
import { SyncStatus } from '../../pcf/SyncStatus/index';
import { EnvVar, SYNC_REQUESTED_EVENT, SYNC_STATUS_TABLE } from '../../webresources/shared/names';
import { createPcfContext, type PcfContextFake } from '../harness/pcf-context';
import { FakeWebApi, dataverseError } from '../harness/xrm';
import { PROJECT_ID, envVarRow, statusRow } from '../fixtures/psa-ui-rows';

const flush = async () => { for (let i = 0; i < 5; i += 1) await new Promise((r) => setTimeout(r, 0)); };

function mount(fake: PcfContextFake) {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const control = new SyncStatus();
  control.init(fake.context, () => undefined, {}, container);
  return { control, container, q: (sel: string) => container.querySelector<HTMLElement>(sel) };
}

let mounted: { control: SyncStatus; container: HTMLElement }[] = [];
function track<T extends { control: SyncStatus; container: HTMLElement }>(m: T): T { mounted.push(m); return m; }
afterEach(() => {
  for (const m of mounted) { m.control.destroy(); m.container.remove(); }
  mounted = [];
  jest.useRealTimers();
});

describe('SyncStatus control in the DOM', () => {
  it('renders a synced project with its facts, children and locks, and announces the state', async () => {
    const api = new FakeWebApi().put(SYNC_STATUS_TABLE, statusRow({
      table: 'msdyn_project', id: PROJECT_ID, state: 'Synced', lastSyncedOn: '2026-11-27T08:30:00Z', finOpsKey: 'PRJ-01049-CCNID0', legalEntity: 'USMF',
      details: { children: { msdyn_projecttask: { synced: 4, error: 1 } }, finOpsLocking: [{ name: 'Edit project', reason: 'Set in F&O integration parameters' }] },
    }));
    const fake = createPcfContext({ entityTypeName: 'msdyn_project', entityId: `{${PROJECT_ID.toUpperCase()}}`, webApi: api, columnLabels: { msdynce_projectnumber: 'Project Number' } });
    const { q, container } = track(mount(fake));
    expect(q('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
    expect(q('.psafo-sync__badge')?.textContent).toBe('Loading sync status…');
    await flush();

    expect(q('.psafo-sync__badge')?.textContent).toBe('Synced');
    expect(q('.psafo-sync__badge')?.dataset.tone).toBe('synced');
    expect(q('.psafo-sync__summary')?.textContent).toBe('Synced · 2026-11-27 08:30 · PRJ-01049-CCNID0 · USMF');
    expect([...container.querySelectorAll('dt')].map((e) => e.textContent)).toEqual(['Last synced', 'F&O key', 'Legal entity']);
    expect(container.textContent).toContain('Tasks: 4 synced · 1 in error');
    expect(q('li[data-column="msdynce_projectnumber"] strong')?.textContent).toBe('Project Number');
    expect(container.textContent).toContain('Edit project (F&O functionality locking)Set in F&O integration parameters');
    expect(q('[role="status"]')?.textContent).toBe('Sync status: Synced');
    expect(fake.resizeTracking).toEqual([true]);
    expect(fake.missingStrings).toEqual([]);
    expect(api.retrieves(SYNC_STATUS_TABLE)[0].options).toContain(`psafo_recordid eq '${PROJECT_ID}'`);
  });

  it('error details expand and collapse from the keyboard-focusable button, focus stays on it', async () => {
    const api = new FakeWebApi().put(SYNC_STATUS_TABLE, statusRow({ table: 'salesorder', id: PROJECT_ID, state: 'Error', message: 'Payment terms 7 unmapped', details: { errorDetail: 'HTTP 400 from ProjCDSProjectContracts' } }));
    const { q } = track(mount(createPcfContext({ entityTypeName: 'salesorder', entityId: PROJECT_ID, webApi: api })));
    await flush();
    expect(q('.psafo-sync__message')?.textContent).toBe('Payment terms 7 unmapped');
    const toggle = q('button[data-action="toggle-details"]')!;
    const detail = q('.psafo-sync__details')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(detail.id);
    expect(detail.hidden).toBe(true);
    toggle.focus();
    toggle.click();
    const again = q('button[data-action="toggle-details"]')!;
    expect(again.getAttribute('aria-expanded')).toBe('true');
    expect(q('.psafo-sync__details')?.hidden).toBe(false);
    expect(q('.psafo-sync__details')?.textContent).toBe('HTTP 400 from ProjCDSProjectContracts');
    expect(document.activeElement).toBe(again);
  });

  it('polls while queued with the configured interval and stops once synced', async () => {
    jest.useFakeTimers();
    const api = new FakeWebApi()
      .put('environmentvariabledefinition', envVarRow(EnvVar.statusRefreshSeconds, '10', '3'))
      .put(SYNC_STATUS_TABLE, statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Queued' }));
    const { q } = track(mount(createPcfContext({ entityTypeName: 'msdyn_project', entityId: PROJECT_ID, webApi: api })));
    await jest.advanceTimersByTimeAsync(0);
    expect(q('.psafo-sync__badge')?.textContent).toBe('Queued');
    expect(q('.psafo-sync__footer')?.textContent).toContain('Checking again every 3 s while queued');
    await jest.advanceTimersByTimeAsync(2900);
    expect(api.retrieves(SYNC_STATUS_TABLE)).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(200);
    expect(api.retrieves(SYNC_STATUS_TABLE)).toHaveLength(2);

    api.clear(SYNC_STATUS_TABLE).put(SYNC_STATUS_TABLE, statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Synced', finOpsKey: 'PRJ-9' }));
    await jest.advanceTimersByTimeAsync(3000);
    expect(q('.psafo-sync__badge')?.textContent).toBe('Synced');
    expect(q('[role="status"]')?.textContent).toBe('Sync status: Synced');
    await jest.advanceTimersByTimeAsync(30000);
    expect(api.retrieves(SYNC_STATUS_TABLE)).toHaveLength(3);
  });

  it('refreshes on the button and when the ribbon announces a Sync now for this record', async () => {
    const api = new FakeWebApi();
    const { q } = track(mount(createPcfContext({ entityTypeName: 'msdyn_project', entityId: `{${PROJECT_ID}}`, webApi: api })));
    await flush();
    expect(q('.psafo-sync__badge')?.textContent).toBe('Not synced yet');
    api.put(SYNC_STATUS_TABLE, statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Queued' }));
    q('button[data-action="refresh"]')!.click();
    await flush();
    expect(q('.psafo-sync__badge')?.textContent).toBe('Queued');

    window.dispatchEvent(new CustomEvent(SYNC_REQUESTED_EVENT, { detail: { entityLogicalName: 'salesorder', recordIds: [PROJECT_ID] } }));
    window.dispatchEvent(new CustomEvent(SYNC_REQUESTED_EVENT, { detail: { entityLogicalName: 'msdyn_project', recordIds: ['other'] } }));
    await flush();
    expect(api.retrieves(SYNC_STATUS_TABLE)).toHaveLength(2);
    window.dispatchEvent(new CustomEvent(SYNC_REQUESTED_EVENT, { detail: { entityLogicalName: 'msdyn_project', recordIds: [PROJECT_ID] } }));
    await flush();
    expect(api.retrieves(SYNC_STATUS_TABLE)).toHaveLength(3);
  });

  it('shows a clear message when the user may not read the status table', async () => {
    const api = new FakeWebApi().fail(SYNC_STATUS_TABLE, dataverseError(-2147220960, 'Principal user is missing prvReadpsafo_syncstatus privilege'));
    const { q } = track(mount(createPcfContext({ entityTypeName: 'msdyn_project', entityId: PROJECT_ID, webApi: api })));
    await flush();
    expect(q('.psafo-sync__problem')?.textContent).toBe('You do not have permission to read the sync status. Ask your administrator for read access to the Sync Status table.');
    expect(q('[role="status"]')?.textContent).toContain('You do not have permission');
  });

  it('works read-only on a disabled form, switches to the compact layout when narrow, and speaks French', async () => {
    const api = new FakeWebApi().put(SYNC_STATUS_TABLE, statusRow({ table: 'msdyn_project', id: PROJECT_ID, state: 'Synced' }));
    const fake = createPcfContext({ entityTypeName: 'msdyn_project', entityId: PROJECT_ID, webApi: api, isControlDisabled: true, lcid: 1036 });
    const { control, q } = track(mount(fake));
    await flush();
    expect(q('.psafo-sync__badge')?.textContent).toBe('Synchronisé');
    expect(q('.psafo-sync')?.classList.contains('psafo-sync--compact')).toBe(false);
    control.updateView(fake.update({ allocatedWidth: 240 }));
    expect(q('.psafo-sync')?.classList.contains('psafo-sync--compact')).toBe(true);
    q('button[data-action="refresh"]')!.click();
    await flush();
    expect(api.retrieves(SYNC_STATUS_TABLE)).toHaveLength(2);
    expect(control.getOutputs()).toEqual({});
  });

  it('asks to save a new record and loads once it has an id', async () => {
    const api = new FakeWebApi();
    const fake = createPcfContext({ entityTypeName: 'msdyn_project', webApi: api });
    const { control, q } = track(mount(fake));
    await flush();
    expect(q('.psafo-sync__problem')?.textContent).toBe('Save the record to see its sync status.');
    expect(q('button[data-action="refresh"]')?.getAttribute('aria-disabled')).toBe('true');
    expect(api.retrieves(SYNC_STATUS_TABLE)).toHaveLength(0);
    control.updateView(fake.update({ entityId: PROJECT_ID }));
    await flush();
    expect(api.retrieves(SYNC_STATUS_TABLE)).toHaveLength(1);
    expect(q('.psafo-sync__badge')?.textContent).toBe('Not synced yet');
  });

  it('destroy removes the DOM and stops listening', async () => {
    const api = new FakeWebApi();
    const m = mount(createPcfContext({ entityTypeName: 'msdyn_project', entityId: PROJECT_ID, webApi: api }));
    await flush();
    m.control.destroy();
    expect(m.container.children).toHaveLength(0);
    window.dispatchEvent(new CustomEvent(SYNC_REQUESTED_EVENT, { detail: { entityLogicalName: 'msdyn_project', recordIds: [PROJECT_ID] } }));
    await flush();
    expect(api.retrieves(SYNC_STATUS_TABLE)).toHaveLength(1);
    m.container.remove();
  });
});
