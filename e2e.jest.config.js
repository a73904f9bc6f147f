// End-to-end tests (test/e2e/*.e2e.ts): the built task pane (npm run build:e2e → test-artifacts/e2e-build) served from
// localhost and driven in real Chromium with playwright-core. `npm run test:e2e` builds, then runs them; the unit
// tests (jest.config.js) never build and never match *.e2e.ts.
const unit = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: unit.transform,
  testEnvironment: "node",
  testTimeout: 120000,
};
