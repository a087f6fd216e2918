export { FinOpsEmulator, type FinOpsEmulatorOptions, type FinOpsSeedSet } from './emulator';
export { baselineReferenceData, type SeedGroup } from './model/baseline';
export { DEFAULT_COMPANY, PSA_INTEGRATION_SOURCE, DEFAULT_INTEGRATION_CLIENT_IDS } from './constants';
