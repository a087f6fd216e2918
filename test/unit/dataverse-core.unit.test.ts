/**
 * Pure pieces of the Dataverse emulator's OData core: the $filter parser, key predicates, paging
 * cookies and delta tokens, the multipart reader, and the service-protection window (fake clock).
 */
import fc from 'fast-check';
import { DataverseError } from '../../emulators/dataverse/errors';
import { parseFilter, tokenize } from '../../emulators/dataverse/odata/filter-parser';
import { parseKey } from '../../emulators/dataverse/odata/keys';
import { boundaryOf, parseHttpRequest, splitMultipart } from '../../emulators/dataverse/odata/multipart';
import { buildDeltaToken, buildSkipToken, parseDeltaToken, parseSkipToken } from '../../emulators/dataverse/odata/paging';
import { buildQuery, splitQuery } from '../../emulators/dataverse/odata/query-options';
import { compileFilter } from '../../emulators/dataverse/odata/sql';
import { canonicalDate, canonicalDateTime } from '../../emulators/dataverse/odata/values';
import { ServiceProtection } from '../../emulators/dataverse/protection';
import { SchemaRegistry } from '../../emulators/dataverse/schema/registry';
import type { CompiledTable } from '../../emulators/dataverse/schema/registry';

const schema = new SchemaRegistry();
const accounts = schema.byEntitySet('accounts') as CompiledTable;
const projects = schema.byEntitySet('msdyn_projects') as CompiledTable;

function dvError(fn: () => unknown): DataverseError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DataverseError) return err;
    throw err;
  }
  throw new Error('expected a DataverseError');
}

describe('$filter parser', () => {
  it('honours precedence: not > and > or, and parentheses', () => {
    expect(parseFilter("a eq 1 or b eq 2 and not c eq 3")).toEqual({
      type: 'or',
      left: { type: 'compare', op: 'eq', left: { kind: 'property', path: ['a'] }, right: { kind: 'literal', literal: { kind: 'number', value: 1, text: '1' } } },
      right: { type: 'and', left: expect.objectContaining({ op: 'eq' }), right: { type: 'not', operand: expect.objectContaining({ op: 'eq' }) } },
    });
    expect(parseFilter('(a eq 1 or b eq 2) and c eq 3').type).toBe('and');
  });

  it('reads GUID, date, date-time, null, boolean and escaped string literals', () => {
    const kinds = tokenize("00000000-0000-0000-0000-00000000000A 2024-01-02 2024-01-02T03:04:05Z null true 'O''Brien' 1.5").map((t) => (t.t === 'lit' ? t.v : t.v));
    expect(kinds).toEqual([
      { kind: 'guid', value: '00000000-0000-0000-0000-00000000000a' }, { kind: 'date', value: '2024-01-02' },
      { kind: 'datetime', value: '2024-01-02T03:04:05Z' }, { kind: 'null' }, { kind: 'boolean', value: true },
      { kind: 'string', value: "O'Brien" }, { kind: 'number', value: 1.5, text: '1.5' },
    ]);
  });

  it('round-trips any string literal through the OData quote escaping', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const [token] = tokenize(`'${text.replace(/'/g, "''")}'`);
      return token.t === 'lit' && token.v.kind === 'string' && token.v.value === text;
    }));
  });

  it('parses Microsoft.Dynamics.CRM functions with list arguments and parameter aliases', () => {
    expect(parseFilter("Microsoft.Dynamics.CRM.In(PropertyName='name',PropertyValues=['a',@p])", { '@p': "'b'" })).toEqual({
      type: 'crm', name: 'In', args: { PropertyName: { kind: 'string', value: 'name' }, PropertyValues: [{ kind: 'string', value: 'a' }, { kind: 'string', value: 'b' }] },
    });
  });

  it('rejects bad syntax with the service error and the position', () => {
    expect(dvError(() => parseFilter("name eq 'x")).message).toBe("There is an unterminated literal at position 8 in 'name eq 'x'.");
    expect(dvError(() => parseFilter('name eq')).status).toBe(400);
    expect(dvError(() => parseFilter('name eq 1 1')).message).toMatch(/position 10/);
    expect(dvError(() => parseFilter('tolower(name) eq 1')).message).toMatch(/unknown function with name 'tolower'/);
  });
});

describe('$filter → SQL', () => {
  it('binds every literal as a parameter, compares strings case-insensitively and maps _x_value', () => {
    const q = compileFilter(schema, projects, parseFilter("msdyn_subject eq 'A''; DROP TABLE x' and _msdyn_customer_value eq 00000000-0000-0000-0000-000000000001"));
    expect(q.where).toBe("(json_extract(data, '$.msdyn_subject') = ? COLLATE NOCASE AND json_extract(data, '$.msdyn_customer') = ?)");
    expect(q.params).toEqual(["A'; DROP TABLE x", '00000000-0000-0000-0000-000000000001']);
  });

  it('normalizes date literals for date-time columns and LIKE-escapes contains', () => {
    expect(compileFilter(schema, projects, parseFilter('msdyn_scheduledstart ge 2024-04-01')).params).toEqual(['2024-04-01T00:00:00Z']);
    expect(compileFilter(schema, accounts, parseFilter("contains(name,'50%_off')")).params).toEqual(['%50\\%\\_off%']);
  });

  it('refuses lookup column names, unknown columns and literals of the wrong type', () => {
    expect(dvError(() => compileFilter(schema, projects, parseFilter("msdyn_customer eq 'x'"))).message).toMatch(/Could not find a property named 'msdyn_customer'/);
    expect(dvError(() => compileFilter(schema, accounts, parseFilter("creditlimit gt 'x'"))).message).toMatch(/incompatible types/);
  });
});

