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
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
    languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" } },
  },
];
