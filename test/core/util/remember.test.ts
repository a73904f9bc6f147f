import * as fc from "fast-check";
import {
  rememberingTexts,
  rememberText,
} from "../../../src/core/util/remember";

describe("rememberText", () => {
  it("works on each distinct text once during a check and gives the same result after", () => {
    const seen: string[] = [];
    const f = rememberText((s: string) => {
      seen.push(s);
      return s.length;
    });
    const results = rememberingTexts(() => [
      f("光伏"),
      f("光伏产业链"),
      f("光伏"),
      f("光伏产业链"),
    ]);
    expect(results).toEqual([2, 5, 2, 5]);
    expect(seen).toEqual(["光伏", "光伏产业链"]);
  });

  it("remembers an undefined result too", () => {
    let calls = 0;
    const f = rememberText((s: string) => {
      calls++;
      return s === "x" ? 1 : undefined;
    });
    expect(rememberingTexts(() => [f("y"), f("y"), f("x")])).toEqual([
      undefined,
      undefined,
      1,
    ]);
    expect(calls).toBe(2);
  });

  it("forgets everything when the limit is reached, and stays correct", () => {
    let calls = 0;
    const f = rememberText((s: string) => {
      calls++;
      return `${s}!`;
    }, 2);
    rememberingTexts(() => {
      f("a");
      f("b"); // two remembered
      f("c"); // full: forgets a and b, remembers c
      expect(calls).toBe(3);
      expect(f("c")).toBe("c!");
      expect(calls).toBe(3);
      expect(f("a")).toBe("a!");
      expect(calls).toBe(4);
    });
  });

  it("forgets when the outermost check ends (a check inside a check shares its memos), and remembers nothing outside", () => {
    let calls = 0;
    const f = rememberText((s: string) => {
      calls++;
      return s.length;
    });
    rememberingTexts(() => {
      f("链");
      rememberingTexts(() => f("链"));
      f("链");
    });
    expect(calls).toBe(1);
    f("链");
    f("链");
    expect(calls).toBe(3);
    rememberingTexts(() => f("链"));
    expect(calls).toBe(4);
  });

  it("forgets when a check throws", () => {
    let calls = 0;
    const f = rememberText((s: string) => {
      calls++;
      return s;
    });
    expect(() =>
      rememberingTexts(() => {
        f("a");
        throw new Error("规则出错");
      }),
    ).toThrow("规则出错");
    rememberingTexts(() => f("a"));
    expect(calls).toBe(2);
  });

  it("is the function itself for any texts, in a check or not (property)", () => {
    const g = (s: string) => s.toUpperCase().replace(/\s/g, "");
    const f = rememberText(g, 8);
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 30 }),
        fc.boolean(),
        (texts, inCheck) => {
          const all = () => texts.every((t) => f(t) === g(t));
          return inCheck ? rememberingTexts(all) : all();
        },
      ),
    );
  });
});
