/**
 * The few Web API calls `deploy` makes. The adapter over dynamics-web-api implements them; tests
 * run them against the Dataverse emulator through the same adapter.
 */
export type Row = Record<string, unknown>;

export interface DeployDataverse {
  query(collection: string, options: { filter?: string; select?: string[] }): Promise<Row[]>;
  create(collection: string, data: Row): Promise<string>;
  update(collection: string, id: string, data: Row): Promise<void>;
  action(name: string, body: Row): Promise<unknown>;
}

export type DeployChange =
  | { kind: 'solution'; action: 'import' | 'unchanged'; detail: string }
  | { kind: 'environmentvariable'; action: 'create' | 'update' | 'unchanged'; detail: string }
  | { kind: 'serviceendpoint'; action: 'create' | 'update' | 'unchanged'; detail: string }
  | { kind: 'step'; action: 'create' | 'update' | 'unchanged'; detail: string };

export class DeployError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'DeployError';
  }
}

/** OData string literal with single quotes doubled. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
