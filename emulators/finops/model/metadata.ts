import { create } from 'xmlbuilder2';
import { NAMESPACE } from '../constants';
import { ENUMS } from './enums';
import type { EntityDef, FieldDef } from './types';
import { NAVIGATION } from './navigation';

const EDM: Record<string, string> = { string: 'Edm.String', int: 'Edm.Int32', int64: 'Edm.Int64', decimal: 'Edm.Decimal', datetime: 'Edm.DateTimeOffset' };

function propertyAttrs(f: FieldDef, isKey: boolean): Record<string, string> {
  const attrs: Record<string, string> = { Name: f.name, Type: f.type === 'enum' ? `${NAMESPACE}.${f.enumType}` : EDM[f.type] };
  if (isKey || f.type !== 'string') attrs.Nullable = 'false';
  if (f.type === 'string' && f.maxLength) attrs.MaxLength = String(f.maxLength);
  if (f.type === 'decimal') {
    attrs.Precision = '32';
    attrs.Scale = '6';
  }
  return attrs;
}

/** The CSDL `$metadata` document (OData 4.0): enum types, entity types with keys, the entity container. */
export function buildMetadata(entities: EntityDef[]): string {
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const edmx = doc.ele('edmx:Edmx', { Version: '4.0', 'xmlns:edmx': 'http://docs.oasis-open.org/odata/ns/edmx' });
  const schema = edmx.ele('edmx:DataServices').ele('Schema', { Namespace: NAMESPACE, xmlns: 'http://docs.oasis-open.org/odata/ns/edm' });
  for (const [name, members] of Object.entries(ENUMS)) {
    const en = schema.ele('EnumType', { Name: name });
    members.forEach((m, i) => en.ele('Member', { Name: m, Value: String(i) }));
  }
  for (const e of entities) {
    const et = schema.ele('EntityType', { Name: e.type });
    const key = et.ele('Key');
    for (const k of e.keys) key.ele('PropertyRef', { Name: k });
    for (const f of e.fields) et.ele('Property', propertyAttrs(f, e.keys.includes(f.name)));
    for (const nav of NAVIGATION[e.set] ?? []) {
      const target = entities.find((t) => t.set === nav.target);
      if (!target) continue;
      const type = `${NAMESPACE}.${target.type}`;
      const np = et.ele('NavigationProperty', { Name: nav.name, Type: nav.collection ? `Collection(${type})` : type });
      if (!nav.collection) for (const [s, t] of nav.on) np.ele('ReferentialConstraint', { Property: s, ReferencedProperty: t });
    }
  }
  const container = schema.ele('EntityContainer', { Name: 'Resources' });
  for (const e of entities) container.ele('EntitySet', { Name: e.set, EntityType: `${NAMESPACE}.${e.type}` });
  return doc.end({ prettyPrint: false });
}
