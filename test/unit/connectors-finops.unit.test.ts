import { buildChangesetBatch, boundaryOf, parseBatchResponse } from '../../bridge/connectors/odata/multipart';
import { parseFinOpsError } from '../../bridge/connectors/finops/errors';
import { formatKey, keyPath } from '../../bridge/connectors/finops/key';
import { parseCsdl } from '../../bridge/connectors/finops/metadata';

describe('F&O OData pieces', () => {
  it('formats keys with dataAreaId and escaped quotes', () => {
    expect(formatKey({ dataAreaId: 'USSI', ProjectID: "O'Brien-1" })).toBe("(dataAreaId='USSI',ProjectID='O''Brien-1')");
    expect(formatKey({ JournalId: 'J1', LineNum: 3 })).toBe("(JournalId='J1',LineNum=3)");
    expect(keyPath('ProjCDSProjects', { dataAreaId: 'USSI', ProjectID: 'A B#1' })).toBe("ProjCDSProjects(dataAreaId='USSI',ProjectID='A%20B%231')");
    expect(() => formatKey({ ProjectID: null })).toThrow(/ProjectID/);
  });

  it('builds one changeset per operation', () => {
    const { contentType, body } = buildChangesetBatch(
      [
        { method: 'POST', url: 'http://fo/data/ProjCDSProjects', body: { ProjectID: 'P1' } },
        { method: 'PATCH', url: "http://fo/data/ProjCDSProjects(dataAreaId='USSI',ProjectID='P2')", body: { ProjectName: 'x' } },
      ],
      'batch_test',
    );
    expect(contentType).toBe('multipart/mixed; boundary=batch_test');
    expect(body.match(/Content-Type: multipart\/mixed; boundary=changeset_/g)).toHaveLength(2);
    expect(body).toContain('POST http://fo/data/ProjCDSProjects HTTP/1.1\r\n');
    expect(body).toContain('{"ProjectID":"P1"}');
    expect(body.endsWith('--batch_test--\r\n')).toBe(true);
  });

  it('parses a batch answer with nested changeset responses and a failed changeset', () => {
    const text = [
      '--batchresponse_1',
      'Content-Type: multipart/mixed; boundary=changesetresponse_a',
      '',
      '--changesetresponse_a',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      'Content-ID: 1',
      '',
      'HTTP/1.1 201 Created',
      'Content-Type: application/json; odata.metadata=minimal',
      '',
      '{"ProjectID":"P1"}',
      '--changesetresponse_a--',
      '--batchresponse_1',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      'HTTP/1.1 500 Internal Server Error',
      'Content-Type: application/json',
      '',
      '{"error":{"code":"","message":"An error has occurred.","innererror":{"message":"Write failed for table row of type \'ProjCDSProjectEntity\'. Infolog: Info: Cannot create a record in Project (ProjTable). The record already exists..","type":"X"}}}',
      '--batchresponse_1--',
      '',
    ].join('\r\n');
    expect(boundaryOf('multipart/mixed; boundary=batchresponse_1')).toBe('batchresponse_1');
    const parts = parseBatchResponse(text, 'batchresponse_1');
    expect(parts.map((p) => p.status)).toEqual([201, 500]);
    expect(parts[0].contentId).toBe('1');
    expect(parseFinOpsError(parts[1].status, parts[1].body)).toMatchObject({ kind: 'duplicate', status: 500 });
  });

  it('reads a batch answer with bare LF line ends, a 204 without headers, and extra headers per operation', () => {
    const text = ['--b', 'Content-Type: multipart/mixed; boundary=cs', '', '--cs', 'Content-Type: application/http', 'Content-ID: 7', '', 'HTTP/1.1 204 No Content', '', '', '--cs--', '--b', 'Content-Type: application/http', '', 'HTTP/1.1 400 Bad Request', 'Content-Type: application/json', '', '  {"error":{"message":"x"}}  ', '', '--b--', ''].join('\n');
    expect(parseBatchResponse(text, 'b')).toEqual([
      { status: 204, headers: {}, body: '', contentId: '7' },
      { status: 400, headers: { 'content-type': 'application/json' }, body: '{"error":{"message":"x"}}', contentId: undefined },
    ]);
    const { body } = buildChangesetBatch([{ method: 'POST', url: 'http://fo/data/E', body: { a: 1 }, headers: { Accept: 'text/plain', Prefer: 'return=minimal' } }, { method: 'DELETE', url: 'http://fo/data/E(1)' }], 'b');
    expect(body).toContain('POST http://fo/data/E HTTP/1.1\r\nContent-Type: application/json\r\nAccept: text/plain\r\nOData-Version: 4.0\r\nPrefer: return=minimal\r\n\r\n{"a":1}\r\n');
    expect(body).toContain('DELETE http://fo/data/E(1) HTTP/1.1\r\nContent-Type: application/json\r\nAccept: application/json\r\nOData-Version: 4.0\r\n\r\n\r\n');
    const changesets = [...body.matchAll(/boundary=(changeset_\S+)/g)].map((m) => m[1]);
    expect(new Set(changesets).size).toBe(2);
  });

  it('classifies F&O errors and keeps the Infolog message', () => {
    const body = (m: string) => JSON.stringify({ error: { code: '', message: 'An error has occurred.', innererror: { message: m, type: 'T' } } });
    expect(parseFinOpsError(400, body('No resources were found when selecting for update.'))).toMatchObject({ kind: 'notFound' });
    const v = parseFinOpsError(400, body("Write failed for table row of type 'ProjCDSProjectEntity'. Infolog: The field 'Project name' is too long."));
    expect(v).toMatchObject({ kind: 'validation', code: 'FINOPS_VALIDATION' });
    expect(v.serviceMessage).toMatch(/too long/);
    expect(parseFinOpsError(429, JSON.stringify({ error: { code: '', message: 'Too many requests' } }))).toMatchObject({ kind: 'throttled', serviceMessage: 'Too many requests' });
    expect(parseFinOpsError(401, '')).toMatchObject({ kind: 'auth', serviceMessage: 'HTTP 401' });
  });

  it('reads entity sets and properties from CSDL', () => {
    const xml = `<?xml version="1.0"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
      <Schema Namespace="Microsoft.Dynamics.DataEntities" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="ProjCDSProject"><Key><PropertyRef Name="dataAreaId"/></Key><Property Name="dataAreaId" Type="Edm.String"/><Property Name="ProjectID" Type="Edm.String"/></EntityType>
      <EntityContainer Name="Resources"><EntitySet Name="ProjCDSProjects" EntityType="Microsoft.Dynamics.DataEntities.ProjCDSProject"/></EntityContainer>
      </Schema></edmx:DataServices></edmx:Edmx>`;
    const m = parseCsdl(xml);
    expect([...(m.entitySets.get('ProjCDSProjects') ?? [])]).toEqual(['dataAreaId', 'ProjectID']);
  });
});
