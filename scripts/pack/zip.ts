import JSZip from 'jszip';

/** Every entry gets this timestamp so the same inputs give byte-identical zips. */
export const FIXED_ZIP_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

/** Zips the files (entry name → bytes) with sorted entries, no folder entries, fixed dates, DEFLATE. */
export async function writeZip(files: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const name of [...files.keys()].sort()) {
    zip.file(name, files.get(name) as Buffer, { date: FIXED_ZIP_DATE, createFolders: false, binary: true });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS', streamFiles: false });
}
