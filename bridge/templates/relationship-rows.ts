import { copy } from './rows';
import type { FieldMapping } from './types';

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
