import { DV, FO_ENTITY_SETS } from './entities';
import { copy } from './rows';
import type { FieldMapping, FilterRule, ParentRef, TaskDef, TaskId } from './types';

/** The 7 rows of every "transaction relationships" task (templates-spec §6.5, §6.6). */
export const relationshipRows: readonly FieldMapping[] = [
  copy('msdyn_transactionconnectionid', 'ConnectionId', true),
  copy('msdyn_transaction1', 'Transaction1Id'),
  copy('msdyn_transaction1role', 'Transaction1Role'),
  copy('msdyn_transaction1type', 'Transaction1Type'),
  copy('msdyn_transaction2', 'Transaction2Id'),
  copy('msdyn_transaction2role', 'Transaction2Role'),
  copy('msdyn_transaction2type', 'Transaction2Type'),
];

export const relationshipSelect = [
  'msdyn_transactionconnectionid',
  'msdyn_transaction1',
  'msdyn_transaction1role',
  'msdyn_transaction1type',
  'msdyn_transaction2',
  'msdyn_transaction2role',
  'msdyn_transaction2type',
] as const;

/**
 * A "transaction relationships" task (msdyn_transactionconnections → ProjCDSTransactionRelationshipImports):
 * the estimate and actuals templates differ only in name, filter and the transaction they follow.
 */
export function relationshipTask(spec: { id: TaskId; name: string; filter: readonly FilterRule[]; parent: ParentRef }): TaskDef {
  return {
    id: spec.id,
    name: spec.name,
    source: { system: 'dataverse', entitySet: DV.connections.set, entityName: DV.connections.name, idField: DV.connections.id, select: [...relationshipSelect] },
    destination: { system: 'finops', entitySet: FO_ENTITY_SETS.relationships, entityName: 'ProjCDSTransactionRelationshipImport', keyFields: ['ConnectionId'] },
    mapping: relationshipRows,
    filter: spec.filter,
    routing: { kind: 'parent', parent: spec.parent.name },
    parents: [spec.parent],
    status: 'none',
  };
}
