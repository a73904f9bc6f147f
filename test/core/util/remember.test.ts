import * as fc from "fast-check";
import {
  detached,
  rememberText,
  rememberTextToText,
} from "../../../src/core/util/remember";

describe("rememberText", () => {
  it("works on each distinct text once and gives the same result after", () => {
    const seen: string[] = [];
    const f = rememberText((s: string) => {
      seen.push(s);
      return s.length;
    });
    expect([f("光伏"), f("光伏产业链"), f("光伏"), f("光伏产业链")]).toEqual([
      2, 5, 2, 5,
    ]);
    expect(seen).toEqual(["光伏", "光伏产业链"]);
  });

  it("remembers an undefined result too", () => {
    let calls = 0;
    const f = rememberText((s: string) => {
      calls++;
      return s === "x" ? 1 : undefined;
    });
    expect([f("y"), f("y"), f("x")]).toEqual([undefined, undefined, 1]);
    expect(calls).toBe(2);
  });

  it("forgets everything when the limit is reached, and stays correct", () => {
    let calls = 0;
    const f = rememberText(
      (s: string) => {
        calls++;
        return `${s}!`;
      },
      undefined,
      2,
    );
    f("a");
    f("b"); // two remembered
    f("c"); // full: forgets a and b, remembers c
    expect(calls).toBe(3);
    expect(f("c")).toBe("c!");
    expect(calls).toBe(3);
    expect(f("a")).toBe("a!");
    expect(calls).toBe(4);
  });

  it("is the function itself for any texts (property)", () => {
    const g = (s: string) => s.toUpperCase().replace(/\s/g, "");
    const f = rememberTextToText(g, 8);
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 30 }), (texts) =>
        texts.every((t) => f(t) === g(t)),
      ),
    );
  });
});

describe("detached", () => {
  it("is an equal text", () => {
    const whole = "企业名称：山西示例装备制造有限公司（公章）".repeat(10);
    const part = whole.slice(5, 40);
    expect(detached(part)).toBe(part);
  });
});
