/**
 * The 资格自检 sheet's verdict formulas, built from the same condition data as the evaluator (catalog/eligibility.ts),
 * so that the sheet decides as the task pane does and keeps deciding in Excel or WPS without the add-in. Each formula
 * gives 符合 / 不符合 / 待核实 from the input cells of the sheet.
 */
import type { Metric, Test } from "../catalog/eligibility";
import { eligibilityInput } from "../catalog/eligibility";

/** An Excel string literal. */
function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

const VERDICT = (test: string) => `IF(${test},"符合","不符合")`;

/**
 * The formula (without `=`) of a condition's verdict.
 * @param cell the A1 address of each input's cell on the same sheet
 */
export function verdictFormula(
  test: Test,
  cell: (key: string) => string,
): string {
  switch (test.kind) {
    case "yes": {
      const x = cell(test.input);
      return `IF(${x}="是","符合",IF(${x}="否","不符合","待核实"))`;
    }
    case "onOrAfter": {
      const x = cell(test.input);
      const [y, m, d] = test.date.split("-").map(Number);
      return `IF(ISNUMBER(${x}),${VERDICT(`${x}>=DATE(${y},${m},${d})`)},"待核实")`;
    }
    case "oneOf": {
      const x = cell(test.input);
      const list = `{${test.values.map(str).join(",")}}`;
      // 试点示范 names may carry a prefix (国家级绿色工厂): the programme is looked for inside the text.
      const found =
        eligibilityInput(test.input).kind === "programme"
          ? `SUMPRODUCT(--ISNUMBER(FIND(${list},${x})))>0`
          : `ISNUMBER(MATCH(TRIM(${x}),${list},0))`;
      return `IF(TRIM(${x})="","待核实",${VERDICT(found)})`;
    }
    case "atLeast": {
      const { keys, value, guard } = metricFormula(test.metric, cell);
      const all = `AND(${keys.map((k) => `ISNUMBER(${k})`).join(",")})`;
      const decide = VERDICT(`${value}>=${test.min}`);
      return `IF(${all},${guard ? `IF(${guard},${decide},"待核实")` : decide},"待核实")`;
    }
  }
}

function metricFormula(
  m: Metric,
  cell: (key: string) => string,
): { keys: string[]; value: string; guard?: string } {
  if ("input" in m) return { keys: [cell(m.input)], value: cell(m.input) };
  if ("diff" in m) {
    const [a, b] = m.diff.map(cell) as [string, string];
    return { keys: [a, b], value: `(${a}-${b})` };
  }
  if ("growth" in m) {
    const [a, b] = m.growth.map(cell) as [string, string];
    // Percent as a percent number, rounded to 10 decimals so that an exact 15 % is not lost to binary fractions.
    return {
      keys: [a, b],
      value: `ROUND((${a}-${b})/${b}*100,10)`,
      guard: `${b}>0`,
    };
  }
  const [a, ...rest] = [m.overMax[0], ...m.overMax[1]].map(cell) as [
    string,
    ...string[],
  ];
  return { keys: [a, ...rest], value: `(${a}-MAX(${rest.join(",")}))` };
}

/** The overall verdict over a column of verdicts (`B12:B20`). */
export function overallFormula(range: string): string {
  return `IF(COUNTIF(${range},"不符合")>0,"不符合",IF(COUNTIF(${range},"待核实")>0,"待核实","符合"))`;
}
