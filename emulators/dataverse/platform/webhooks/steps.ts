/** Reads the registered webhook steps (with their message, table and endpoint) from the store. */
import type { RecordStore, StoredRecord } from '../../extensibility';
import { ServiceEndpointContract } from '../constants';
import { parseFilteringAttributes, type StepRow } from './match';

export interface EndpointRow { id: string; name: string; url: string; authType?: number; authValue?: string }
export interface ImageRow { name: string; alias: string; imageType: number; attributes: string[] }

export function readSteps(store: RecordStore): StepRow[] {
  const messages = new Map(store.find('sdkmessage').map((r) => [r.id, String(r.data.name ?? '')]));
  const filters = new Map(store.find('sdkmessagefilter').map((r) => [r.id, r.data]));
  return store.find('sdkmessageprocessingstep').map((r: StoredRecord): StepRow => {
    const d = r.data;
    const filter = typeof d.sdkmessagefilterid === 'string' ? filters.get(d.sdkmessagefilterid) : undefined;
    return {
      id: r.id,
      name: String(d.name ?? r.id),
      messageName: typeof d.sdkmessageid === 'string' ? messages.get(d.sdkmessageid) ?? '' : '',
      entityLogicalName: filter ? String(filter.primaryobjecttypecode ?? 'none') : undefined,
      stage: Number(d.stage ?? 40),
      mode: Number(d.mode ?? 0),
      rank: Number(d.rank ?? 1),
      filteringAttributes: parseFilteringAttributes(d.filteringattributes),
      serviceEndpointId: typeof d.eventhandler === 'string' ? d.eventhandler : '',
      asyncAutoDelete: d.asyncautodelete === true,
      enabled: Number(d.statecode ?? 0) === 0,
    };
  });
}

export function readEndpoint(store: RecordStore, id: string): EndpointRow | undefined {
  const r = store.get('serviceendpoint', id);
  if (!r || Number(r.data.contract) !== ServiceEndpointContract.Webhook) return undefined;
  return {
    id: r.id,
    name: String(r.data.name ?? id),
    url: String(r.data.url ?? ''),
    authType: r.data.authtype === undefined || r.data.authtype === null ? undefined : Number(r.data.authtype),
    authValue: typeof r.data.authvalue === 'string' ? r.data.authvalue : undefined,
  };
}

export function readImages(store: RecordStore, stepId: string): ImageRow[] {
  return store.find('sdkmessageprocessingstepimage', { sdkmessageprocessingstepid: stepId }).map((r) => ({
    name: String(r.data.entityalias ?? r.data.name ?? 'Image'),
    alias: String(r.data.entityalias ?? r.data.name ?? 'Image'),
    imageType: Number(r.data.imagetype ?? 0),
    attributes: parseFilteringAttributes(r.data.attributes),
  }));
}
