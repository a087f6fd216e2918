/** A tiny router for the non-OData routes the platform layer registers (`/WebResources/*`). */
import type { RouteHandler, RouteOptions } from './extensibility';

interface CustomRoute {
  method: string;
  parts: string[];
  handler: RouteHandler;
  options: RouteOptions;
}

export interface RouteMatch {
  handler: RouteHandler;
  params: Record<string, string>;
  options: RouteOptions;
}

export class CustomRoutes {
  private readonly routes: CustomRoute[] = [];

  add(method: string, url: string, handler: RouteHandler, options: RouteOptions = {}): void {
    if (!url.startsWith('/')) throw new Error(`Route '${url}' must start with '/'.`);
    if (url.startsWith('/api/data/') || url.startsWith('/_emulator')) throw new Error(`Route '${url}' would shadow the Web API or the admin endpoints.`);
    this.routes.push({ method: method.toUpperCase(), parts: url.split('/').slice(1), handler, options });
  }

  match(method: string, path: string): RouteMatch | undefined {
    const segments = path.split('/').slice(1);
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase() && !(route.method === 'GET' && method.toUpperCase() === 'HEAD')) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < route.parts.length; i++) {
        const part = route.parts[i];
        if (part === '*') {
          params['*'] = segments.slice(i).map(safeDecode).join('/');
          i = route.parts.length;
          break;
        }
        const seg = segments[i];
        if (seg === undefined) { ok = false; break; }
        if (part.startsWith(':')) params[part.slice(1)] = safeDecode(seg);
        else if (part !== seg) { ok = false; break; }
      }
      if (ok && (route.parts.includes('*') || route.parts.length === segments.length)) return { handler: route.handler, params, options: route.options };
    }
    return undefined;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
