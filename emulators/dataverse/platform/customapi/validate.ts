/**
 * Validates a Custom API call body against its request parameter definitions, as the OData layer
 * of the Web API does before the message runs: unknown parameters, missing non-optional ones and
 * values of the wrong JSON shape are 400s. Pure.
 */
import { CustomApiFieldType } from '../constants';
import { platformErrors } from '../errors';

export interface ParameterDefinition { uniqueName: string; type: number; isOptional: boolean }

const EDM: Record<number, string> = {
  0: 'Edm.Boolean', 1: 'Edm.DateTimeOffset', 2: 'Edm.Decimal', 3: 'mscrm.crmbaseentity', 4: 'Collection(mscrm.crmbaseentity)',
  5: 'mscrm.crmbaseentity', 6: 'Edm.Double', 7: 'Edm.Int32', 8: 'Edm.Decimal', 9: 'Edm.Int32', 10: 'Edm.String',
  11: 'Collection(Edm.String)', 12: 'Edm.Guid',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const START_ARRAY = "An unexpected 'StartArray' node was found when reading from the JSON reader. A 'PrimitiveValue' node was expected.";
const PRIMITIVE_FOR_ARRAY = "An unexpected 'PrimitiveValue' node was found when reading from the JSON reader. A 'StartArray' node was expected.";
const cannotConvert = (edm: string) => `Cannot convert a primitive value to the expected type '${edm}'. See the inner exception for more details.`;

function primitiveOk(type: number, value: unknown): boolean {
  switch (type) {
    case CustomApiFieldType.Boolean: return typeof value === 'boolean';
    case CustomApiFieldType.DateTime: return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case CustomApiFieldType.Decimal:
    case CustomApiFieldType.Float:
    case CustomApiFieldType.Money: return typeof value === 'number' && Number.isFinite(value);
    case CustomApiFieldType.Integer:
    case CustomApiFieldType.Picklist: return typeof value === 'number' && Number.isInteger(value);
    case CustomApiFieldType.String: return typeof value === 'string';
    case CustomApiFieldType.Guid: return typeof value === 'string' && GUID.test(value);
    default: return false;
  }
}

function checkValue(p: ParameterDefinition, value: unknown): void {
  const edm = EDM[p.type] ?? 'Edm.String';
  const fail = (detail: string) => platformErrors.badParameterType(p.uniqueName, edm, detail);
  if (p.type === CustomApiFieldType.StringArray || p.type === CustomApiFieldType.EntityCollection) {
    if (!Array.isArray(value)) throw fail(PRIMITIVE_FOR_ARRAY);
    for (const item of value) {
      if (p.type === CustomApiFieldType.StringArray && typeof item !== 'string') throw fail(cannotConvert('Edm.String'));
      if (p.type === CustomApiFieldType.EntityCollection && (item === null || typeof item !== 'object' || Array.isArray(item))) {
        throw fail("An unexpected 'PrimitiveValue' node was found when reading from the JSON reader. A 'StartObject' node was expected.");
      }
    }
    return;
  }
  if (Array.isArray(value)) throw fail(START_ARRAY);
  if (p.type === CustomApiFieldType.Entity || p.type === CustomApiFieldType.EntityReference) {
    if (typeof value !== 'object') throw fail("An unexpected 'PrimitiveValue' node was found when reading from the JSON reader. A 'StartObject' node was expected.");
    if (!(value as Record<string, unknown>)['@odata.type']) {
      throw fail(`The parameter '${p.uniqueName}' is an entity: add "@odata.type": "Microsoft.Dynamics.CRM.<table logical name>".`);
    }
    return;
  }
  if (!primitiveOk(p.type, value)) throw fail(cannotConvert(edm));
}

/** Returns the parameters that were supplied (nulls of optional parameters dropped). */
export function validateParameters(messageName: string, definitions: ParameterDefinition[], body: Record<string, unknown>): Record<string, unknown> {
  const byName = new Map(definitions.map((d) => [d.uniqueName, d]));
  for (const key of Object.keys(body)) {
    if (key.startsWith('@') || key.includes('@odata.')) continue;
    if (!byName.has(key)) throw platformErrors.unknownParameter(key, messageName);
  }
  const supplied: Record<string, unknown> = {};
  for (const d of definitions) {
    const value = body[d.uniqueName];
    if (value === undefined || value === null) {
      if (!d.isOptional) throw platformErrors.missingParameter(d.uniqueName, messageName);
      continue;
    }
    checkValue(d, value);
    supplied[d.uniqueName] = value;
  }
  return supplied;
}
