import JSZip from 'jszip';
import { CheckInputError, type ZipContent } from './types';

/** Reads every entry of a zip into memory; a file that is not a zip is unusable input. */
export async function readZip(data: Buffer): Promise<ZipContent> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: true });
  } catch (err) {
    throw new CheckInputError('NOT_A_ZIP', `not a readable zip file (${(err as Error).message}); pass the .zip that \`npm run build\` or a Dataverse export produced.`, { cause: err });
  }
  const files = new Map<string, Buffer>();
  const folders: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) folders.push(entry.name);
    else files.set(entry.name, await entry.async('nodebuffer'));
  }
  return { files, folders };
}
