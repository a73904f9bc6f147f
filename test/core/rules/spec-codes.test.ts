/**
 * Every rule code of ../shared/spec/tables.md is defined — in the rule registry, or among the package rules checked
 * across files (core/check/package.ts) — with a message: a code the spec names and the product does not know fails here.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { MESSAGES_ZH } from "../../../src/core/messages";
import { PACKAGE_RULES } from "../../../src/core/check/package";
import { ruleByCode } from "../../../src/core/rules/registry";

const SPEC = path.resolve(__dirname, "../../../../shared/spec/tables.md");
const CODES = [
  ...new Set(
    [...readFileSync(SPEC, "utf8").matchAll(/`([A-Z]+(?:-[A-Z0-9]+)+)`/g)].map(
      (m) => m[1]!,
    ),
  ),
].sort();

describe("the rule codes of tables.md", () => {
  it("are read from the spec (more than 70 codes)", () => {
    expect(CODES.length).toBeGreaterThan(70);
    expect(CODES).toContain("LOAN-SHANXI");
  });
  it.each(CODES)("%s is defined with a message", (code) => {
    const defined =
      ruleByCode(code)?.code ??
      PACKAGE_RULES.find((r) => r.code === code)?.code;
    expect(defined).toBe(code);
    expect(Object.keys(MESSAGES_ZH)).toContain(code);
  });
});
