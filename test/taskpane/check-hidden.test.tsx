/**
 * @jest-environment jsdom
 *
 * The 检查 pane on the strict Excel fake (test/excel/checkFake.ts) with the real Office.js operations: a T1 whose
 * Excel row 6 (the second loan) and column M (2024年利息实际发生额) are hidden shows both as ROW-HIDDEN 警告.
 */
import "./jsdom-setup";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createCheckOperations } from "../../src/excel/check/operations";
import { CheckPanel } from "../../src/taskpane/check/CheckPanel";
import {
  FakeExcel,
  installCheckFake,
  uninstallCheckFake,
} from "../excel/checkFake";
import { GOOD_LOAN as GOOD, noticeSheet, workbookOf } from "../helpers/rows";

afterEach(uninstallCheckFake);

it("lists the hidden row and the hidden column with data", async () => {
  const sheet = noticeSheet("loan-interest", {
    rows: [GOOD, { ...GOOD, contractNo: "B" }, { ...GOOD, contractNo: "C" }],
  });
  const fake = FakeExcel.of(workbookOf(sheet));
  fake.sheet(sheet.name).hiddenRows.add(5);
  fake.hideColumns(sheet.name, 12, 1);
  installCheckFake(fake);
  render(
    <FluentProvider theme={webLightTheme}>
      <CheckPanel operations={createCheckOperations()} liveByDefault={false} />
    </FluentProvider>,
  );
  await screen.findByText("识别结果");
  const items = [...document.querySelectorAll('[role="listitem"]')]
    .map((li) => li.textContent ?? "")
    .filter((text) => text.includes("ROW-HIDDEN"));
  expect(items).toHaveLength(2);
  expect(items.find((t) => t.includes("M5"))).toContain(
    "M列「2024年利息实际发生额」是隐藏列，其中3行有数据",
  );
  expect(items.find((t) => t.includes("B6"))).toContain(
    "第6行（1行）是隐藏行，有数据",
  );
  expect(items.every((t) => t.includes("警告"))).toBe(true);
});
