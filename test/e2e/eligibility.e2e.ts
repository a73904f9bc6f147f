/**
 * End-to-end: the 资格自检 form and the 申请报告表样 downloads of the built page, in real Chromium, as an enterprise
 * would use them without Excel: pick 制造业营收进档奖励, type 2023 and 2024 revenue, read the verdicts at once, then
 * download the 资格自检表 and the forms and read them back with SheetJS. Screenshot: test-artifacts/e2e/资格自检.png.
 */
import * as path from "path";
import type { CellObject } from "@e965/xlsx";
import {
  download,
  downloadForm,
  REPORT_FORM_SHEETS,
  SHOTS,
  startSession,
  WAIT,
  type Session,
} from "./harness";

let s: Session;
const requests: string[] = [];

beforeAll(async () => {
  s = await startSession({ viewport: { width: 1000, height: 1400 } });
  s.page.on("request", (r) => requests.push(r.url()));
  await s.page.goto(`${s.baseUrl}/taskpane.html`);
});

afterAll(async () => s?.close());

describe("资格自检 in the browser", () => {
  it("an enterprise picks 制造业营收进档奖励, types 2023 and 2024 revenue and sees at once whether it qualifies and why", async () => {
    const { page } = s;
    const form = page.getByRole("region", { name: "资格自检" });
    await form
      .getByRole("combobox", { name: "申报方向" })
      .selectOption("制造业营收进档奖励", WAIT);
    await form.getByLabel("2023年营业收入（万元）").fill("200000");
    await form.getByLabel("2024年营业收入（万元）").fill("235000");
    const increase = form.getByRole("listitem", { name: "营收增量" });
    await increase
      .getByText("2024年营收增量为35,000万元，达到30,000万元")
      .waitFor(WAIT);
    await form
      .getByRole("listitem", { name: "营收增速" })
      .getByText("2024年营收增速为17.5%，达到15%")
      .waitFor(WAIT);
    await form.getByRole("combobox", { name: "所属行业" }).selectOption("食品");
    await form.getByText("总体结论：不符合").waitFor(WAIT);
    await form
      .getByRole("listitem", { name: "所属行业" })
      .getByText("不符合")
      .waitFor(WAIT);
    // 食品 is 消费品工业: 附件5 row 14 (制造业营收进档奖励) names no 消费品处 to ask.
    expect(await form.getByText("消费品处 康雁翔 0351-3030017").count()).toBe(
      0,
    );
    await form.getByRole("combobox", { name: "所属行业" }).selectOption("钢铁");
    await form.getByText("原材料处 霍丽琴 0351-3030039").waitFor(WAIT);
    await form.screenshot({ path: path.join(SHOTS, "资格自检.png") });

    const [sheet] = await download(s, () =>
      form.getByRole("button", { name: "下载资格自检表.xlsx" }).click(),
    );
    expect(sheet!.name).toBe("资格自检（制造业营收进档奖励）.xlsx");
    const wb = sheet!.book;
    const cells = Object.values(wb.Sheets["资格自检"]!).map(
      (c) => (c as CellObject).v,
    );
    expect(cells).toEqual(
      expect.arrayContaining([
        "制造业营收进档奖励",
        200000,
        235000,
        "钢铁",
        "待核实",
      ]),
    );
  });

  it("downloads the 申请报告表样 and the “免申即享”申报表", async () => {
    const forms = await downloadForm(s, "封面、承诺书、现场核查表、绩效目标表");
    expect(forms.book.SheetNames.slice(0, 5)).toEqual(REPORT_FORM_SHEETS);
    const exempt = await downloadForm(s, /免申即享/);
    expect(exempt.name).toBe(
      "山西省技术改造专项资金事项类项目（“免申即享”）申报表.xlsx",
    );
    expect(requests.every((u) => new URL(u).hostname === "localhost")).toBe(
      true,
    );
  });
});
