import { finopsErrors } from '../errors';

/** Parses a JSON request body, answering malformed JSON with the F&O 400 shape. */
export function parseJsonBody(headers: Record<string, string | undefined>, body: string | undefined): unknown {
  const type = (headers['content-type'] ?? 'application/json').toLowerCase();
  if (!type.startsWith('application/json')) throw finopsErrors.unsupportedMediaType(type);
  if (body === undefined || body.trim() === '') throw finopsErrors.badRequest('The request body is empty. Send the entity as a JSON object.', 'FO_EMPTY_BODY');
  try {
    return JSON.parse(body);
  } catch (err) {
    throw finopsErrors.malformedJson(err instanceof Error ? err.message : String(err));
  }
}
