// Webpack configuration of the web resources. The entries come from the ONE list in
// solution/webresources.ts (every `bundle` item); `npm run build` runs it through
// scripts/webpack-build.ts. Also usable directly: npx webpack -c webresources/webpack.config.js
'use strict';
require('tsx/cjs');
const path = require('node:path');
const { webResources, outputPathOf } = require('../solution/webresources');

const ROOT = path.resolve(__dirname, '..');

/**
 * @param {{ root?: string, outDir?: string, resources?: ReadonlyArray<{name: string, source: {bundle?: string, library?: string[]}}> }} [options]
 */
function createConfig(options = {}) {
  const root = options.root ?? ROOT;
  const resources = options.resources ?? webResources;
  const entry = {};
  for (const wr of resources) {
    if (!('bundle' in wr.source)) continue;
    const name = outputPathOf(wr.name).replace(/\.js$/, '');
    entry[name] = {
      import: path.resolve(root, wr.source.bundle),
      // Several bundles share the PsaFoSync namespace: PsaFoSync.Form.*, PsaFoSync.Ribbon.*, ...
      library: { name: wr.source.library, type: 'assign-properties' },
    };
  }
  return {
    mode: 'production',
    context: root,
    target: ['web', 'es2019'],
    devtool: false,
    entry,
    output: { path: options.outDir ?? path.join(root, 'out', 'webresources'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: require.resolve('ts-loader'),
            options: {
              configFile: path.join(root, 'tsconfig.json'),
              onlyCompileBundledFiles: true,
              compilerOptions: { noEmit: false, module: 'es2020', moduleResolution: 'bundler', target: 'es2019', sourceMap: false },
            },
          },
        },
      ],
    },
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

module.exports = () => createConfig();
module.exports.createConfig = createConfig;
