// Test tiers are told apart by file name (STYLE.md §11). `npm test` runs every tier;
// `npm run test:<tier>` runs one. Type checking is `npm run typecheck`, so ts-jest only transpiles.
const transform = { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }] };
const tier = (name, extra = {}) => ({
  displayName: name,
  testMatch: [`<rootDir>/test/**/*.${name}.test.ts`],
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  ...extra,
});
module.exports = {
  projects: [
    tier('unit'),
    tier('conformance'),
    tier('integration', { testTimeout: 120000 }),
    tier('e2e', { testTimeout: 180000 }),
  ],
};
