import { lazyForms } from "../../src/taskpane/forms/lazy";
import type { FormOperations } from "../../src/ports";

describe("lazyForms", () => {
  it("loads the operations with the first form, once, and passes each call through", async () => {
    const calls: unknown[][] = [];
    let loads = 0;
    const forms = lazyForms(() => {
      loads++;
      return Promise.resolve<FormOperations>({
        reportForms: () =>
          Promise.resolve(["封面", "承诺书", "现场核查表", "绩效目标表"]),
        exemptApplication: () => Promise.resolve(["“免申即享”申报表"]),
        eligibility: (direction, answers, chain) => {
          calls.push([direction, answers, chain]);
          return Promise.resolve(["资格自检"]);
        },
      });
    });
    expect(loads).toBe(0);
    expect(await forms.reportForms()).toEqual([
      "封面",
      "承诺书",
      "现场核查表",
      "绩效目标表",
    ]);
    expect(
      await forms.eligibility(
        "产业链贷款贴息",
        { interest2024: "12.5" },
        "特钢材料",
      ),
    ).toEqual(["资格自检"]);
    expect(await forms.exemptApplication()).toEqual(["“免申即享”申报表"]);
    expect(loads).toBe(1);
    expect(calls).toEqual([
      ["产业链贷款贴息", { interest2024: "12.5" }, "特钢材料"],
    ]);
  });

  it("a failed load fails that form; the next form loads again", async () => {
    let loads = 0;
    const forms = lazyForms(() => {
      loads++;
      if (loads === 1) return Promise.reject(new Error("脚本载入失败"));
      return Promise.resolve<FormOperations>({
        reportForms: () => Promise.resolve(["封面"]),
        exemptApplication: () => Promise.resolve([]),
        eligibility: () => Promise.resolve([]),
      });
    });
    await expect(forms.reportForms()).rejects.toThrow("脚本载入失败");
    expect(await forms.reportForms()).toEqual(["封面"]);
    expect(loads).toBe(2);
  });
});
