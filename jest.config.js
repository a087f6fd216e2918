// Test tiers are told apart by file name (STYLE.md §11). `npm test` runs every tier;
// `npm run test:<tier>` runs one. Type checking is `npm run typecheck`, so ts-jest only transpiles.
// A few dependencies ship ES modules only (Node 20 can require them, jest's module system cannot):
// they are transpiled to CommonJS like our own sources.
const esmOnly = ['cookie'];
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  '^.+\\.m?js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true, module: 'commonjs', target: 'ES2022' } }],
};
const tier = (name, timeoutMs, extra = {}) => ({
  displayName: name,
  globals: { __PSAFO_TIMEOUT_MS__: timeoutMs },
  setupFilesAfterEnv: ['<rootDir>/test/harness/timeout.ts'],
  testMatch: [`<rootDir>/test/**/*.${name}.test.ts`],
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  ...extra,
});
module.exports = {
  projects: [
    tier('unit', 10_000),
    tier('conformance', 60_000),
    tier('integration', 180_000),
    tier('e2e', 180_000),
  ],
};
