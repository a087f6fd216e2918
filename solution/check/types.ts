/** One thing wrong with a solution zip, attached to the zip entry it is about ('(zip)' for the archive itself). */
export interface Problem {
  readonly file: string;
  readonly code: string;
  readonly message: string;
}

/** Zip entries: name → bytes (folder entries are listed separately). */
export interface ZipContent {
  readonly files: ReadonlyMap<string, Buffer>;
  readonly folders: readonly string[];
}

/** The input cannot be checked at all (not a zip, schemas missing): exit code 2. */
export class CheckInputError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CheckInputError';
    this.code = code;
  }
}

export const ROOT_FILES = ['solution.xml', 'customizations.xml', '[Content_Types].xml'] as const;
export const ZIP_ITSELF = '(zip)';
