/** The 资格自检 workbook written from what the task pane's form holds (text as typed). */
import * as XLSX from "@e965/xlsx";
import { writeEligibilityWorkbook } from "../../src/xlsx/forms";

describe("资格自检表 from the form's typed text", () => {
  it("writes typed figures as numbers and dates as dates, so that the formulas count them", async () => {
    const bytes = await writeEligibilityWorkbook("兼并重组奖励", {
      mergerInvestment: { v: "50,000" },
      mergerStake: { v: "50%" },
      mergerDate: { v: "2024年1月1日" },
    });
    const ws = XLSX.read(bytes, { type: "array" }).Sheets["资格自检"]!;
    const values = Object.values(ws).map((c) => (c as XLSX.CellObject).v);
    expect(values).toEqual(expect.arrayContaining([50000, 50, 45292]));
    expect(values).not.toContain("50,000");
  });
});
