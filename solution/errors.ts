/** A problem in the solution model or its inputs; the message names the component and what to do. */
export class ModelError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelError';
    this.code = code;
  }
}

/** Several model problems at once (validation reports all it finds). */
export class ModelValidationError extends ModelError {
  readonly problems: readonly ModelError[];
  constructor(problems: readonly ModelError[]) {
    super(problems[0]?.code ?? 'INVALID_MODEL', `The solution model is invalid:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`);
    this.name = 'ModelValidationError';
    this.problems = problems;
  }
}
