/** A build step failed; the message names the component and the step, `log` holds the tool output. */
export class BuildError extends Error {
  readonly code: string;
  readonly log?: string;
  constructor(code: string, message: string, options?: { cause?: unknown; log?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BuildError';
    this.code = code;
    this.log = options?.log;
  }
}
