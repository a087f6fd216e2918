/** The run cannot be planned (unknown template, dependency cycle). */
export class PlanError extends Error {
  readonly code = 'PLAN_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

/** The run could not run (store, authentication, a service down after retries): exit code 2. */
export class RunFailedError extends Error {
  readonly code = 'RUN_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RunFailedError';
  }
}
