import type { DataverseClient } from './client';

/** Calls an unbound action or Custom API with its parameters. */
export async function executeAction<T = unknown>(client: DataverseClient, actionName: string, parameters: Readonly<Record<string, unknown>>): Promise<T> {
  return client.call(`action ${actionName}`, (api) => api.callAction<T>({ actionName, action: parameters }));
}
