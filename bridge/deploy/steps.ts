import { DeployError, literal, type DeployChange, type DeployDataverse, type Row } from './port';

/** sdkmessageprocessingstep option values. */
export const MODE = { Synchronous: 0, Asynchronous: 1 } as const;
export const STAGE_POST_OPERATION = 40;

export interface StepSpec {
  name: string;
  message: string;
  /** Table logical name, or undefined for an unbound message such as a Custom API. */
  entity?: string;
  mode: 0 | 1;
  filteringAttributes?: string[];
}

export interface SourceTable {
  entity: string;
  /** Columns the templates read: an Update step fires only when one of them changes. */
  attributes: string[];
}

/** The steps the bridge needs: Sync now (synchronous) and Create/Update of every source table (asynchronous). */
export function desiredSteps(syncNowMessage: string, sources: SourceTable[]): StepSpec[] {
  const steps: StepSpec[] = [{ name: `psa-fo-sync: ${syncNowMessage}`, message: syncNowMessage, mode: MODE.Synchronous }];
  for (const source of [...sources].sort((a, b) => a.entity.localeCompare(b.entity))) {
    steps.push({ name: `psa-fo-sync: Create of ${source.entity}`, message: 'Create', entity: source.entity, mode: MODE.Asynchronous });
    steps.push({
      name: `psa-fo-sync: Update of ${source.entity}`,
      message: 'Update',
      entity: source.entity,
      mode: MODE.Asynchronous,
      filteringAttributes: [...new Set(source.attributes)].sort(),
    });
  }
  return steps;
}

/** Creates or updates each step so that exactly one step per message and table exists. */
export async function ensureSteps(dv: DeployDataverse, endpointId: string, steps: StepSpec[]): Promise<DeployChange[]> {
  const messageIds = new Map<string, string>();
  const changes: DeployChange[] = [];
  for (const step of steps) {
    const messageId = messageIds.get(step.message) ?? (await findMessage(dv, step.message));
    messageIds.set(step.message, messageId);
    const filterId = step.entity ? await findFilter(dv, messageId, step.entity) : undefined;
    const desired: Row = {
      name: step.name,
      mode: step.mode,
      stage: STAGE_POST_OPERATION,
      rank: 1,
      supporteddeployment: 0,
      asyncautodelete: step.mode === MODE.Asynchronous,
      filteringattributes: step.filteringAttributes?.join(',') ?? null,
      'sdkmessageid@odata.bind': `/sdkmessages(${messageId})`,
      'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${endpointId})`,
      ...(filterId ? { 'sdkmessagefilterid@odata.bind': `/sdkmessagefilters(${filterId})` } : {}),
    };
    const [current] = await dv.query('sdkmessageprocessingsteps', {
      filter: `name eq ${literal(step.name)}`,
      select: ['sdkmessageprocessingstepid', 'mode', 'stage', 'filteringattributes', '_eventhandler_value', '_sdkmessageid_value'],
    });
    if (!current) {
      await dv.create('sdkmessageprocessingsteps', desired);
      changes.push({ kind: 'step', action: 'create', detail: step.name });
      continue;
    }
    const same =
      Number(current.mode) === step.mode &&
      Number(current.stage) === STAGE_POST_OPERATION &&
      (current.filteringattributes ?? null) === desired.filteringattributes &&
      String(current._eventhandler_value ?? '').toLowerCase() === endpointId.toLowerCase();
    if (same) {
      changes.push({ kind: 'step', action: 'unchanged', detail: step.name });
    } else {
      await dv.update('sdkmessageprocessingsteps', String(current.sdkmessageprocessingstepid), desired);
      changes.push({ kind: 'step', action: 'update', detail: step.name });
    }
  }
  return changes;
}

async function findMessage(dv: DeployDataverse, name: string): Promise<string> {
  const [row] = await dv.query('sdkmessages', { filter: `name eq ${literal(name)}`, select: ['sdkmessageid'] });
  if (!row) throw new DeployError('MessageMissing', `Dataverse has no message ${name}; import the PsaFoSync solution first`);
  return String(row.sdkmessageid);
}

async function findFilter(dv: DeployDataverse, messageId: string, entity: string): Promise<string> {
  const [row] = await dv.query('sdkmessagefilters', {
    filter: `_sdkmessageid_value eq ${messageId} and primaryobjecttypecode eq ${literal(entity)}`,
    select: ['sdkmessagefilterid'],
  });
  if (!row) throw new DeployError('MessageFilterMissing', `Dataverse has no message filter for ${entity}; is the table installed (PSA)?`);
  return String(row.sdkmessagefilterid);
}
