import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { CheckInputError } from './types';

export const CUSTOMIZATIONS_XSD = 'CustomizationsSolution.xsd';
export const RIBBON_XSD = 'RibbonCore.xsd';
export const SCHEMAS_DIR_ENV = 'PSAFO_SCHEMAS_DIR';
/** Where the patched Microsoft XSDs live, relative to the project root (DESIGN: never copied into the project). */
export const DEFAULT_SCHEMAS_RELATIVE = join('..', 'shared', 'schemas');

/** Validates one XML text against one XSD of the schema folder; returns readable errors (empty = valid). */
export interface XsdValidator {
  readonly name: string;
  validate(xml: string, fileName: string, schema: string): Promise<string[]>;
}

/** Schema folder: explicit option, else $PSAFO_SCHEMAS_DIR, else <project root>/../shared/schemas. */
export function resolveSchemasDir(options: { option?: string; env?: NodeJS.ProcessEnv; projectRoot: string }): string {
  const fromEnv = options.env?.[SCHEMAS_DIR_ENV];
  const dir = resolve(options.option ?? (fromEnv && fromEnv !== '' ? fromEnv : join(options.projectRoot, DEFAULT_SCHEMAS_RELATIVE)));
  for (const xsd of [CUSTOMIZATIONS_XSD, RIBBON_XSD]) {
    if (!existsSync(join(dir, xsd))) {
      throw new CheckInputError(
        'SCHEMAS_MISSING',
        `Microsoft's solution schemas were not found: ${join(dir, xsd)} does not exist. Point --schemas <dir> or ${SCHEMAS_DIR_ENV} at the folder holding the patched ${CUSTOMIZATIONS_XSD}, ${RIBBON_XSD} and their includes.`,
      );
    }
  }
  return dir;
}

/** Debian's xmllint (libxml2-utils): compiles the patched schemas as they are. */
export function systemXmllint(schemasDir: string): XsdValidator {
  return {
    name: 'xmllint',
    validate: (xml, fileName, schema) =>
      new Promise((res, rej) => {
        const child = spawn('xmllint', ['--noout', '--schema', join(schemasDir, schema), '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', (c: Buffer) => { err += c.toString('utf8'); });
        child.on('error', (e) => rej(new CheckInputError('XMLLINT_FAILED', `xmllint could not run: ${e.message}`, { cause: e })));
        child.on('close', (code) => {
          if (code === 0) return res([]);
          if (code === 5) return rej(new CheckInputError('SCHEMA_UNUSABLE', `xmllint cannot compile ${schema}: ${err.trim()}`));
          const lines = err.split('\n').filter((l) => l.trim() !== '' && !/^- (fails to validate|validates)$/.test(l.trim()));
          res(lines.map((l) => l.replace(/^-:/, `${fileName}:`)));
        });
        child.stdin.end(xml);
      }),
  };
}

/** xmllint compiled to WebAssembly (npm xmllint-wasm): nothing to install; its newer libxml2 compiles RibbonCore.xsd but rejects FormXml.xsd. */
export function wasmXmllint(schemasDir: string): XsdValidator {
  const xsds = readdirSync(schemasDir).filter((f) => f.endsWith('.xsd')).sort().map((f) => ({ fileName: f, contents: readFileSync(join(schemasDir, f), 'utf8') }));
  return {
    name: 'xmllint-wasm',
    async validate(xml, fileName, schema) {
      const main = xsds.find((x) => x.fileName === schema);
      if (!main) throw new CheckInputError('SCHEMAS_MISSING', `${schema} is not in ${schemasDir}.`);
      try {
        const result = await validateXML({ xml: { fileName, contents: xml }, schema: main, preload: xsds.filter((x) => x !== main), maxMemoryPages: 2048 });
        return result.valid ? [] : result.errors.map((e) => e.rawMessage);
      } catch (err) {
        throw new CheckInputError('SCHEMA_UNUSABLE', `xmllint-wasm cannot compile ${schema} (${(err as Error).message.split('\n')[0]}); install Debian's xmllint (apt-get install libxml2-utils) and run again.`, { cause: err });
      }
    },
  };
}

export function hasSystemXmllint(): boolean {
  return spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * The validators per schema: the ribbon always through xmllint-wasm (no install needed); customizations.xml
 * through Debian's xmllint when present (the only libxml2 here that compiles FormXml.xsd), else wasm.
 */
export function defaultValidators(schemasDir: string): { customizations: XsdValidator; ribbon: XsdValidator } {
  const wasm = wasmXmllint(schemasDir);
  return { customizations: hasSystemXmllint() ? systemXmllint(schemasDir) : wasm, ribbon: wasm };
}
