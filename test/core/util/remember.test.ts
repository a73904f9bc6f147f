import * as fc from "fast-check";
import {
  detached,
  rememberText,
  rememberTextToText,
  slotOn,
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

describe("slotOn", () => {
  it("keeps one value per object, and none for an object it has not seen", () => {
    const sums = slotOn<number[], number>();
    const a = [1, 2, 3];
    const b = [1, 2, 3];
    sums.set(a, 6);
    expect(sums.get(a)).toBe(6);
    expect(sums.get(b)).toBeUndefined();
    sums.set(a, 7);
    expect(sums.get(a)).toBe(7);
  });

  it("keeps values of two slots apart on the same object", () => {
    const first = slotOn<object, string>();
    const second = slotOn<object, string>();
    const owner = {};
    first.set(owner, "一");
    second.set(owner, "二");
    expect([first.get(owner), second.get(owner)]).toEqual(["一", "二"]);
  });

  it("leaves the object as it was for everything that reads it", () => {
    const rows = [{ row: 4 }, { row: 5 }];
    const before = JSON.stringify(rows);
    slotOn<typeof rows, Map<number, number>>().set(rows, new Map([[4, 0]]));
    expect(JSON.stringify(rows)).toBe(before);
    expect(Object.keys(rows)).toEqual(["0", "1"]);
    expect([...rows]).toHaveLength(2);
  });

  it("keeps nothing on a frozen object (the caller computes again)", () => {
    const frozen = Object.freeze([1]);
    const slot = slotOn<readonly number[], number>();
    slot.set(frozen, 1);
    expect(slot.get(frozen)).toBeUndefined();
  });
});
