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
const ADAPTERS = [
  "**/excel/**",
  "**/xlsx/**",
  "**/taskpane/**",
  "**/cli/**",
  "**/ports",
  "**/ports.ts",
];
const UI = [
  "**/taskpane/**",
  "react",
  "react-dom",
  "react-dom/*",
  "@fluentui/*",
];
const layer = (files, group, message) => ({
  files,
  rules: {
    "no-restricted-imports": ["error", { patterns: [{ group, message }] }],
  },
});
const LAYERS = [
  layer(
    ["src/core/**"],
    [...ADAPTERS, ...UI.slice(1), "exceljs", "fs", "path", "node:*"],
    "src/core 是纯核心：不得引用适配器、界面或 Node 模块。",
  ),
  layer(
    ["src/ports.ts"],
    ["**/excel/**", "**/xlsx/**", "**/taskpane/**", "**/cli/**"],
    "src/ports.ts 只引用 src/core 的类型。",
  ),
  layer(
    ["src/excel/**", "src/xlsx/**"],
    [...UI, "**/cli/**"],
    "适配器（src/excel、src/xlsx）不得引用界面或命令行。",
  ),
  layer(
    ["src/cli/**"],
    [...UI, "**/excel/**"],
    "命令行（src/cli）不得引用 Excel 适配器或 React 界面。",
  ),
];

/**
 * Layers inside the core (核心分层), lowest first: a folder imports from the layers below its own, never from its own
 * layer's other folders or from above, so rules and totals both read facts and neither reads the other. The check
 * knows the sheets this tool writes (check/ownSheets.ts) and skips them; review/ draws them from the check's reports.
 * template needs only the catalog; eligibility (资格自检) words unreadable values with the messages' parse catalog;
 * merge, forms and fill put everything together.
 */
const CORE_LAYERS = [
  ["util"],
  ["model"],
  ["parse"],
  ["catalog"],
  ["template"],
  ["names"],
  ["meaning"],
  ["recognize"],
  ["facts"],
  ["rules", "totals"],
  ["messages"],
  ["check", "eligibility"],
  ["review"],
  ["merge", "forms", "fill"],
];
/**
 * Type-only imports upwards: the model's types name the catalog's column keys and tables (`DataRow<K>`), the readings
 * parse makes (CalendarDate) and the facts a table carries (`TableContext.facts`, `WorkbookContext.facts`: they live
 * and die with the context they describe, and every rule and total already receives the context).
 */
const CORE_TYPE_IMPORTS = { model: ["parse", "catalog", "facts"] };
const CORE_ORDER = CORE_LAYERS.map((l) => l.join("|")).join(" → ");
const folderGroup = (folders) =>
  folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]);
const coreLayer = (folder, level) => {
  const above = CORE_LAYERS.slice(level + 1).flat();
  const peers = CORE_LAYERS[level].filter((f) => f !== folder);
  const typesOnly = CORE_TYPE_IMPORTS[folder] ?? [];
  const forbidden = [...peers, ...above].filter((f) => !typesOnly.includes(f));
  const message = `核心分层（${CORE_ORDER}）：src/core/${folder} 不得引用同层或上层的目录。`;
  return {
    files: [`src/core/${folder}/**`],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: folderGroup(forbidden), message },
            ...(typesOnly.length > 0
              ? [
                  {
                    group: folderGroup(typesOnly),
                    message: `${message}（只可引用类型）`,
                    allowTypeImports: true,
                  },
                ]
              : []),
          ],
        },
      ],
    },
  };
};
const CORE = CORE_LAYERS.flatMap((folders, level) =>
  folders.map((f) => coreLayer(f, level)),
);

export default [
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "test-artifacts/**",
      "test/stubs/**",
    ],
  },
  ...recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parser: tseslint.parser,
      globals: {
        Excel: "readonly",
        Office: "readonly",
        OfficeExtension: "readonly",
      },
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
  ...CORE,
];
