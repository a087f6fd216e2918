/** F&O OData protocol strings (named once). */
export const FO = {
  dataPath: '/data',
  crossCompany: 'cross-company',
  company: 'dataAreaId',
  nextLink: '@odata.nextLink',
  json: 'application/json',
  jsonMinimal: 'application/json;odata.metadata=minimal',
  odataVersion: { 'OData-Version': '4.0', 'OData-MaxVersion': '4.0' },
  /** Infolog text of a POST whose key exists (protocols §2.4). */
  duplicateText: 'already exists',
  /** Creates answer 204 without the entity: the bridge never reads it back. */
  returnMinimal: { Prefer: 'return=minimal' },
  /** PATCH of a key that does not exist (protocols §2.4). */
  notFoundForUpdateText: 'No resources were found when selecting for update',
} as const;
