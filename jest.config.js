/* Unit and component tests: `*.spec.ts(x)` beside the code. Browser tests live in e2e/ with their own config. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2021',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'jsdom',
  // Resolve packages to their Node builds: several ship browser builds as untranspiled ESM.
  testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
  roots: ['<rootDir>/src', '<rootDir>/preview', '<rootDir>/charts', '<rootDir>/scripts'],
  testRegex: '.*\\.spec\\.(ts|tsx)$',
  testPathIgnorePatterns: ['/node_modules/', '/e2e/', '/dist/'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  // ESM-only packages that Jest must transform.
  transformIgnorePatterns: ['/node_modules/(?!(@marcbachmann/cel-js|@noble/hashes)/)'],
  moduleNameMapper: {
    '\\.(css)$': '<rootDir>/__mocks__/styleMock.js',
    // The real SDK only runs inside the console; tests use a hand-written stand-in.
    '^@openshift-console/dynamic-plugin-sdk$':
      '<rootDir>/__mocks__/@openshift-console/dynamic-plugin-sdk.tsx',
  },
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
};
