import { createHash } from 'node:crypto';
import type { IdentityApp, IdentityTenant } from './config';

/** The emulator's directory: tenants, applications and the resources tokens may be issued for. */
export class IdentityDirectory {
  private readonly tenants: IdentityTenant[];
  private readonly apps = new Map<string, IdentityApp>();
  private readonly resources: Set<string> | undefined;

  constructor(opts: { tenants: IdentityTenant[]; apps: IdentityApp[]; resources?: string[] }) {
    this.tenants = opts.tenants.map((t) => ({ ...t }));
    for (const app of opts.apps) this.addApp(app);
    this.resources = opts.resources ? new Set(opts.resources.map(normalizeResource)) : undefined;
  }

  /** Finds a tenant by name or GUID (case-insensitive). */
  tenant(nameOrId: string): IdentityTenant | undefined {
    const key = nameOrId.toLowerCase();
    return this.tenants.find((t) => t.name.toLowerCase() === key || t.id.toLowerCase() === key);
  }

  app(clientId: string): IdentityApp | undefined {
    return this.apps.get(clientId);
  }

  addApp(app: IdentityApp): void {
    this.apps.set(app.clientId, { ...app, objectId: app.objectId ?? objectIdFor(app.clientId) });
  }

  /** Registers a resource (e.g. an emulator's base URL) when the directory restricts resources. */
  addResource(resource: string): void {
    this.resources?.add(normalizeResource(resource));
  }

  resourceKnown(resource: string): boolean {
    const r = normalizeResource(resource);
    if (r.startsWith('api://')) return true;
    if (this.resources) return this.resources.has(r);
    return r.startsWith('http://') || r.startsWith('https://');
  }
}

export function normalizeResource(resource: string): string {
  return resource.endsWith('/') ? resource.slice(0, -1) : resource;
}

/** A stable GUID-shaped object id derived from the client id. */
export function objectIdFor(clientId: string): string {
  const h = createHash('sha256').update(`oid:${clientId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
