import type { TemplateDef } from '../types';
import { contractLinesTask, contractsTask, milestonesTask, milestonesTaskV1, projectsTask } from './mapping';

/** "Projects and Contracts (PSA 3.x to Fin and Ops) - v2"; task order contracts → projects → lines → milestones. */
export const projectsAndContracts: TemplateDef = {
  id: 'projects-and-contracts',
  name: 'Projects and Contracts (PSA 3.x to Fin and Ops) - v2',
  direction: 'psa-to-fo',
  dependsOn: ['accounts-to-customers'],
  tasks: [contractsTask, projectsTask, contractLinesTask, milestonesTask],
};

/** The PSA 2.x variant "Projects and contracts (PSA to Fin and Ops)": only the milestone source differs. */
export const projectsAndContractsV1: TemplateDef = {
  ...projectsAndContracts,
  name: 'Projects and contracts (PSA to Fin and Ops)',
  tasks: [contractsTask, projectsTask, contractLinesTask, milestonesTaskV1],
};
