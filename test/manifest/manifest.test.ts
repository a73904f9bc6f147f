import fs from "fs";
import os from "os";
import path from "path";
import { checkManifest } from "../../scripts/manifest-check";
import { REQUIRED_EXCEL_API } from "../../src/excel/requirements";

const ROOT = path.resolve(__dirname, "../..");
const SCHEMA_DIR = path.resolve(
  ROOT,
  "../shared/schemas/office-addin-manifest",
);
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** The manifest with `from` replaced by `to` (the text must be there, so that each broken copy really differs). */
function broken(from: string, to: string): string {
  expect(manifest).toContain(from);
  return manifest.replace(from, to);
}

describe("manifest.xml offline check", () => {
  it("passes on the project's manifest and declares the requirement set the task pane checks", async () => {
    const report = await checkManifest(manifest);
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.requirementSets).toEqual({
      ExcelApi: REQUIRED_EXCEL_API,
    });
  });

  it("fails on an http URL", async () => {
    const report = await checkManifest(
      broken(
        '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>',
        '<SupportUrl DefaultValue="http://localhost:3000/taskpane.html"/>',
      ),
    );
    expect(report.ok).toBe(false);
    expect(report.errors).toContain(
      "<SupportUrl> 必须使用 https：http://localhost:3000/taskpane.html",
    );
  });

  it("fails when an icon file is missing from assets/", async () => {
    const report = await checkManifest(
      broken(
        'DefaultValue="https://localhost:3000/assets/icon-80.png"',
        'DefaultValue="https://localhost:3000/assets/icon-81.png"',
      ),
    );
    expect(report.errors).toEqual([
      "<bt:Image> 指向的图标文件在 assets/ 中不存在：https://localhost:3000/assets/icon-81.png",
    ]);
  });

  it("fails when an icon has the wrong pixel size", async () => {
    const report = await checkManifest(
      broken(
        '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
        '<IconUrl DefaultValue="https://localhost:3000/assets/icon-16.png"/>',
      ),
    );
    expect(report.errors).toEqual([
      "<IconUrl> 的图标应为 32×32 像素，icon-16.png 为 16×16",
    ]);
  });

  it("fails on an Id that is not a GUID", async () => {
    const report = await checkManifest(
      broken("<Id>d3aca27e-", "<Id>d3aca27x-"),
    );
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toBe(
      "<Id> 必须是一个 GUID，现为：d3aca27x-07e7-4d67-a428-1e5ff82f5b17",
    );
  });

  it("fails on a resid without a resource", async () => {
    const report = await checkManifest(
      broken(
        '<Label resid="TechfundGroup.Label"/>',
        '<Label resid="Nowhere.Label"/>',
      ),
    );
    expect(report.errors).toEqual([
      'resid="Nowhere.Label" 在 <Resources> 中没有定义',
    ]);
  });

  it("fails without an ExcelApi requirement set", async () => {
    const report = await checkManifest(
      broken(
        '<Set Name="ExcelApi" MinVersion="1.9"/>',
        '<Set Name="DialogApi" MinVersion="1.1"/>',
      ),
    );
    expect(report.errors).toContain(
      '<Requirements> 中没有声明 ExcelApi 要求集（<Set Name="ExcelApi" MinVersion=…/>）',
    );
  });

  it("fails on XML that is not well-formed", async () => {
    const report = await checkManifest(manifest.replace("</OfficeApp>", ""));
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatch(/^XML 格式错误：.*Premature end of data/);
  });

  it("skips XSD validation with a note when the schema folder does not exist", async () => {
    const missing = path.join(os.tmpdir(), "no-such-office-schemas");
    const report = await checkManifest(
      broken("ReadWriteDocument", "Everything"),
      { schemaDir: missing },
    );
    expect(report.ok).toBe(true);
    expect(report.notes[0]).toContain("跳过 XSD 校验");
  });

  // The schemas sit beside the project (../shared); CI has them at the same relative place.
  const withSchemas = fs.existsSync(SCHEMA_DIR) ? describe : describe.skip;
  withSchemas("against the Office XSDs in ../shared/schemas", () => {
    it("validates manifest.xml", async () => {
      const report = await checkManifest(manifest, { schemaDir: SCHEMA_DIR });
      expect(report.notes).toEqual([`已按 XSD 校验（${SCHEMA_DIR}）`]);
      expect(report.ok).toBe(true);
    });

    it("fails on an XSD violation the other checks do not see", async () => {
      const report = await checkManifest(
        broken(
          "<Permissions>ReadWriteDocument</Permissions>",
          "<Permissions>Everything</Permissions>",
        ),
        {
          schemaDir: SCHEMA_DIR,
        },
      );
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]).toMatch(
        /^不符合 XSD：.*Permissions.*'Everything' is not an element of the set/,
      );
    });
  });
});
