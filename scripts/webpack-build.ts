import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import webpack from 'webpack';
import type { WebResourceDef } from '../solution/types';
import { outputPathOf } from '../solution/webresources';
import { BuildError } from './errors';

export interface WebpackBuildOptions {
  readonly root: string;
  /** Output folder, e.g. out/webresources. */
  readonly outDir: string;
  readonly resources: readonly WebResourceDef[];
  readonly logger: Logger;
}

interface ConfigModule {
  createConfig(options: { root: string; outDir: string; resources: readonly WebResourceDef[] }): webpack.Configuration;
}

/** Bundles every `bundle` web resource (production, no source maps) and copies the `copy` ones; returns name → built file. */
export async function buildWebResources(options: WebpackBuildOptions): Promise<Map<string, string>> {
  const configModule = require(join(options.root, 'webresources', 'webpack.config.js')) as ConfigModule;
  const config = configModule.createConfig({ root: options.root, outDir: options.outDir, resources: options.resources });
  options.logger.info({ outDir: options.outDir }, 'webpack: bundling web resources (production)');
  const stats = await new Promise<webpack.Stats>((res, rej) => {
    webpack(config, (err, result) => {
      if (err || !result) rej(new BuildError('WEBPACK_FAILED', `web resources: webpack could not run: ${err?.message ?? 'no result'}`, { cause: err }));
      else res(result);
    });
  });
  if (stats.hasErrors()) {
    const info = stats.toJson({ all: false, errors: true });
    const lines = (info.errors ?? []).map((e) => `  ${e.moduleName ?? e.moduleIdentifier ?? ''}: ${e.message.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join(' ')}`);
    const names = options.resources.filter((w) => 'bundle' in w.source).map((w) => w.name).join(', ');
    throw new BuildError('WEBPACK_FAILED', `web resources (${names}): webpack failed:\n${lines.join('\n')}`);
  }
  const built = new Map<string, string>();
  for (const wr of options.resources) {
    const target = join(options.outDir, outputPathOf(wr.name));
    if ('copy' in wr.source) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(resolve(options.root, wr.source.copy), target);
    }
    if (!existsSync(target)) throw new BuildError('WEB_RESOURCE_OUTPUT_MISSING', `web resource "${wr.name}": ${target} was not produced by the build.`);
    built.set(wr.name, target);
  }
  return built;
}
