/** The landing page's reads over the bridge's own connectors (Dataverse through dynamics-web-api, F&O through our client). */
import type { Config } from '../config';
import type { Services } from '../engine';
import type { LandingPort, LandingRecord } from '../http/ports';
import { templates } from '../templates';

const DEMO_LIMIT = 20;

/** F&O entity sets the enabled templates read or write. */
export function finOpsEntitySetsOf(config: Config): string[] {
  const enabled = templates({ milestoneSource: config.templates.milestoneSource }).filter((t) => config.templates.enabled.includes(t.id));
  const sets = enabled.flatMap((t) => t.tasks.flatMap((task) => [task.source, task.destination].filter((s) => s.system === 'finops').map((s) => s.entitySet)));
  return [...new Set(sets)].sort();
}

export function landingPort(config: Config, services: Services): LandingPort {
  const sets = finOpsEntitySetsOf(config);
  const read = async (collection: string, id: string, name: string, number: string): Promise<LandingRecord[]> => {
    const rows = await services.dataverse.call(`landing ${collection}`, (api) => api.retrieveMultiple({ collection, select: [id, name, number], orderBy: [name], top: DEMO_LIMIT }));
    return rows.value.map((r) => ({ id: String(r[id]), name: String(r[name] ?? ''), number: typeof r[number] === 'string' ? r[number] : undefined }));
  };
  return {
    dataverseUrl: config.dataverse.url.replace(/\/+$/, ''),
    async demoRecords() {
      const [projects, contracts] = await Promise.all([
        read('msdyn_projects', 'msdyn_projectid', 'msdyn_subject', 'msdynce_projectnumber'),
        read('salesorders', 'salesorderid', 'name', 'ordernumber'),
      ]);
      return { projects, contracts };
    },
    finOpsEntitySets: () => sets,
    async finOpsRows(entitySet, top) {
      const f = services.finops;
      const res = await f.http.send({ method: 'GET', url: `${f.dataUrl}/${encodeURIComponent(entitySet)}?cross-company=true&$top=${top}`, headers: f.headers() });
      return (JSON.parse(res.text) as { value: Record<string, unknown>[] }).value;
    },
  };
}
