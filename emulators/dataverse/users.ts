/**
 * Callers: the bearer token's application (appid / azp) or user (oid) maps to a systemuser row,
 * created on first sight as an application user (`# <client id>`, access mode Non-interactive),
 * as an administrator would have done with the app registration. Ids are derived from the
 * client id, so they are stable across restarts and resets.
 */
import { createHash } from 'node:crypto';
import { errors } from './errors';
import type { RecordStore } from './store/types';
import { isGuid, nowIso } from './odata/values';

export const SYSTEM_USER_ID = '5a1f0c6e-0000-4000-8000-000000000001';

export function ensureSystemUser(store: RecordStore): void {
  if (store.get('systemuser', SYSTEM_USER_ID)) return;
  const now = nowIso();
  store.insert('systemuser', SYSTEM_USER_ID, { fullname: 'SYSTEM', accessmode: 1, isdisabled: false, statecode: 0, statuscode: 1, createdon: now, modifiedon: now });
}

/** A name-based UUID (SHA-1, RFC 4122 version 5 layout) for a client or object id. */
export function stableUserId(name: string): string {
  const hash = createHash('sha1').update(`psafo-dataverse-user:${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function callerFor(store: RecordStore, cache: Map<string, string>, claims: Record<string, unknown>): string {
  const appId = typeof claims.appid === 'string' ? claims.appid : typeof claims.azp === 'string' ? claims.azp : undefined;
  const oid = typeof claims.oid === 'string' ? claims.oid : undefined;
  const name = appId ?? oid;
  if (!name) return SYSTEM_USER_ID;
  const cached = cache.get(name);
  if (cached) return cached;
  const id = stableUserId(name);
  if (!store.get('systemuser', id)) {
    const now = nowIso();
    store.insert('systemuser', id, {
      fullname: appId ? `# ${appId}` : `User ${oid}`,
      ...(appId && isGuid(appId) ? { applicationid: appId.toLowerCase() } : {}),
      ...(oid && isGuid(oid) ? { azureactivedirectoryobjectid: oid.toLowerCase() } : {}),
      accessmode: appId ? 4 : 0, isdisabled: false, statecode: 0, statuscode: 1, createdon: now, modifiedon: now,
    });
  }
  cache.set(name, id);
  return id;
}

/**
 * Impersonation (PAD webapi/impersonate-another-user-web-api.md): `MSCRMCallerID: <systemuserid>` or
 * `CallerObjectId: <Entra object id>` makes the request run as that user. Service protection still
 * counts the authenticated caller.
 */
export function impersonatedCaller(store: RecordStore, headers: Record<string, string | undefined>, caller: string): string {
  const byId = headers.mscrmcallerid;
  if (byId) {
    if (!isGuid(byId)) throw errors.badGuid(byId);
    const id = byId.toLowerCase();
    if (!store.exists('systemuser', id)) throw errors.recordNotFound('systemuser', id);
    return id;
  }
  const objectId = headers.callerobjectid;
  if (objectId) {
    if (!isGuid(objectId)) throw errors.badGuid(objectId);
    const user = store.findByColumns('systemuser', { azureactivedirectoryobjectid: objectId.toLowerCase() });
    if (!user) throw errors.invalidArgument(`No systemuser has azureactivedirectoryobjectid ${objectId.toLowerCase()} (CallerObjectId).`);
    return user.id;
  }
  return caller;
}
