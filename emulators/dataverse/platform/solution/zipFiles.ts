/** A read-only view of the zip's entries by normalized path (forward slashes, no leading slash). */
import JSZip from 'jszip';
import { platformErrors } from '../errors';

export interface ZipFiles {
  has(path: string): boolean;
  text(path: string): Promise<string>;
  base64(path: string): Promise<string>;
  /** Paths of files (not folders), normalized. */
  paths(): string[];
}

export function normalizePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\/+/, '');
}

export async function openZip(data: Buffer): Promise<ZipFiles> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (cause) {
    throw platformErrors.notAZip(cause);
  }
  const byPath = new Map<string, JSZip.JSZipObject>();
  const byLower = new Map<string, string>();
  zip.forEach((relativePath, file) => {
    if (file.dir) return;
    const p = normalizePath(relativePath);
    byPath.set(p, file);
    byLower.set(p.toLowerCase(), p);
  });
  const resolve = (path: string): JSZip.JSZipObject | undefined => {
    const p = normalizePath(path);
    const exact = byPath.get(p);
    if (exact) return exact;
    const alt = byLower.get(p.toLowerCase());
    return alt ? byPath.get(alt) : undefined;
  };
  return {
    has: (path) => resolve(path) !== undefined,
    text: async (path) => {
      const f = resolve(path);
      if (!f) throw new Error(`zip entry ${path} missing`);
      return f.async('string');
    },
    base64: async (path) => {
      const f = resolve(path);
      if (!f) throw new Error(`zip entry ${path} missing`);
      return f.async('base64');
    },
    paths: () => [...byPath.keys()],
  };
}
