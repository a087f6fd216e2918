import { rebaseLink } from '../../bridge/connectors/dataverse/retrieve-changes';

describe('saved delta links', () => {
  it('follow the environment to its current URL, keeping path and query', () => {
    const saved = "http://127.0.0.1:41234/api/data/v9.2/msdyn_projects?$select=msdyn_subject&$deltatoken=919042%2108%2f22%2f2017";
    expect(rebaseLink(saved, 'http://127.0.0.1:7071/api/data/v9.2')).toBe('http://127.0.0.1:7071/api/data/v9.2/msdyn_projects?$select=msdyn_subject&$deltatoken=919042%2108%2f22%2f2017');
    expect(rebaseLink(saved.replace('http://127.0.0.1:41234', 'https://contoso.crm.dynamics.com'), 'https://contoso.api.crm.dynamics.com/api/data/v9.2'))
      .toMatch(/^https:\/\/contoso\.api\.crm\.dynamics\.com\/api\/data\/v9\.2\/msdyn_projects\?/);
  });

  it('leaves a link it does not understand alone', () => {
    expect(rebaseLink('opaque-token', 'http://x/api/data/v9.2')).toBe('opaque-token');
  });
});
