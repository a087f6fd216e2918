/**
 * Delivers one webhook POST as Dataverse does: 60 s timeout, any non-2xx is a failure, and a
 * 502/503/504 gets exactly one retry. The response body is kept only to report the failure.
 */
import { WEBHOOK_RETRY_STATUSES, WEBHOOK_TIMEOUT_MS } from '../constants';
import type { WebhookAuth } from './auth';

export interface DeliveryRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  auth: WebhookAuth;
  timeoutMs?: number;
  /** Aborts the call (emulator shutdown). */
  signal?: AbortSignal;
}

export interface DeliveryOutcome {
  ok: boolean;
  attempts: number;
  status?: number;
  /** What the endpoint answered (trimmed), or the transport error. */
  detail: string;
}

export function targetUrl(url: string, auth: WebhookAuth): string {
  const u = new URL(url);
  for (const [k, v] of auth.query) u.searchParams.set(k, v);
  return u.toString();
}

async function attempt(req: DeliveryRequest): Promise<{ status?: number; detail: string }> {
  const timeoutMs = req.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  try {
    const res = await fetch(targetUrl(req.url, req.auth), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...req.headers, ...req.auth.headers },
      body: req.body,
      signal: req.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), req.signal]) : AbortSignal.timeout(timeoutMs),
    });
    const text = (await res.text()).slice(0, 2000).trim();
    return { status: res.status, detail: text || `${res.status} ${res.statusText}` };
  } catch (err) {
    const e = err as Error;
    if (req.signal?.aborted) return { detail: 'The webhook call was abandoned: the emulator is shutting down.' };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
      const after = timeoutMs >= 1000 && timeoutMs % 1000 === 0 ? `${timeoutMs / 1000} seconds` : `${timeoutMs} ms`;
      return { detail: `The webhook call timed out after ${after}.` };
    }
    const cause = (e as Error & { cause?: Error }).cause;
    return { detail: `The webhook endpoint could not be reached: ${cause?.message ?? e.message}` };
  }
}

export async function deliverWebhook(req: DeliveryRequest): Promise<DeliveryOutcome> {
  let result = await attempt(req);
  let attempts = 1;
  if (result.status !== undefined && WEBHOOK_RETRY_STATUSES.includes(result.status) && !req.signal?.aborted) {
    result = await attempt(req);
    attempts = 2;
  }
  const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
  return { ok, attempts, status: result.status, detail: result.detail };
}
