/**
 * The layer rule of eslint.config.mjs (架构分层) fails on a deliberately wrong import and passes a right one. ESLint
 * runs in a child Node process (its flat config is an ES module, which jest's CommonJS runtime does not load).
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

/**
 * Lints each source text as if it were the file at `file`; returns the messages of the layer rules (ESLint's
 * no-restricted-imports between the core and the adapters, typescript-eslint's inside the core).
 */
function lint(cases: { file: string; code: string }[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
      const cases = JSON.parse(process.argv[1]);
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.code, { filePath: c.file });
        out.push(r.messages.filter((m) => String(m.ruleId).endsWith("no-restricted-imports")).map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const run = spawnSync(
    process.execPath,
    ["-e", script, JSON.stringify(cases)],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

describe("layer rule", () => {
  it("rejects core → adapter, adapter → UI, CLI → Excel/React, and accepts imports downwards", () => {
    const results = lint([
      {
        file: "src/core/probe.ts",
        code: 'import { x } from "../excel/check/read";\nexport const y = x;\n',
      },
      {
        file: "src/core/rules/probe.ts",
        code: 'import { x } from "../../taskpane/App";\nexport const y = x;\n',
      },
      {
        file: "src/excel/probe.ts",
        code: 'import { x } from "../taskpane/text.zh";\nexport const y = x;\n',
      },
      {
        file: "src/excel/check/probe.ts",
        code: 'import React from "react";\nexport const y = React;\n',
      },
      {
        file: "src/cli/probe.ts",
        code: 'import { x } from "../excel/operations";\nexport const y = x;\n',
      },
      {
        file: "src/cli/probe.ts",
        code: 'import { x } from "@fluentui/react-components";\nexport const y = x;\n',
      },
      {
        file: "src/ports.ts",
        code: 'import { x } from "./excel/operations";\nexport const y = x;\n',
      },
      // Downwards: fine.
      {
        file: "src/excel/probe.ts",
        code: 'import { x } from "../core/grid";\nimport { y } from "../ports";\nexport const z = [x, y];\n',
      },
      {
        file: "src/cli/probe.ts",
        code: 'import { x } from "../xlsx/read";\nexport const y = x;\n',
      },
      {
        file: "src/taskpane/probe.ts",
        code: 'import { x } from "../excel/operations";\nexport const y = x;\n',
      },
    ]);
    expect(results.map((r) => r.length)).toEqual([
      1, 1, 1, 1, 1, 1, 1, 0, 0, 0,
    ]);
    expect(results[0]![0]).toContain("src/core 是纯核心");
    expect(results[2]![0]).toContain(
      "适配器（src/excel、src/xlsx）不得引用界面",
    );
    expect(results[4]![0]).toContain(
      "命令行（src/cli）不得引用 Excel 适配器或 React 界面",
    );
  });

  it("keeps the core's layers: nothing imports from above (the check not from the review) or (rules, totals) from its own layer; the model's upward imports are types only", () => {
    const results = lint([
      {
        file: "src/core/rules/probe.ts",
        code: 'import { checkWorkbook } from "../check/engine";\nexport const y = checkWorkbook;\n',
      },
      {
        file: "src/core/model/probe.ts",
        code: 'import { RULES } from "../rules/registry";\nexport const y = RULES;\n',
      },
      {
        file: "src/core/model/probe.ts",
        code: 'import type { RuleDef } from "../rules/types";\nexport type Y = RuleDef;\n',
      },
      {
        file: "src/core/rules/probe.ts",
        code: 'import { computeTotals } from "../totals";\nexport const y = computeTotals;\n',
      },
      {
        file: "src/core/totals/probe.ts",
        code: 'import { LOAN_RULES } from "../rules/loan";\nexport const y = LOAN_RULES;\n',
      },
      {
        file: "src/core/recognize/probe.ts",
        code: 'import { factOf } from "../facts/tableFacts";\nexport const y = factOf;\n',
      },
      {
        file: "src/core/model/probe.ts",
        code: 'import { getTable } from "../catalog/tables";\nexport const y = getTable;\n',
      },
      {
        file: "src/core/check/probe.ts",
        code: 'import { reviewLayout } from "../review/reviewReport";\nexport const y = reviewLayout;\n',
      },
      // Downwards (the review reads the check's own-sheet columns) and the model's type imports: fine.
      {
        file: "src/core/rules/probe.ts",
        code: 'import { factOf } from "../facts/tableFacts";\nimport { readRow } from "../recognize";\nexport const y = [factOf, readRow];\n',
      },
      {
        file: "src/core/review/probe.ts",
        code: 'import { isReviewSheet } from "../check/ownSheets";\nexport const y = isReviewSheet;\n',
      },
      {
        file: "src/core/model/probe.ts",
        code: 'import type { TableDef } from "../catalog/types";\nimport type { TableFacts } from "../facts/tableFacts";\nexport type Y = [TableDef, TableFacts];\n',
      },
    ]);
    expect(results.map((r) => r.length)).toEqual([
      1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0,
    ]);
    expect(results[0]![0]).toContain("src/core/rules 不得引用同层或上层的目录");
    expect(results[7]![0]).toContain("src/core/check 不得引用同层或上层的目录");
    expect(results[1]![0]).toContain("src/core/model 不得引用同层或上层的目录");
    expect(results[6]![0]).toContain("只可引用类型");
  });
});
