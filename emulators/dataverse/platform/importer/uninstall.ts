/**
 * Deleting a managed solution uninstalls its components, as the service does: web resources,
 * custom controls (with their `cc_` files), environment variable definitions and values, Custom
 * APIs (with their parameters, properties and SDK message), entity ribbons, and the rows of its
 * tables. A Custom API that a step outside the solution still uses blocks the uninstall. Deleting
 * an unmanaged solution only removes the container; its components stay. Runs in the delete's
 * transaction (a 'pre' pipeline handler), so a refusal rolls the delete back.
 */
import type { RecordData, RecordStore } from '../../extensibility';
import { ComponentType } from '../constants';
import { platformErrors } from '../errors';

function deleteWhere(store: RecordStore, table: string, where: RecordData): void {
  for (const row of store.find(table, where)) store.delete(table, row.id);
}

function removeCustomApi(store: RecordStore, apiId: string): void {
  const api = store.get('customapi', apiId);
  if (!api) return;
  const name = String(api.data.uniquename ?? '');
  const message = store.findByColumns('sdkmessage', { name });
  if (message) {
    const steps = store.find('sdkmessageprocessingstep', { sdkmessageid: message.id });
    if (steps.length > 0) {
      throw platformErrors.invalidArgument(
        `The solution cannot be uninstalled: Custom API ${name} is used by the step '${String(steps[0].data.name ?? steps[0].id)}'. Delete its sdkmessageprocessingsteps first.`);
    }
    deleteWhere(store, 'sdkmessagefilter', { sdkmessageid: message.id });
    store.delete('sdkmessage', message.id);
  }
  deleteWhere(store, 'customapirequestparameter', { customapiid: apiId });
  deleteWhere(store, 'customapiresponseproperty', { customapiid: apiId });
  store.delete('customapi', apiId);
}

function removeControl(store: RecordStore, controlId: string): void {
  for (const res of store.find('customcontrolresource', { customcontrolid: controlId })) {
    if (typeof res.data.webresourceid === 'string') store.delete('webresource', res.data.webresourceid);
    store.delete('customcontrolresource', res.id);
  }
  store.delete('customcontrol', controlId);
}

export function uninstallSolution(store: RecordStore, solutionId: string, managed: boolean, isBuiltInTable: (logicalName: string) => boolean): void {
  const components = store.find('solutioncomponent', { solutionid: solutionId });
  if (managed) {
    for (const c of components) {
      const id = String(c.data.objectid ?? '');
      switch (Number(c.data.componenttype)) {
        case ComponentType.WebResource: store.delete('webresource', id); break;
        case ComponentType.CustomControl: removeControl(store, id); break;
        case ComponentType.EnvironmentVariableDefinition:
          deleteWhere(store, 'environmentvariablevalue', { environmentvariabledefinitionid: id });
          store.delete('environmentvariabledefinition', id);
          break;
        case ComponentType.CustomApi: removeCustomApi(store, id); break;
        case ComponentType.Entity: {
          // The table stays in the schema (the core cannot drop a table); its rows go, as with the real delete.
          const table = String(c.data.schemaname ?? '');
          if (!isBuiltInTable(table)) deleteWhere(store, table, {});
          break;
        }
        default: break;
      }
    }
    deleteWhere(store, 'ribboncustomization', { solutionid: solutionId });
  }
  deleteWhere(store, 'solutioncomponent', { solutionid: solutionId });
}
