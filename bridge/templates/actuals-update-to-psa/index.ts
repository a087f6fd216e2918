import type { TemplateDef } from '../types';
import { actualsUpdateTask, relationshipsUpdateTask } from './mapping';

export const actualsUpdateToPsa: TemplateDef = {
  id: 'actuals-update-to-psa',
  name: 'Project actuals update (Fin Ops to PSA)',
  direction: 'fo-to-psa',
  dependsOn: ['actuals'],
  tasks: [actualsUpdateTask, relationshipsUpdateTask],
};
