/** Public surface of the solution model (used by scripts/, bridge/ and webresources/). */
export * from './constants';
export * from './types';
export { createSolutionModel } from './model';
export { validateModel } from './validate';
export { solutionVersion, readPackageVersion, SOLUTION_VERSION_PATTERN } from './version';
export { ModelError, ModelValidationError } from './errors';
export { SYNC_STATE, SYNC_STATUS_TABLE, SYNC_STATUS_ENTITY_SET, SYNC_STATUS_KEY } from './tables/syncstatus';
export { RUN_STATE, RUN_TRIGGER, SYNC_RUN_TABLE, SYNC_RUN_ENTITY_SET, SYNC_RUN_KEY } from './tables/syncrun';
export * from './environment-variables';
export * from './field-lock-rules';
export * from './custom-api';
export { SYNC_NOW_ENTITIES, MAX_GRID_SELECTION } from './ribbon';
export * from './webresources';
export * from './control';
