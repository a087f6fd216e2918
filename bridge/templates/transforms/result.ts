/** The result of one transform: a value, an omitted field, a record error, or a record skip with a reason. */
export type TransformResult =
  | { readonly value: unknown; readonly key?: string }
  | { readonly omit: true }
  | { readonly error: string }
  | { readonly skip: string };
