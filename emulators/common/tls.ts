import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A local certificate authority and a server certificate for 127.0.0.1 / localhost / ::1.
 *
 * Keys come from node:crypto. Node has no API to *create* X.509 certificates and no certificate library is
 * installed in node_modules, so the certificates are made by the Debian `openssl` binary (`openssl req` /
 * `openssl x509`), run with execFile (no shell). The CA is persisted when `dir` is given: `<dir>/ca.pem`
 * (what clients trust), and the keys under `<dir>/identity/`; an existing CA is reused on restart.
 */
export interface TlsMaterial {
  caPem: string;
  certPem: string;
  keyPem: string;
  /** Path of ca.pem when persisted. */
  caPath?: string;
}

export class TlsSetupError extends Error {
  readonly code = 'EMULATOR_TLS_SETUP';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const execFileAsync = promisify(execFile);
const OPENSSL = 'openssl';
const CA_SUBJECT = '/CN=psa-fo-sync sandbox CA';
const SERVER_SUBJECT = '/CN=localhost';
const CA_DAYS = '3650';
const SERVER_DAYS = '825';
const SERVER_EXTENSIONS = [
  'basicConstraints=critical,CA:FALSE',
  'keyUsage=critical,digitalSignature,keyEncipherment',
  'extendedKeyUsage=serverAuth',
  'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
].join('\n');

function newKeyPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function serial(): string {
  return `0x${randomBytes(12).toString('hex')}`;
}

async function openssl(args: string[]): Promise<void> {
  try {
    await execFileAsync(OPENSSL, args, { timeout: 30000 });
  } catch (err) {
    throw new TlsSetupError(
      `Could not create the sandbox certificates with the openssl binary (${OPENSSL} ${args[0]}). Install openssl (apt-get install openssl) and retry.`,
      { cause: err },
    );
  }
}

async function createCa(work: string): Promise<{ caPem: string; caKeyPem: string }> {
  const caKeyPem = newKeyPem();
  const keyPath = join(work, 'ca-key.pem');
  const certPath = join(work, 'ca.pem');
  await writeFile(keyPath, caKeyPem, { mode: 0o600 });
  await openssl([
    'req', '-x509', '-new', '-key', keyPath, '-subj', CA_SUBJECT, '-days', CA_DAYS, '-sha256', '-set_serial', serial(),
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', certPath,
  ]);
  return { caPem: await readFile(certPath, 'utf8'), caKeyPem };
}

async function createServerCert(work: string, caPem: string, caKeyPem: string): Promise<{ certPem: string; keyPem: string }> {
  const keyPem = newKeyPem();
  const paths = {
    caCert: join(work, 'ca.pem'), caKey: join(work, 'ca-key.pem'), key: join(work, 'server-key.pem'),
    csr: join(work, 'server.csr'), ext: join(work, 'server.ext'), cert: join(work, 'server.pem'),
  };
  await writeFile(paths.caCert, caPem);
  await writeFile(paths.caKey, caKeyPem, { mode: 0o600 });
  await writeFile(paths.key, keyPem, { mode: 0o600 });
  await writeFile(paths.ext, SERVER_EXTENSIONS);
  await openssl(['req', '-new', '-key', paths.key, '-subj', SERVER_SUBJECT, '-out', paths.csr]);
  await openssl([
    'x509', '-req', '-in', paths.csr, '-CA', paths.caCert, '-CAkey', paths.caKey, '-set_serial', serial(),
    '-days', SERVER_DAYS, '-sha256', '-extfile', paths.ext, '-out', paths.cert,
  ]);
  return { certPem: await readFile(paths.cert, 'utf8'), keyPem };
}

function stillValid(certPem: string, caPem: string): boolean {
  try {
    const cert = new X509Certificate(certPem);
    const ca = new X509Certificate(caPem);
    return cert.checkIssued(ca) && cert.verify(ca.publicKey) && Date.parse(cert.validTo) > Date.now() + 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

/** Creates (or, with `dir`, loads or creates and persists) the CA and a server certificate. */
export async function ensureTlsMaterial(dir?: string): Promise<TlsMaterial> {
  const work = await mkdtemp(join(tmpdir(), 'psafo-tls-'));
  try {
    if (!dir) {
      const ca = await createCa(work);
      const server = await createServerCert(work, ca.caPem, ca.caKeyPem);
      return { caPem: ca.caPem, ...server };
    }
    const keysDir = join(dir, 'identity');
    await mkdir(keysDir, { recursive: true });
    const p = {
      ca: join(dir, 'ca.pem'), caKey: join(keysDir, 'ca-key.pem'),
      cert: join(keysDir, 'server.pem'), key: join(keysDir, 'server-key.pem'),
    };
    let caPem: string;
    let caKeyPem: string;
    if (existsSync(p.ca) && existsSync(p.caKey)) {
      caPem = await readFile(p.ca, 'utf8');
      caKeyPem = await readFile(p.caKey, 'utf8');
    } else {
      ({ caPem, caKeyPem } = await createCa(work));
      await writeFile(p.caKey, caKeyPem, { mode: 0o600 });
      await writeFile(p.ca, caPem);
    }
    if (existsSync(p.cert) && existsSync(p.key)) {
      const certPem = await readFile(p.cert, 'utf8');
      if (stillValid(certPem, caPem)) return { caPem, certPem, keyPem: await readFile(p.key, 'utf8'), caPath: p.ca };
    }
    const server = await createServerCert(work, caPem, caKeyPem);
    await writeFile(p.key, server.keyPem, { mode: 0o600 });
    await writeFile(p.cert, server.certPem);
    await chmod(p.caKey, 0o600);
    return { caPem, ...server, caPath: p.ca };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
