/**
 * Per-path fault profiles for the emulators: latency and 429/503/500 rates, deterministic with a seed.
 *
 * Matching: a rule matches when its `method` (case-insensitive, optional) equals the request method and its
 * `path` (optional) is found in the request path — as a substring, or as a glob when it contains `*`
 * (`*` matches anything, including `/`). A rule without `path` matches every path.
 *
 * Decision for one request: the delay is the global latency plus the largest `latencyMs` of the matching
 * rules; then the matching rules are tried in order and, per rule, 429, then 503, then 500 are drawn from
 * one seeded pseudo-random sequence; the first hit decides the status. `setRules` restarts the sequence
 * (seed = the first rule's `seed`, else 1), so the same rules and the same request order give the same
 * faults every time.
 */
export interface FaultRule {
  path?: string;
  method?: string;
  latencyMs?: number;
  rate429?: number;
  rate503?: number;
  rate500?: number;
  retryAfterSeconds?: number;
  seed?: number;
}

export interface FaultDecision {
  delayMs: number;
  status?: 429 | 500 | 503;
  retryAfterSeconds?: number;
}

/** What `GET /_emulator/faults` answers and `PUT /_emulator/faults` accepts (a bare FaultRule[] is accepted too). */
export interface FaultProfile {
  latencyMs: number;
  rules: FaultRule[];
}

export class FaultConfigError extends Error {
  readonly code = 'EMULATOR_FAULTS_INVALID';
}

const DEFAULT_SEED = 1;
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** mulberry32: a tiny deterministic PRNG; returns numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function globMatches(glob: string, path: string): boolean {
  const parts = glob.split('*');
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === 0) {
      if (!path.startsWith(part)) return false;
      pos = part.length;
      continue;
    }
    if (i === parts.length - 1 && part.length > 0) return path.length - part.length >= pos && path.endsWith(part);
    const found = path.indexOf(part, pos);
    if (found < 0) return false;
    pos = found + part.length;
  }
  return true;
}

export function ruleMatches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (!rule.path) return true;
  return rule.path.includes('*') ? globMatches(rule.path, path) : path.includes(rule.path);
}

function checkRate(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new FaultConfigError(`${name} must be a number between 0 and 1 (got ${JSON.stringify(value)}).`);
  }
}

function checkNonNegative(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new FaultConfigError(`${name} must be a non-negative number (got ${JSON.stringify(value)}).`);
  }
}

/** Validates rules from an untrusted body; throws FaultConfigError with what to fix. */
export function validateFaultRules(input: unknown): FaultRule[] {
  if (!Array.isArray(input)) throw new FaultConfigError('Fault rules must be a JSON array of rule objects.');
  return input.map((raw, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new FaultConfigError(`Rule ${i} must be an object.`);
    }
    const r = raw as Record<string, unknown>;
    for (const k of ['path', 'method']) {
      if (r[k] !== undefined && typeof r[k] !== 'string') throw new FaultConfigError(`Rule ${i}: ${k} must be a string.`);
    }
    checkRate(`Rule ${i}: rate429`, r.rate429);
    checkRate(`Rule ${i}: rate503`, r.rate503);
    checkRate(`Rule ${i}: rate500`, r.rate500);
    checkNonNegative(`Rule ${i}: latencyMs`, r.latencyMs);
    checkNonNegative(`Rule ${i}: retryAfterSeconds`, r.retryAfterSeconds);
    if (r.seed !== undefined && (typeof r.seed !== 'number' || !Number.isInteger(r.seed))) {
      throw new FaultConfigError(`Rule ${i}: seed must be an integer.`);
    }
    const known = ['path', 'method', 'latencyMs', 'rate429', 'rate503', 'rate500', 'retryAfterSeconds', 'seed'];
    const unknown = Object.keys(r).filter((k) => !known.includes(k));
    if (unknown.length > 0) throw new FaultConfigError(`Rule ${i}: unknown field(s) ${unknown.join(', ')}; allowed: ${known.join(', ')}.`);
    return r as FaultRule;
  });
}

/** Parses a `PUT /_emulator/faults` body: either FaultRule[] or `{ latencyMs?, rules? }`. */
export function parseFaultProfile(body: unknown): Partial<FaultProfile> {
  if (Array.isArray(body)) return { rules: validateFaultRules(body) };
  if (typeof body !== 'object' || body === null) {
    throw new FaultConfigError('Send a JSON array of fault rules or an object {"latencyMs": N, "rules": [...]}.');
  }
  const b = body as Record<string, unknown>;
  const out: Partial<FaultProfile> = {};
  if (b.latencyMs !== undefined) {
    checkNonNegative('latencyMs', b.latencyMs);
    out.latencyMs = b.latencyMs as number;
  }
  if (b.rules !== undefined) out.rules = validateFaultRules(b.rules);
  return out;
}

export class FaultInjector {
  private current: FaultRule[] = [];
  private globalLatency = 0;
  private random: () => number = mulberry32(DEFAULT_SEED);

  constructor(opts: { latencyMs?: number; rules?: FaultRule[] } = {}) {
    this.globalLatency = opts.latencyMs ?? 0;
    if (opts.rules) this.setRules(opts.rules);
  }

  setRules(rules: FaultRule[]): void {
    this.current = rules.map((r) => ({ ...r }));
    this.random = mulberry32(this.current[0]?.seed ?? DEFAULT_SEED);
  }

  rules(): FaultRule[] {
    return this.current.map((r) => ({ ...r }));
  }

  setLatency(ms: number): void {
    this.globalLatency = ms;
  }

  latencyMs(): number {
    return this.globalLatency;
  }

  profile(): FaultProfile {
    return { latencyMs: this.globalLatency, rules: this.rules() };
  }

  applyProfile(profile: Partial<FaultProfile>): void {
    if (profile.latencyMs !== undefined) this.setLatency(profile.latencyMs);
    if (profile.rules !== undefined) this.setRules(profile.rules);
  }

  /** Removes every rule and the global latency (what `POST /_emulator/reset` does). */
  clear(): void {
    this.globalLatency = 0;
    this.setRules([]);
  }

  decide(method: string, path: string): FaultDecision {
    const matching = this.current.filter((r) => ruleMatches(r, method, path));
    const delayMs = this.globalLatency + matching.reduce((max, r) => Math.max(max, r.latencyMs ?? 0), 0);
    for (const rule of matching) {
      const draws: Array<[429 | 503 | 500, number | undefined]> = [
        [429, rule.rate429],
        [503, rule.rate503],
        [500, rule.rate500],
      ];
      for (const [status, rate] of draws) {
        if (!rate) continue;
        if (this.random() < rate) {
          return { delayMs, status, retryAfterSeconds: rule.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS };
        }
      }
    }
    return { delayMs };
  }
}
