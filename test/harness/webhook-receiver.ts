import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery { path: string; query: URLSearchParams; headers: IncomingHttpHeaders; raw: string; body: Record<string, unknown> }

/**
 * A webhook receiver on 127.0.0.1 (what a Dataverse service endpoint posts to) whose answer per path
 * is scripted by the test: status, body, delay; status 0 never answers. Default: 202.
 */
export class Receiver {
  deliveries: Delivery[] = [];
  private answers = new Map<string, Array<{ status: number; body?: string; delayMs?: number }>>();
  inFlight = 0;
  maxInFlight = 0;
  private server?: Server;
  url = '';

  script(path: string, ...answers: Array<{ status: number; body?: string; delayMs?: number }>): void { this.answers.set(path, answers); }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const u = new URL(req.url ?? '/', 'http://x');
        this.deliveries.push({ path: u.pathname, query: u.searchParams, headers: req.headers, raw, body: JSON.parse(raw) as Record<string, unknown> });
        const queue = this.answers.get(u.pathname) ?? [];
        const answer = queue.length > 1 ? queue.shift()! : queue[0] ?? { status: 202 };
        if (answer.status === 0) return; // hang: never answer
        this.inFlight += 1;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        setTimeout(() => {
          this.inFlight -= 1;
          res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? '');
        }, answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  on(path: string): Delivery[] { return this.deliveries.filter((d) => d.path === path); }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}
