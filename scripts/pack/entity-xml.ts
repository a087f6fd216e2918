import type { RibbonDef, TableDef } from '../../solution/types';
import { writeAttributes } from './entity-attributes';
import { emptyRibbon, syncNowRibbon } from './ribbon-xml';
import { fields, labelList, type Node } from './xml';

/** `<Entity>` of one of our custom tables (organization-owned, behavior 0). */
export function customTableEntity(entities: Node, table: TableDef): void {
  const e = entities.ele('Entity');
  e.ele('Name', { LocalizedName: table.displayName.en, OriginalName: table.displayName.en }).txt(table.schemaName);
  const info = e.ele('EntityInfo').ele('entity', { Name: table.schemaName });
  labelList(info, 'LocalizedNames', 'LocalizedName', table.displayName);
  labelList(info, 'LocalizedCollectionNames', 'LocalizedCollectionName', table.pluralName);
  labelList(info, 'Descriptions', 'Description', table.description);
  writeAttributes(info, table);
  fields(info, [
    ['EntitySetName', table.entitySetName],
    ['IsDuplicateCheckSupported', '0'],
    ['IsBusinessProcessEnabled', '0'],
    ['IsRequiredOffline', '0'],
    ['IsInteractionCentricEnabled', '0'],
    ['IsCollaboration', '0'],
    ['AutoRouteToOwnerQueue', '0'],
    ['IsConnectionsEnabled', '0'],
    ['IsDocumentManagementEnabled', '0'],
    ['AutoCreateAccessTeams', '0'],
    ['IsOneNoteIntegrationEnabled', '0'],
    ['IsKnowledgeManagementEnabled', '0'],
    ['IsSLAEnabled', '0'],
    ['IsDocumentRecommendationsEnabled', '0'],
    ['IsBPFEntity', '0'],
    ['OwnershipTypeMask', 'OrgOwned'],
    ['IsAuditEnabled', '0'],
    ['IsActivity', '0'],
    ['ActivityTypeMask', ''],
    ['IsActivityParty', '0'],
    ['IsReplicated', '0'],
    ['IsReplicationUserFiltered', '0'],
    ['IsMailMergeEnabled', '0'],
    ['IsVisibleInMobile', '0'],
    ['IsVisibleInMobileClient', '1'],
    ['IsReadOnlyInMobileClient', '1'],
    ['IsOfflineInMobileClient', '0'],
    ['DaysSinceRecordLastModified', '0'],
    ['MobileOfflineFilters', ''],
    ['IsMapiGridEnabled', '1'],
    ['IsReadingPaneEnabled', '1'],
    ['IsQuickCreateEnabled', '0'],
    ['SyncToExternalSearchIndex', '0'],
    ['IntroducedVersion', '1.0.0.0'],
    ['IsCustomizable', '1'],
    ['IsRenameable', '1'],
    ['IsMappable', '1'],
    ['CanModifyAuditSettings', '1'],
    ['CanModifyMobileVisibility', '1'],
    ['CanModifyMobileClientVisibility', '1'],
    ['CanModifyMobileClientReadOnly', '1'],
    ['CanModifyMobileClientOffline', '1'],
    ['CanModifyConnectionSettings', '1'],
    ['CanModifyDuplicateDetectionSettings', '1'],
    ['CanModifyMailMergeSettings', '1'],
    ['CanModifyQueueSettings', '1'],
    ['CanCreateAttributes', '1'],
    ['CanCreateForms', '1'],
    ['CanCreateCharts', '1'],
    ['CanCreateViews', '1'],
    ['CanModifyAdditionalSettings', '1'],
    ['CanEnableSyncToExternalSearchIndex', '1'],
    ['EnforceStateTransitions', '0'],
    ['CanChangeHierarchicalRelationship', '1'],
    ['EntityHelpUrlEnabled', '0'],
    ['ChangeTrackingEnabled', '1'],
    ['CanChangeTrackingBeEnabled', '1'],
    ['IsEnabledForExternalChannels', '0'],
  ]);
  const keys = info.ele('EntityKeys');
  for (const key of table.alternateKeys) {
    const k = keys.ele('EntityKey');
    fields(k, [['Name', key.schemaName], ['LogicalName', key.schemaName], ['IntroducedVersion', '1.0.0.0'], ['IsCustomizable', '1']]);
    labelList(k, 'displaynames', 'displayname', key.displayName);
    const attrs = k.ele('EntityKeyAttributes');
    for (const col of key.columns) attrs.ele('AttributeName').txt(col);
  }
  emptyRibbon(e);
}

/** `<Entity>` shell of an out-of-the-box table carrying only our ribbon (RootComponent behavior 2). */
export function extendedTableEntity(entities: Node, table: { schemaName: string; displayName: string }, ribbon: RibbonDef): void {
  const e = entities.ele('Entity');
  e.ele('Name', { LocalizedName: table.displayName, OriginalName: '' }).txt(table.schemaName);
  syncNowRibbon(e, table.schemaName, ribbon);
}
