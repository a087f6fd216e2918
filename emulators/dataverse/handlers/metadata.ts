/**
 * `GET /api/data/v9.2/$metadata`: CSDL built from the table registry with xmlbuilder2
 * (PAD webapi/web-api-entitytypes.md): EntityTypes with keys, properties (`_x_value` for
 * lookups), single- and collection-valued navigation properties (partners of each other),
 * `OData.Community.Keys.V1.AlternateKeys`; with
 * `?annotations=true` the entity sets carry `Org.OData.Capabilities.V1.ChangeTracking`.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { ContentTypes, Headers, NAMESPACE, NAMESPACE_ALIAS } from '../constants';
import type { ServiceContext } from '../context';
import type { DvResponse } from '../http';
import { splitQuery } from '../odata/query-options';
import { edmType } from '../odata/values';
import { isLookup, lookupValueName } from '../schema/registry';
import type { CompiledTable } from '../schema/registry';
import { BULK_ACTIONS } from './multiple';

const EDMX_NS = 'http://docs.oasis-open.org/odata/ns/edmx';
const EDM_NS = 'http://docs.oasis-open.org/odata/ns/edm';
const VOCABULARIES: Array<[string, string, string]> = [
  ['http://vocabularies.odata.org/OData.Community.Keys.V1.xml', 'OData.Community.Keys.V1', 'Keys'],
  ['http://vocabularies.odata.org/OData.Community.Display.V1.xml', 'OData.Community.Display.V1', 'Display'],
  ['https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Capabilities.V1.xml', 'Org.OData.Capabilities.V1', 'Capabilities'],
];

function entityType(schema: XMLBuilder, table: CompiledTable, lookup: (logicalName: string) => CompiledTable | undefined): void {
  const type = schema.ele('EntityType', { Name: table.logicalName, BaseType: `${NAMESPACE_ALIAS}.crmbaseentity` });
  type.ele('Key').ele('PropertyRef', { Name: table.primaryId });
  for (const attr of table.attributes.values()) {
    if (isLookup(attr)) {
      type.ele('Property', { Name: lookupValueName(attr.name), Type: 'Edm.Guid' });
      continue;
    }
    const props: Record<string, string> = { Name: attr.name, Type: edmType(attr) };
    if (attr.name === table.primaryId) props.Nullable = 'false';
    if (attr.type === 'money' || attr.type === 'decimal') props.Scale = 'Variable';
    type.ele('Property', props);
  }
  for (const nav of table.navigation.values()) {
    // A polymorphic lookup may name a table the emulator does not have (customerid → contact): no dangling type.
    const target = lookup(nav.target);
    if (!target) continue;
    const partner = [...target.collections.values()].find((c) => c.table === table.logicalName && c.attribute === nav.attribute)?.name;
    type.ele('NavigationProperty', { Name: nav.name, Type: `${NAMESPACE_ALIAS}.${nav.target}`, ...(partner ? { Partner: partner } : {}) })
      .ele('ReferentialConstraint', { Property: lookupValueName(nav.attribute.name), ReferencedProperty: target.primaryId });
  }
  for (const coll of table.collections.values()) {
    type.ele('NavigationProperty', { Name: coll.name, Type: `Collection(${NAMESPACE_ALIAS}.${coll.table})`, Partner: coll.partner });
  }
  const keys = table.def.alternateKeys ?? [];
  if (keys.length > 0) {
    const outer = type.ele('Annotation', { Term: 'OData.Community.Keys.V1.AlternateKeys' }).ele('Collection');
    for (const key of keys) {
      const refs = outer.ele('Record', { Type: 'OData.Community.Keys.V1.AlternateKey' }).ele('PropertyValue', { Property: 'Key' }).ele('Collection');
      for (const col of key.attributes) {
        const name = table.lookupValues.has(lookupValueName(col)) ? lookupValueName(col) : col;
        const rec = refs.ele('Record', { Type: 'OData.Community.Keys.V1.PropertyRef' });
        rec.ele('PropertyValue', { Property: 'Alias', String: name });
        rec.ele('PropertyValue', { Property: 'Name', PropertyPath: name });
      }
    }
  }
}

export function buildMetadata(ctx: ServiceContext, annotations: boolean): string {
  const root = create({ version: '1.0', encoding: 'utf-8' }).ele(EDMX_NS, 'edmx:Edmx', { Version: '4.0' });
  for (const [uri, ns, alias] of VOCABULARIES) {
    const ref = root.ele(EDMX_NS, 'edmx:Reference', { Uri: uri });
    ref.ele(EDMX_NS, 'edmx:Include', { Namespace: ns, Alias: alias });
  }
  const schema = root.ele(EDMX_NS, 'edmx:DataServices').ele(EDM_NS, 'Schema', { Namespace: NAMESPACE, Alias: NAMESPACE_ALIAS });
  schema.ele('EntityType', { Name: 'crmbaseentity', Abstract: 'true' });
  const tables = [...ctx.schema.tables()].sort((a, b) => a.logicalName.localeCompare(b.logicalName));
  for (const table of tables) entityType(schema, table, (name) => ctx.schema.byLogicalName(name));
  const who = schema.ele('ComplexType', { Name: 'WhoAmIResponse' });
  for (const p of ['BusinessUnitId', 'UserId', 'OrganizationId']) who.ele('Property', { Name: p, Type: 'Edm.Guid', Nullable: 'false' });
  schema.ele('ComplexType', { Name: 'CreateMultipleResponse' }).ele('Property', { Name: 'Ids', Type: 'Collection(Edm.Guid)', Nullable: 'false' });
  schema.ele('Function', { Name: 'WhoAmI' }).ele('ReturnType', { Type: `${NAMESPACE_ALIAS}.WhoAmIResponse`, Nullable: 'false' });
  for (const action of BULK_ACTIONS) {
    const a = schema.ele('Action', { Name: action, IsBound: 'true' });
    a.ele('Parameter', { Name: 'entityset', Type: `Collection(${NAMESPACE_ALIAS}.crmbaseentity)`, Nullable: 'false' });
    a.ele('Parameter', { Name: 'Targets', Type: `Collection(${NAMESPACE_ALIAS}.crmbaseentity)`, Nullable: 'false' });
    if (action === 'CreateMultiple') a.ele('ReturnType', { Type: `${NAMESPACE_ALIAS}.CreateMultipleResponse`, Nullable: 'false' });
  }
  const actionNames = [...ctx.actions.keys()].sort();
  for (const name of actionNames) schema.ele('Action', { Name: name });
  const container = schema.ele('EntityContainer', { Name: 'System' });
  for (const table of tables) {
    const set = container.ele('EntitySet', { Name: table.entitySetName, EntityType: `${NAMESPACE}.${table.logicalName}` });
    for (const nav of table.navigation.values()) {
      const target = ctx.schema.byLogicalName(nav.target);
      if (target) set.ele('NavigationPropertyBinding', { Path: nav.name, Target: target.entitySetName });
    }
    for (const coll of table.collections.values()) {
      const child = ctx.schema.byLogicalName(coll.table);
      if (child) set.ele('NavigationPropertyBinding', { Path: coll.name, Target: child.entitySetName });
    }
    if (annotations) {
      set.ele('Annotation', { Term: 'Org.OData.Capabilities.V1.ChangeTracking' }).ele('Record')
        .ele('PropertyValue', { Property: 'Supported', Bool: table.def.changeTracking ? 'true' : 'false' });
    }
  }
  container.ele('FunctionImport', { Name: 'WhoAmI', Function: `${NAMESPACE}.WhoAmI` });
  for (const name of actionNames) container.ele('ActionImport', { Name: name, Action: `${NAMESPACE}.${name}` });
  return root.end({ headless: false });
}

export async function metadata(ctx: ServiceContext, query: string): Promise<DvResponse> {
  const annotations = splitQuery(query).some(([k, v]) => k === 'annotations' && v === 'true');
  return { status: 200, headers: { [Headers.contentType]: ContentTypes.xml, [Headers.odataVersion]: '4.0' }, body: buildMetadata(ctx, annotations) };
}
