/* Browser tests: the preview host in-process, Debian's chromium through playwright-core. */
const unit = require('../jest.config');

module.exports = {
  rootDir: '..',
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testRegex: 'e2e/.*\\.spec\\.ts$',
  // Same TypeScript transform as the unit tests.
  transform: unit.transform,
  transformIgnorePatterns: unit.transformIgnorePatterns,
  globalSetup: '<rootDir>/e2e/support/global-setup.ts',
  // Uncaught page errors and React warnings fail the test that caused them.
  setupFilesAfterEnv: ['<rootDir>/e2e/support/setup.ts'],
  testTimeout: 60000,
};
