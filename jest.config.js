/** @type {import('jest').Config} */
module.exports = {
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" } },
    ],
  },
  // office-addin-mock pulls office-addin-manifest, an ES module jest on Node 20 cannot require (toolchain.md trap 3).
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
  testEnvironment: "node",
  globalSetup: "<rootDir>/test/globalSetup.js",
  testTimeout: 60000,
};
