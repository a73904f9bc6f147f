import { readFileSync } from "fs";
import {
  OFFICE_ERROR_TEXT,
  officeErrorText,
  toOperationError,
} from "../../src/excel/officeErrors";
import { OperationError } from "../../src/ports";

/** Error codes declared by @types/office-js: Excel.ErrorCodes (an enum) and OfficeExtension.ErrorCodes (a class). */
function declaredCodes(): string[] {
  const dts = readFileSync(
    require.resolve("@types/office-js/index.d.ts"),
    "utf8",
  );
  const excel = dts.indexOf(
    "enum ErrorCodes {",
    dts.indexOf("declare namespace Excel"),
  );
  const body = dts.slice(excel, dts.indexOf("}", excel));
  const codes = [...body.matchAll(/= "(\w+)"/g)].map((m) => m[1]!);
  const ext = dts.indexOf(
    "class ErrorCodes {",
    dts.indexOf("declare namespace OfficeExtension"),
  );
  const extBody = dts.slice(ext, dts.indexOf("}", ext));
  for (const m of extBody.matchAll(/static (\w+): string/g))
    codes.push(m[1]![0]!.toUpperCase() + m[1]!.slice(1));
  return codes;
}

describe("Office errors in Chinese", () => {
  it("words every error code of Excel.ErrorCodes and OfficeExtension.ErrorCodes, and the 5 MB request limit", () => {
    const codes = declaredCodes();
    expect(codes).toContain("InvalidOperationInCellEditMode");
    expect(codes).toContain("PropertyNotLoaded");
    const missing = [...codes, "RequestPayloadSizeLimitExceeded"].filter(
      (c) =>
        !(c in OFFICE_ERROR_TEXT) &&
        !/Chart|PowerQuery|WorkbookLinks|SearchDialog|SearchString|RangeImage|EmptyChart|UnsupportedFillType|InvalidBinding/.test(
          c,
        ),
    );
    expect(missing).toEqual([]);
    for (const text of Object.values(OFFICE_ERROR_TEXT))
      expect(text).toMatch(/[\u4e00-\u9fff]/);
  });

  it("turns an OfficeExtension.Error into an OperationError with its code and Chinese text, never the raw text", () => {
    const raw = Object.assign(
      new Error("This operation is not allowed while in cell edit mode."),
      {
        code: "InvalidOperationInCellEditMode",
      },
    );
    const e = toOperationError("检查", raw);
    expect(e).toBeInstanceOf(OperationError);
    expect(e.code).toBe("InvalidOperationInCellEditMode");
    expect(e.message).toBe(
      "检查失败：您正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试。",
    );
    expect(e.cause).toBe(raw);
    expect(officeErrorText("SomethingNew")).toBe(
      "Excel 返回错误（代码 SomethingNew），本次操作未完成。",
    );
  });

  it("keeps an OperationError's code and an Error of ours' Chinese message", () => {
    expect(
      toOperationError(
        "保存说明",
        new OperationError("NotOurSheet", "不是本工具的工作表。"),
      ),
    ).toMatchObject({
      code: "NotOurSheet",
      message: "保存说明失败：不是本工具的工作表。",
    });
    expect(toOperationError("标记", new Error("说明过短。"))).toMatchObject({
      code: "Invalid",
      message: "标记失败：说明过短。",
    });
  });
});
