export { runSync, type RunOptions, type RunSummary, type TaskSummary, type RunDeps } from './run';
export { planRun, type PlannedTask } from './plan';
export { connectorPorts } from './adapters';
export type { EnginePorts, FoWriteOp, FoWriteResult, SourcePage, Rec } from './ports';
export type { DryRunWrite } from './task-deps';
export { PlanError, RunFailedError } from './errors';
export { createServices, type Services } from './services';
