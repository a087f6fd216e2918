import { parseCsdl, type ServiceMetadata } from '../finops/metadata';
import type { DataverseClient } from './client';
import { asDataverseError } from './errors';

/** Dataverse CSDL $metadata → entity sets and their properties (doctor). */
export async function readDataverseMetadata(client: DataverseClient): Promise<ServiceMetadata> {
  try {
    const res = await client.http.send({ method: 'GET', url: `${client.apiUrl}/$metadata`, headers: { Accept: 'application/xml' } });
    return parseCsdl(res.text);
  } catch (err) {
    throw asDataverseError(err);
  }
}
