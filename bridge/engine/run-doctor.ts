import { defaultScope } from '../auth/token-provider';
import type { Config } from '../config';
import { readDataverseMetadata } from '../connectors/dataverse/metadata';
import { readFinOpsMetadata, type ServiceMetadata } from '../connectors/finops/metadata';
import { queryPages } from '../connectors/finops/query';
import { FO_ENTITY_SETS } from '../templates/entities';
import { templates as registry } from '../templates';
import type { TaskDef } from '../templates/types';
import { checkMappings, type Problem } from './doctor';
import type { Services } from './services';

export interface DoctorReport {
  readonly ok: string[];
  readonly problems: Problem[];
  /** A service could not be reached: the mapping checks did not run. */
  readonly unreachable: boolean;
}

/** Forecast models live in this F&O entity set (checked when it exists). */
const FORECAST_MODELS = 'ForecastModels';

/** `doctor`: configuration (already parsed), connectivity, every mapped field and entity set against both $metadata, forecast model. */
export async function runDoctor(config: Config, services: Services): Promise<DoctorReport> {
  const ok: string[] = ['configuration is valid'];
  const problems: Problem[] = [];
  const meta = async (name: string, url: string, fn: () => Promise<ServiceMetadata>): Promise<ServiceMetadata | undefined> => {
    try {
      const m = await fn();
      ok.push(`${name} reachable at ${url} (${m.entitySets.size} entity sets; token scope ${defaultScope(url)})`);
      return m;
    } catch (err) {
      problems.push({ where: name, message: `cannot read ${url} $metadata: ${(err as Error).message}` });
      return undefined;
    }
  };
  const dv = await meta('Dataverse', config.dataverse.url, () => readDataverseMetadata(services.dataverse));
  const fo = await meta('F&O', config.finops.url, () => readFinOpsMetadata(services.finops));
  if (!dv || !fo) return { ok, problems, unreachable: true };

  const sets = config.finops.entitySets as Readonly<Record<string, string>>;
  const keyOf = new Map(Object.entries(FO_ENTITY_SETS).map(([k, v]) => [v as string, k]));
  const entitySetOf = (task: TaskDef): { name: string; setting: string } => {
    const def = task.source.system === 'finops' ? task.source.entitySet : task.destination.entitySet;
    const key = keyOf.get(def) ?? def;
    return { name: sets[key] ?? def, setting: `finops.entitySets.${key}` };
  };
  const enabled = registry({ milestoneSource: config.templates.milestoneSource }).filter((t) => config.templates.enabled.includes(t.id));
  const mapping = checkMappings(enabled, entitySetOf, dv, fo);
  problems.push(...mapping);
  if (mapping.length === 0) ok.push(`every mapped field and entity set of ${enabled.length} templates exists in both $metadata`);

  if (fo.entitySets.has(FORECAST_MODELS)) {
    const model = config.templates.forecastModel.replace(/'/g, "''");
    const companies = new Set<string>();
    for await (const rows of queryPages(services.finops, { entitySet: FORECAST_MODELS, filter: `ModelId eq '${model}'`, crossCompany: true })) for (const r of rows) companies.add(String(r.dataAreaId));
    const needed = [...new Set(config.connectionSet.organizationMappings.map((m) => m.legalEntity))].sort();
    const missing = needed.filter((le) => ![...companies].some((c) => c.toLowerCase() === le.toLowerCase()));
    if (missing.length > 0) problems.push({ where: 'templates.forecastModel', message: `forecast model '${config.templates.forecastModel}' does not exist in legal entity ${missing.join(', ')}; create it in F&O or set templates.forecastModel` });
    else ok.push(`forecast model '${config.templates.forecastModel}' exists in ${needed.join(', ')}`);
  } else {
    ok.push(`forecast model '${config.templates.forecastModel}' not checked (F&O exposes no ${FORECAST_MODELS})`);
  }
  return { ok, problems, unreachable: false };
}
