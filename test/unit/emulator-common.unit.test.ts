import { FaultConfigError, FaultInjector, parseFaultProfile, ruleMatches, validateFaultRules } from '../../emulators/common/faults';
import { RequestCounters, routeKey } from '../../emulators/common/counters';
import { bearerToken, normalizeAudience } from '../../emulators/common/auth';

describe('FaultInjector', () => {
  it('matches by method and by path substring or glob', () => {
    expect(ruleMatches({ path: '/accounts' }, 'GET', '/api/data/v9.2/accounts?$top=1')).toBe(true);
    expect(ruleMatches({ path: '/accounts', method: 'post' }, 'GET', '/api/data/v9.2/accounts')).toBe(false);
    expect(ruleMatches({ path: '/api/*/$batch' }, 'POST', '/api/data/v9.2/$batch')).toBe(true);
    expect(ruleMatches({ path: '/api/*/$batch' }, 'POST', '/data/$batch')).toBe(false);
    expect(ruleMatches({ path: '*Proj*' }, 'GET', '/data/ProjCDSProjects')).toBe(true);
    expect(ruleMatches({}, 'DELETE', '/anything')).toBe(true);
  });

  it('is deterministic for a seed and restarts its sequence on setRules', () => {
    const rules = [{ path: '/x', rate429: 0.3, rate503: 0.2, seed: 42 }];
    const run = (f: FaultInjector) => Array.from({ length: 200 }, () => f.decide('GET', '/x').status ?? 0);
    const a = new FaultInjector({ rules });
    const first = run(a);
    a.setRules(rules);
    expect(run(a)).toEqual(first);
    expect(run(new FaultInjector({ rules }))).toEqual(first);
    expect(run(new FaultInjector({ rules: [{ ...rules[0], seed: 7 }] }))).not.toEqual(first);
  });

  it('hits roughly the configured rates and never faults unmatched paths', () => {
    const f = new FaultInjector({ rules: [{ path: '/hot', rate429: 0.25, rate500: 0.1, retryAfterSeconds: 3 }] });
    const decisions = Array.from({ length: 4000 }, () => f.decide('GET', '/hot'));
    const share = (s: number) => decisions.filter((d) => d.status === s).length / decisions.length;
    expect(share(429)).toBeGreaterThan(0.2);
    expect(share(429)).toBeLessThan(0.3);
    expect(share(500)).toBeGreaterThan(0.05);
    expect(share(500)).toBeLessThan(0.11);
    expect(decisions.find((d) => d.status === 429)?.retryAfterSeconds).toBe(3);
    expect(Array.from({ length: 100 }, () => f.decide('GET', '/cold').status).every((s) => s === undefined)).toBe(true);
  });

  it('adds the global latency to the largest matching rule latency; clear removes both', () => {
    const f = new FaultInjector({ latencyMs: 5, rules: [{ latencyMs: 10 }, { path: '/slow', latencyMs: 100 }] });
    expect(f.decide('GET', '/slow').delayMs).toBe(105);
    expect(f.decide('GET', '/fast').delayMs).toBe(15);
    f.clear();
    expect(f.decide('GET', '/slow')).toEqual({ delayMs: 0 });
  });

  it('validates rules and profiles with messages saying what to fix', () => {
    expect(() => validateFaultRules({})).toThrow(FaultConfigError);
    expect(() => validateFaultRules([{ rate429: 2 }])).toThrow(/rate429 must be a number between 0 and 1/);
    expect(() => validateFaultRules([{ latencyMs: -1 }])).toThrow(/latencyMs must be a non-negative number/);
    expect(() => validateFaultRules([{ rate: 0.5 }])).toThrow(/unknown field\(s\) rate/);
    expect(() => validateFaultRules([{ seed: 1.5 }])).toThrow(/seed must be an integer/);
    expect(parseFaultProfile([{ path: '/a', rate503: 1 }])).toEqual({ rules: [{ path: '/a', rate503: 1 }] });
    expect(parseFaultProfile({ latencyMs: 20 })).toEqual({ latencyMs: 20 });
    expect(() => parseFaultProfile('x')).toThrow(FaultConfigError);
  });
});

describe('RequestCounters', () => {
  it('counts by method and path without the query string, and resets', () => {
    const c = new RequestCounters();
    c.record('get', '/api/data/v9.2/accounts?$top=5');
    c.record('GET', '/api/data/v9.2/accounts');
    c.record('POST', '/api/data/v9.2/$batch');
    expect(c.snapshot()).toEqual({ total: 3, byRoute: { 'GET /api/data/v9.2/accounts': 2, 'POST /api/data/v9.2/$batch': 1 } });
    expect(routeKey('patch', '/data/X?cross-company=true')).toBe('PATCH /data/X');
    c.reset();
    expect(c.snapshot()).toEqual({ total: 0, byRoute: {} });
  });
});

describe('bearer helpers', () => {
  it('extracts bearer tokens case-insensitively and normalizes audiences', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer ')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
    expect(normalizeAudience('http://127.0.0.1:7071/')).toBe('http://127.0.0.1:7071');
  });
});
