/**
 * The "Sync now" flow over injected ports: optional save of a dirty form, the Custom API call
 * with a progress indicator, the result dialog and the refresh. No Xrm access here.
 */
import { fill } from '../shared/i18n';
import { errorMessage } from '../shared/read-errors';
import { buildSyncNowRequest, type SyncNowRequest } from './request';
import type { RibbonStrings } from './strings';

export interface ServiceError { readonly message: string; readonly errorCode?: number; readonly details?: string }

export interface SyncNowPorts {
  /** Executes the request; resolves with the HTTP-like answer, rejects with the service error. */
  execute(request: SyncNowRequest): Promise<{ ok?: boolean; status?: number; statusText?: string }>;
  showProgress(text: string): void;
  closeProgress(): void;
  alert(title: string, text: string): Promise<void>;
  error(error: ServiceError): Promise<void>;
  /** Refreshes the form or grid and the SyncStatus control. */
  refresh(entityLogicalName: string, ids: readonly string[]): Promise<void>;
}

export type SyncNowOutcome = 'queued' | 'failed' | 'cancelled';

function serviceError(err: unknown, text: string): ServiceError {
  const o = (typeof err === 'object' && err !== null ? err : {}) as Record<string, unknown>;
  const message = fill(text, { message: errorMessage(err) });
  const errorCode = typeof o.errorCode === 'number' ? o.errorCode : undefined;
  const details = typeof o.raw === 'string' ? o.raw : typeof o.details === 'string' ? o.details : undefined;
  return { message, ...(errorCode !== undefined ? { errorCode } : {}), ...(details ? { details } : {}) };
}

export async function syncNow(ports: SyncNowPorts, s: RibbonStrings, entityLogicalName: string, ids: readonly string[]): Promise<SyncNowOutcome> {
  const request = buildSyncNowRequest(entityLogicalName, ids);
  ports.showProgress(fill(s.progress, { count: ids.length }));
  let failure: ServiceError | null = null;
  try {
    const response = await ports.execute(request);
    if (response.ok === false) {
      failure = { message: fill(s.failed, { message: `${response.status ?? ''} ${response.statusText ?? ''}`.trim() }) };
    }
  } catch (err) {
    failure = serviceError(err, s.failed);
  } finally {
    ports.closeProgress();
  }
  if (failure) {
    await ports.error(failure);
    return 'failed';
  }
  await ports.alert(s.successTitle, fill(s.success, { count: ids.length }));
  await ports.refresh(entityLogicalName, request.RecordIds);
  return 'queued';
}

export interface FormPorts {
  isDirty(): boolean;
  confirm(title: string, text: string, confirmLabel: string): Promise<boolean>;
  save(): Promise<void>;
}

/** On a form: asks to save a dirty record first; cancelled when the user declines or the save fails. */
export async function saveIfDirty(form: FormPorts, ports: Pick<SyncNowPorts, 'error'>, s: RibbonStrings): Promise<boolean> {
  if (!form.isDirty()) return true;
  if (!(await form.confirm(s.dirtyTitle, s.dirtyText, s.dirtyConfirm))) return false;
  try {
    await form.save();
    return true;
  } catch (err) {
    await ports.error(serviceError(err, s.saveFailed));
    return false;
  }
}
