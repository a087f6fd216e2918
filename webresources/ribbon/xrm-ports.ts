/** SyncNowPorts and FormPorts backed by the host's Xrm (Xrm.WebApi.online, Xrm.Utility, Xrm.Navigation). */
import { SYNC_REQUESTED_EVENT } from '../shared/names';
import type { FormPorts, SyncNowPorts } from './sync-now';

/** Tells a SyncStatus control on the page to reload (see SYNC_REQUESTED_EVENT). */
export function announceSyncRequested(entityLogicalName: string, recordIds: readonly string[]): void {
  if (typeof window === 'undefined' || typeof CustomEvent === 'undefined') return;
  window.dispatchEvent(new CustomEvent(SYNC_REQUESTED_EVENT, { detail: { entityLogicalName, recordIds: [...recordIds] } }));
}

export function xrmPorts(refreshHost: () => Promise<void>): SyncNowPorts {
  return {
    execute: async (request) => (await Xrm.WebApi.online.execute(request)) as unknown as { ok?: boolean; status?: number; statusText?: string },
    showProgress: (text) => Xrm.Utility.showProgressIndicator(text),
    closeProgress: () => Xrm.Utility.closeProgressIndicator(),
    alert: async (title, text) => { await Xrm.Navigation.openAlertDialog({ title, text }); },
    error: async (e) => {
      await Xrm.Navigation.openErrorDialog({ message: e.message, ...(e.details ? { details: e.details } : {}), ...(e.errorCode !== undefined ? { errorCode: e.errorCode } : {}) });
    },
    refresh: async (entityLogicalName, ids) => {
      await refreshHost();
      announceSyncRequested(entityLogicalName, ids);
    },
  };
}

export function formPorts(formContext: Xrm.FormContext): FormPorts {
  return {
    isDirty: () => formContext.data.getIsDirty(),
    confirm: async (title, text, confirmButtonLabel) => {
      const result = await Xrm.Navigation.openConfirmDialog({ title, text, confirmButtonLabel });
      return result.confirmed;
    },
    save: async () => { await formContext.data.save(); },
  };
}
