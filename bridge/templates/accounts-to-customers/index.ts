import type { TemplateDef } from '../types';
import { accountsTask } from './mapping';

export const accountsToCustomers: TemplateDef = {
  id: 'accounts-to-customers',
  name: 'Accounts (Sales to Fin and Ops) - Direct',
  direction: 'psa-to-fo',
  dependsOn: [],
  tasks: [accountsTask],
};
