/* Browser tests: the preview host in-process, Debian's chromium through playwright-core. */
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
  rootDir: '..',
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testRegex: 'e2e/.*\\.spec\\.ts$',
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@marcbachmann/cel-js|@noble/hashes)/)'],
  globalSetup: '<rootDir>/e2e/support/global-setup.ts',
  testTimeout: 60000,
};
