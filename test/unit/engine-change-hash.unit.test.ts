import { changeHash } from '../../bridge/engine/change-hash';
import { emptyTextAsNull } from '../../bridge/engine/empty-text';
import { payloadHash } from '../../bridge/engine/hash';
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

  it('F&O empty text goes to Dataverse as null; other values pass unchanged', () => {
    expect(emptyTextAsNull({ a: '', b: ' ', c: 0, d: null, e: 'x', f: false })).toEqual({ a: null, b: ' ', c: 0, d: null, e: 'x', f: false });
  });
});
