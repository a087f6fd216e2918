import { changeHash } from '../../bridge/engine/change-hash';
import { emptyTextAsNull } from '../../bridge/engine/empty-text';
import { payloadHash, stableStringify } from '../../bridge/engine/hash';
import { actualsTask } from '../../bridge/templates/actuals/mapping';
import { projectsTask } from '../../bridge/templates/projects-and-contracts/mapping';

describe('change hash and echo prevention', () => {
  const actual = { ActualId: 'a1', Amount: 100, Description: 'Design', ExternalReference: null };

  it('the voucher copied back to PSA (ExternalReference) does not change the actual’s change hash', () => {
    expect(actualsTask.filledByFinOps).toEqual(['ExternalReference']);
    expect(changeHash(actualsTask, { ...actual, ExternalReference: 'USMF-PSAV-000001' })).toBe(changeHash(actualsTask, actual));
  });

  it('any other field still changes it, and tasks without F&O-filled fields hash the whole payload', () => {
    expect(changeHash(actualsTask, { ...actual, Amount: 101 })).not.toBe(changeHash(actualsTask, actual));
    expect(changeHash(actualsTask, { ...actual, Description: 'Design ' })).not.toBe(changeHash(actualsTask, actual));
    const project = { ProjectID: 'PRJ-1', ExternalReference: 'x' };
    expect(changeHash(projectsTask, project)).toBe(payloadHash(project));
  });

  it('a date-time value counts (dynamics-web-api gives Dates): another time is another hash', () => {
    const at = (iso: string) => changeHash(actualsTask, { ...actual, EndDate: new Date(iso) });
    expect(at('2026-01-14T17:00:00Z')).not.toBe(at('2026-02-01T10:00:00Z'));
    expect(at('2026-01-14T17:00:00Z')).toBe(changeHash(actualsTask, { ...actual, EndDate: '2026-01-14T17:00:00.000Z' }));
  });

  it('writes flat payloads with sorted keys, skipped keys left out, whatever the key order and the previous payload', () => {
    const when = new Date('2026-01-14T17:00:00Z');
    const expected = '{"A":1,"B":"x\\"y","Z":null,"é":"2026-01-14T17:00:00.000Z","ü":true}';
    expect(stableStringify({ Z: null, B: 'x"y', A: 1, ü: true, é: when })).toBe(expected);
    expect(stableStringify({ A: 1, B: 'x"y', Z: null, é: when, ü: true })).toBe(expected);
    // the same keys again, now with a key to skip: the sorted key list of the previous call is not reused
    expect(stableStringify({ A: 1, B: 'x"y', Z: null, é: when, ü: true }, ['Z'])).toBe('{"A":1,"B":"x\\"y","é":"2026-01-14T17:00:00.000Z","ü":true}');
    expect(stableStringify({ A: 1, B: 'x"y', Z: null, é: when, ü: true })).toBe(expected);
    // nested values and undefined take the generic walk (undefined is written as null there)
    expect(stableStringify({ b: { y: [2, { d: 1, c: undefined }] }, a: undefined })).toBe('{"a":null,"b":{"y":[2,{"c":null,"d":1}]}}');
  });

  it('F&O empty text goes to Dataverse as null; other values pass unchanged', () => {
    expect(emptyTextAsNull({ a: '', b: ' ', c: 0, d: null, e: 'x', f: false })).toEqual({ a: null, b: ' ', c: 0, d: null, e: 'x', f: false });
  });
});
