/**
 * Reads `<Entities>` of customizations.xml: full table definitions (EntityInfo with attributes,
 * option sets, alternate keys) and the entity ribbons (RibbonDiffXml kept as XML text).
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { ColumnDef, OptionDef, RibbonDef, TableDef } from './model';
import { attr, child, children, flag, int, label, stripBom, text, type XmlNode } from './xml';

function displayName(node: XmlNode): string | undefined {
  const names = children(child(node, 'displaynames'), 'displayname');
  const en = names.find((n) => attr(n, 'languagecode') === '1033') ?? names[0];
  return en ? attr(en, 'description') : undefined;
}

function localized(node: XmlNode, list: string, item: string): string | undefined {
  const names = children(child(node, list), item);
  const en = names.find((n) => attr(n, 'languagecode') === '1033') ?? names[0];
  return en ? attr(en, 'description') : undefined;
}

function readOptions(optionset: XmlNode): OptionDef[] {
  const list = [
    ...children(child(optionset, 'options'), 'option'),
    ...children(child(optionset, 'states'), 'state'),
    ...children(child(optionset, 'statuses'), 'status'),
  ];
  return list.map((o) => ({ value: Number(attr(o, 'value')), label: label(child(o, 'labels')) ?? '' }))
    .filter((o) => Number.isFinite(o.value));
}

function readColumn(a: XmlNode, globalOptionSets: Map<string, OptionDef[]>): ColumnDef | undefined {
  const logicalName = (text(a, 'LogicalName') ?? text(a, 'Name') ?? attr(a, 'PhysicalName'))?.toLowerCase();
  const type = text(a, 'Type');
  if (!logicalName || !type) return undefined;
  const col: ColumnDef = {
    logicalName,
    type,
    displayName: displayName(a),
    requiredLevel: text(a, 'RequiredLevel'),
    maxLength: int(text(a, 'MaxLength')),
    minValue: int(text(a, 'MinValue')),
    maxValue: int(text(a, 'MaxValue')),
    precision: int(text(a, 'Accuracy')),
    format: text(a, 'Format'),
    isPrimaryName: (text(a, 'DisplayMask') ?? '').split('|').includes('PrimaryName'),
  };
  const inline = child(a, 'optionset');
  if (Object.keys(inline).length > 0) col.options = readOptions(inline);
  else {
    const named = text(a, 'OptionSetName');
    if (named && globalOptionSets.has(named)) col.options = globalOptionSets.get(named);
  }
  const lookupTypes = children(child(a, 'LookupTypes'), 'LookupType').map((t) => t['#text']).filter(Boolean) as string[];
  if (lookupTypes.length > 0) col.targets = lookupTypes;
  return col;
}

export function readGlobalOptionSets(root: XmlNode): Map<string, OptionDef[]> {
  const map = new Map<string, OptionDef[]>();
  for (const os of children(child(root, 'optionsets'), 'optionset')) {
    const name = attr(os, 'Name');
    if (name) map.set(name, readOptions(os));
  }
  return map;
}

export function readTables(root: XmlNode): TableDef[] {
  const globals = readGlobalOptionSets(root);
  const tables: TableDef[] = [];
  for (const e of children(child(root, 'Entities'), 'Entity')) {
    const info = child(child(e, 'EntityInfo'), 'entity');
    const schemaName = attr(info, 'Name') ?? text(e, 'Name');
    if (!schemaName) continue;
    const logicalName = schemaName.toLowerCase();
    const hasDefinition = Object.keys(info).length > 0;
    const columns = children(child(info, 'attributes'), 'attribute')
      .map((a) => readColumn(a, globals)).filter((c): c is ColumnDef => c !== undefined);
    const pk = columns.find((c) => c.type === 'primarykey');
    const primaryName = columns.find((c) => c.isPrimaryName)
      ?? columns.find((c) => c.type === 'nvarchar' && (c.requiredLevel === 'required' || c.requiredLevel === 'systemrequired')
      && c.logicalName !== `${logicalName}id` && c.logicalName.endsWith('name'))
      ?? columns.find((c) => c.type === 'nvarchar' && c.logicalName.endsWith('_name'));
    tables.push({
      logicalName,
      schemaName,
      entitySetName: text(info, 'EntitySetName') ?? `${logicalName}s`,
      displayName: localized(info, 'LocalizedNames', 'LocalizedName'),
      displayCollectionName: localized(info, 'LocalizedCollectionNames', 'LocalizedCollectionName'),
      primaryIdAttribute: pk?.logicalName ?? `${logicalName}id`,
      primaryNameAttribute: text(info, 'PrimaryNameAttribute')?.toLowerCase() ?? primaryName?.logicalName,
      columns,
      alternateKeys: children(child(info, 'EntityKeys'), 'EntityKey').map((k) => ({
        logicalName: (text(k, 'LogicalName') ?? text(k, 'Name') ?? '').toLowerCase(),
        displayName: displayName(k),
        columns: children(child(k, 'EntityKeyAttributes'), 'AttributeName')
          .map((n) => String(n['#text'] ?? '').toLowerCase()).filter(Boolean),
      })).filter((k) => k.columns.length > 0),
      changeTrackingEnabled: flag(text(info, 'ChangeTrackingEnabled'), true),
      ownership: text(info, 'OwnershipTypeMask') === 'OrgOwned' ? 'OrganizationOwned' : 'UserOwned',
      hasDefinition,
    });
  }
  return tables;
}

const ordered = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', preserveOrder: true, parseTagValue: false, trimValues: true });
const orderedBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', preserveOrder: true, suppressEmptyNode: true });

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function findAll(nodes: OrderedNode[], name: string): OrderedNode[] {
  return nodes.filter((n) => Object.prototype.hasOwnProperty.call(n, name));
}

/**
 * Entity ribbons as XML text: the RibbonDiffXml element of each Entity, re-serialized from an
 * order-preserving parse so the app host gets the same element order the package had.
 */
export function readRibbons(customizationsXml: string): RibbonDef[] {
  const doc = ordered.parse(stripBom(customizationsXml)) as OrderedNode[];
  const root = findAll(doc, 'ImportExportXml')[0];
  const entitiesNode = root ? findAll(root.ImportExportXml as OrderedNode[], 'Entities')[0] : undefined;
  if (!entitiesNode) return [];
  const ribbons: RibbonDef[] = [];
  for (const entity of findAll(entitiesNode.Entities as OrderedNode[], 'Entity')) {
    const parts = entity.Entity as OrderedNode[];
    const nameNode = findAll(parts, 'Name')[0];
    const nameText = nameNode ? ((nameNode.Name as OrderedNode[])[0]?.['#text'] as string | undefined) : undefined;
    const ribbon = findAll(parts, 'RibbonDiffXml')[0];
    if (!nameText || !ribbon) continue;
    ribbons.push({ entity: String(nameText).toLowerCase(), ribbonDiffXml: orderedBuilder.build([ribbon]) as string });
  }
  return ribbons;
}
