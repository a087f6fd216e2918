import type { TableDef } from '../../solution/types';
import { fields, type Node } from './xml';

const SYSTEM_LOOKUPS = [
  { suffix: 'createdby', referenced: 'SystemUser', attribute: 'createdby', prefix: 'lk' },
  { suffix: 'createdonbehalfby', referenced: 'SystemUser', attribute: 'createdonbehalfby', prefix: 'lk' },
  { suffix: 'modifiedby', referenced: 'SystemUser', attribute: 'modifiedby', prefix: 'lk' },
  { suffix: 'modifiedonbehalfby', referenced: 'SystemUser', attribute: 'modifiedonbehalfby', prefix: 'lk' },
  { suffix: '', referenced: 'Organization', attribute: 'organizationid', prefix: 'organization' },
] as const;

/** The platform 1:N relationships of an organization-owned table (users and organization → table). */
export function systemRelationships(relationships: Node, tables: readonly TableDef[]): void {
  const all = tables.flatMap((t) =>
    SYSTEM_LOOKUPS.map((l) => ({ ...l, table: t.schemaName, name: l.prefix === 'lk' ? `lk_${t.schemaName}_${l.suffix}` : `organization_${t.schemaName}` })),
  );
  all.sort((a, b) => a.name.localeCompare(b.name));
  for (const r of all) {
    const rel = relationships.ele('EntityRelationship', { Name: r.name });
    fields(rel, [
      ['EntityRelationshipType', 'OneToMany'],
      ['IsCustomizable', '0'],
      ['IntroducedVersion', '1.0.0.0'],
      ['IsHierarchical', '0'],
      ['ReferencingEntityName', r.table],
      ['ReferencedEntityName', r.referenced],
      ['CascadeAssign', 'NoCascade'],
      ['CascadeDelete', 'NoCascade'],
      ['CascadeReparent', 'NoCascade'],
      ['CascadeShare', 'NoCascade'],
      ['CascadeUnshare', 'NoCascade'],
      ['CascadeRollupView', 'NoCascade'],
      ['IsValidForAdvancedFind', '1'],
      ['ReferencingAttributeName', r.attribute],
    ]);
    rel.ele('RelationshipDescription').ele('Descriptions').ele('Description', { description: '', languagecode: '1033' });
    const roles = rel.ele('EntityRelationshipRoles');
    fields(roles.ele('EntityRelationshipRole'), [
      ['NavPaneDisplayOption', 'UseCollectionName'],
      ['NavPaneArea', 'Details'],
      ['NavPaneOrder', '10000'],
      ['NavigationPropertyName', r.attribute],
      ['RelationshipRoleType', '1'],
    ]);
    fields(roles.ele('EntityRelationshipRole'), [['NavigationPropertyName', r.name], ['RelationshipRoleType', '0']]);
  }
}
