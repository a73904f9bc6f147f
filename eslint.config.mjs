import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const recommended = Array.isArray(officeAddins.configs.recommended)
  ? officeAddins.configs.recommended
  : [officeAddins.configs.recommended];

/**
 * Layers (架构分层): the pure core imports no adapter; adapters (Excel, files) import no UI; the CLI imports neither
 * Excel nor React; the ports module imports only the core. Import paths are matched as written (relative paths
 * included), so `../taskpane/x` and `../../taskpane/x` are both caught.
 */
const ADAPTERS = ["**/excel/**", "**/xlsx/**", "**/taskpane/**", "**/cli/**", "**/ports", "**/ports.ts"];
const UI = ["**/taskpane/**", "react", "react-dom", "react-dom/*", "@fluentui/*"];
const layer = (files, group, message) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns: [{ group, message }] }] },
});
const LAYERS = [
  layer(["src/core/**"], [...ADAPTERS, ...UI.slice(1), "exceljs", "fs", "path", "node:*"], "src/core 是纯核心：不得引用适配器、界面或 Node 模块。"),
  layer(["src/ports.ts"], ["**/excel/**", "**/xlsx/**", "**/taskpane/**", "**/cli/**"], "src/ports.ts 只引用 src/core 的类型。"),
  layer(["src/excel/**", "src/xlsx/**"], [...UI, "**/cli/**"], "适配器（src/excel、src/xlsx）不得引用界面或命令行。"),
  layer(["src/cli/**"], [...UI, "**/excel/**"], "命令行（src/cli）不得引用 Excel 适配器或 React 界面。"),
];

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-artifacts/**", "test/stubs/**"] },
  ...recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parser: tseslint.parser,
      globals: { Excel: "readonly", Office: "readonly", OfficeExtension: "readonly" },
    },
    rules: {
      // TypeScript checks undefined names itself; the Office globals are declared above.
      "no-undef": "off",
      // The zod idiom `const X = z.object(); type X = z.infer<typeof X>` is a deliberate redeclaration.
      "no-redeclare": "off",
      // The base rule reports parameter names in function types (`(years?: number[]) => void`); tsc's
      // noUnusedLocals/noUnusedParameters check unused names instead.
      "no-unused-vars": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
    languageOptions: {
      // Node 20 scripts: the Office config's default ecmaVersion 2015 rejects async/await and `??`.
      ecmaVersion: 2022,
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
  },
  ...LAYERS,
];
