import type { DynamicsWebApi } from 'dynamics-web-api';
import type { DeployDataverse } from './port';

/** DeployDataverse over dynamics-web-api (create it with `propagateErrors: true`). */
export function deployDataverseOver(api: DynamicsWebApi): DeployDataverse {
  return {
    query: async (collection, { filter, select }) => (await api.retrieveAll({ collection, filter, select })).value,
    create: async (collection, data) => String(await api.create({ collection, data })),
    update: async (collection, id, data) => {
      await api.update({ collection, key: id, data });
    },
    action: (name, body) => api.callAction({ actionName: name, action: body }),
  };
}
