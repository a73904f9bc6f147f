import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const recommended = Array.isArray(officeAddins.configs.recommended)
  ? officeAddins.configs.recommended
  : [officeAddins.configs.recommended];

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
];
