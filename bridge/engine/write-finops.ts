import type { EnginePorts, FoWriteOp, FoWriteResult } from './ports';

/**
 * PATCH bodies carry no key fields (the key is in the URL), and not the fields F&O fills itself:
 * PSA's copy of the voucher, empty until it comes back, must not blank F&O's.
 */
export function patchBody(op: FoWriteOp): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(op.payload)) if (!(k in op.key) && !op.filledByFinOps?.includes(k)) body[k] = v;
  return body;
}

function flip(op: FoWriteOp): FoWriteOp {
  return op.method === 'POST' ? { ...op, method: 'PATCH' } : { ...op, method: 'POST' };
}

/**
 * F&O has no upsert (protocols §2.4): writes POST or PATCH as the key map says, in one $batch, then
 * sends a second $batch for the fallbacks — POST answered "already exists" becomes PATCH, PATCH
 * answered "not found" becomes POST. Results are in the order of `ops`.
 */
export async function writeWithFallbacks(ports: Pick<EnginePorts, 'writeFinOps'>, ops: readonly FoWriteOp[]): Promise<FoWriteResult[]> {
  const first = await ports.writeFinOps(ops);
  const again: number[] = [];
  first.forEach((r, i) => {
    if (!r.ok && ((r.kind === 'duplicate' && ops[i].method === 'POST') || (r.kind === 'notFound' && ops[i].method === 'PATCH'))) again.push(i);
  });
  if (again.length === 0) return first;
  const second = await ports.writeFinOps(again.map((i) => flip(ops[i])));
  const out = [...first];
  again.forEach((i, j) => {
    out[i] = second[j];
  });
  return out;
}
