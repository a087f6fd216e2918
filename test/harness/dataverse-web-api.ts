/** A Web API JSON call answered by a Dataverse (emulator) under test. */
export interface WebApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of many shapes
  json: any;
}

/**
 * Raw Web API calls for tests: `call(method, path, body?)` against the base URL `baseUrl()` gives
 * (read when called, as tests start the server in beforeAll); a JSON answer is parsed into `json`.
 */
export function webApiCaller(baseUrl: () => string): (method: string, path: string, body?: unknown) => Promise<WebApiAnswer> {
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json', 'odata-version': '4.0' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const isJson = (res.headers.get('content-type') ?? '').includes('json');
    return { status: res.status, headers: res.headers, text, json: text && isJson ? JSON.parse(text) : undefined };
  };
}

/** The record id in a create's `OData-EntityId` header. */
export function entityIdOf(res: { headers: Headers }): string {
  const m = /\(([0-9a-f-]{36})\)$/.exec(res.headers.get('odata-entityid') ?? '');
  if (!m) throw new Error(`no record id in OData-EntityId '${res.headers.get('odata-entityid') ?? ''}'`);
  return m[1];
}
