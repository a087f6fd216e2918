import type { Problem, ZipContent } from './types';

/** Patterns of credentials that must never ship in a solution. The matched text itself is never printed. */
export const SECRET_PATTERNS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'private key', pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/ },
  { name: 'JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  { name: 'bearer token', pattern: /\bBearer\s+[A-Za-z0-9\-._~+/]{20,}=*/ },
  { name: 'Entra ID client secret', pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/ },
  { name: 'AWS access key', pattern: /\bAKIA[0-9A-Z]{16}\b/ },
  { name: 'connection-string key or password', pattern: /\b(?:AccountKey|SharedAccessKey|Password|Pwd)=[^;'"\s<]{8,}/i },
  {
    name: 'hard-coded secret, password or key',
    pattern: /\b(?:client[_-]?secret|password|passwd|api[_-]?key|secret[_-]?key|access[_-]?key|private[_-]?key)["']?\s*[:=]\s*["'][^"'\s]{8,}["']/i,
  },
];

const BINARY_EXTENSIONS = /\.(png|jpe?g|gif|ico|xap|dll|zip)$/i;

/** Scans every text entry; one problem per (file, kind) with the first line where it occurs. */
export function checkSecrets(zip: ZipContent): Problem[] {
  const problems: Problem[] = [];
  for (const [name, data] of [...zip.files].sort(([a], [b]) => a.localeCompare(b))) {
    if (BINARY_EXTENSIONS.test(name) || data.includes(0)) continue;
    const content = data.toString('utf8');
    for (const { name: kind, pattern } of SECRET_PATTERNS) {
      const m = pattern.exec(content);
      if (!m) continue;
      const line = content.slice(0, m.index).split('\n').length;
      problems.push({ file: name, code: 'SECRET_LIKE', message: `line ${line}: looks like a ${kind}; solutions are readable by every admin of the environment, keep secrets in environment variables of type Secret or in the bridge configuration.` });
    }
  }
  return problems;
}