describe('key predicates', () => {
  it('accepts GUIDs, pk=guid, alternate keys; refuses the rest', () => {
    expect(parseKey(accounts, '00000000-0000-0000-0000-0000000000AB')).toEqual({ kind: 'id', id: '00000000-0000-0000-0000-0000000000ab' });
    expect(parseKey(accounts, 'accountid=00000000-0000-0000-0000-0000000000ab')).toEqual({ kind: 'id', id: '00000000-0000-0000-0000-0000000000ab' });
    expect(parseKey(accounts, "accountnumber='A,1'")).toEqual({ kind: 'columns', columns: { accountnumber: 'A,1' }, text: "accountnumber='A,1'" });
    expect(dvError(() => parseKey(accounts, "name='x'")).message).toMatch(/The key in the request URI is not valid/);
    expect(dvError(() => parseKey(accounts, '12')).message).toMatch(/not a valid Guid/);
  });
});

describe('paging cookies and delta tokens', () => {
  it('round-trips a skiptoken through an encoded nextLink', () => {
    const token = buildSkipToken({ pageNumber: 3, lastId: 'ab000000-0000-0000-0000-000000000001', tracking: { upTo: 9, after: 4, phase: 'deleted' } }, 'account', 'accountid');
    expect(token).toMatch(/^<cookie pagenumber="3" pagingcookie="%3Ccookie%20page%3D%222%22%3E%3Caccountid%20last%3D%22%7BAB000000-/);
    expect(token).toMatch(/ istracking="True"\/>$/);
    const query = buildQuery([['$select', 'name']], { $skiptoken: token });
    const [, decoded] = splitQuery(query).find(([k]) => k === '$skiptoken') as [string, string];
    expect(parseSkipToken(decoded, 'accountid')).toEqual({ pageNumber: 3, lastId: 'ab000000-0000-0000-0000-000000000001', tracking: { upTo: 9, after: 4, phase: 'deleted' } });
  });

  it('writes delta tokens as <version>!<MM/dd/yyyy HH:mm:ss> and expires them after the retention', () => {
    const at = new Date(Date.UTC(2017, 7, 22, 8, 10, 44));
    expect(buildDeltaToken(919042, at)).toBe('919042!08/22/2017 08:10:44');
    expect(parseDeltaToken('919042!08/22/2017 08:10:44', 7, at.getTime() + 86_400_000)).toBe(919042);
    expect(dvError(() => parseDeltaToken('919042!08/22/2017 08:10:44', 7, at.getTime() + 8 * 86_400_000)).message).toMatch(/expired/);
  });

  it('canonicalizes dates', () => {
    expect(canonicalDateTime('2024-03-01T10:00:00.123+02:00')).toBe('2024-03-01T08:00:00Z');
    expect(canonicalDateTime('2024-13-01')).toBeUndefined();
    expect(canonicalDate('2024-03-01T23:00:00Z')).toBe('2024-03-01');
  });
});

describe('multipart reader', () => {
  it('reads boundaries, nested parts and request lines with CRLF or LF', () => {
    expect(boundaryOf('multipart/mixed; boundary="batch_1"')).toBe('batch_1');
    expect(boundaryOf('application/json')).toBeUndefined();
    const body = '--b\nContent-Type: application/http\n\nGET /api/data/v9.2/accounts HTTP/1.1\nAccept: application/json\n\n\n--b--\n';
    const [part] = splitMultipart(body, 'b');
    expect(part.headers['content-type']).toBe('application/http');
    expect(parseHttpRequest(part.body)).toEqual({ method: 'GET', url: '/api/data/v9.2/accounts', headers: { accept: 'application/json' }, body: '' });
  });
});

describe('service protection window', () => {
  it('counts requests per user over a sliding window and computes Retry-After', () => {
    let now = 0;
    const p = new ServiceProtection({ requests: 3, windowSeconds: 10, executionMs: 1e9, concurrent: 10 }, () => now);
    for (let i = 0; i < 3; i++) { p.enter('u'); p.leave('u', 1); now += 1000; }
    const e = dvError(() => p.enter('u'));
    expect([e.status, e.code, e.headers['Retry-After']]).toEqual([429, '0x80072322', '7']);
    p.enter('other');
    now = 10_001;
    expect(() => p.enter('u')).not.toThrow();
  });

  it('limits combined execution time and concurrency', () => {
    let now = 0;
    const p = new ServiceProtection({ requests: 100, windowSeconds: 300, executionMs: 1000, concurrent: 1 }, () => now);
    p.enter('u');
    expect(dvError(() => p.enter('u')).code).toBe('0x80072326');
    now = 5;
    p.leave('u', 1500);
    const e = dvError(() => p.enter('u'));
    expect(e.code).toBe('0x80072321');
    expect(e.message).toBe('Combined execution time of incoming requests exceeded limit of 1,000  milliseconds over time window of 300 seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.');
    expect(e.headers['Retry-After']).toBe('300');
  });
});
