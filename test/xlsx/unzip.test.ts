/**
 * Bounded unzip: zip bombs are refused as 文件过大 before or while inflating, within seconds and far under 1 GB of
 * memory; a part whose bytes do not match its CRC-32 (or its declared size) is refused as 文件已损坏（压缩包校验失败）
 * instead of being read with altered values.
 */
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";
import { unzipSync, zipSync } from "fflate";

import { readWorkbook } from "../../src/xlsx/read";
import { UNZIP_LIMITS, unzipBounded } from "../../src/xlsx/reader/unzip";
import { entryOf, zipOf, type RawEntry } from "../helpers/zip";

const SAMPLE = path.resolve(
  __dirname,
  "../../../shared/samples/project-info-1.xlsx",
);
const MB = 1024 * 1024;

/** The sample's parts, each as a true entry (deflated). */
function sampleEntries(): RawEntry[] {
  return Object.entries(unzipSync(readFileSync(SAMPLE)))
    .filter(([p]) => !p.endsWith("/"))
    .map(([p, data]) => entryOf(p, data));
}

/** Runs `code` (TypeScript, with `readWorkbook`, `zipOf`, `zeroBomb`, `entryOf` in scope) in a new Node process. */
function inChild(code: string): {
  message: string;
  maxRssMb: number;
  ms: number;
} {
  const root = path.resolve(__dirname, "../..");
  const script = `
    const { readWorkbook } = require(${JSON.stringify(path.join(root, "src/xlsx/read"))});
    const { zipOf, zeroBomb, entryOf } = require(${JSON.stringify(path.join(root, "test/helpers/zip"))});
    const started = Date.now();
    ${code}
    process.stdout.write(JSON.stringify({
      message: result.ok ? "ok" : result.error.message,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      ms: Date.now() - started,
    }));`;
  const child = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(child.stderr || String(child.error));
  return JSON.parse(child.stdout) as ReturnType<typeof inChild>;
}

describe("a 1 GB zip bomb (1 MB packed)", () => {
  test("that declares its size is refused as 文件过大 before anything is inflated", () => {
    const r = inChild(`
      const bomb = zeroBomb(1024);
      const entries = Object.entries(require("fflate").unzipSync(require("fs").readFileSync(${JSON.stringify(SAMPLE)})))
        .filter(([p]) => !p.endsWith("/")).map(([p, d]) => entryOf(p, d));
      entries.push({ name: "xl/worksheets/sheet9.xml", packed: bomb, method: 8, crc: 0, size: 1024 * 1024 * 1024 });
      const result = readWorkbook(zipOf(entries), "炸弹.xlsx");`);
    expect(r.message).toMatch(/^文件过大：炸弹\.xlsx（/);
    expect(r.maxRssMb).toBeLessThan(1024);
    // In seconds: the reading, from the bytes in memory to the refusal (a busy machine's slack included).
    expect(r.ms).toBeLessThan(10_000);
  });

  test("that declares 1 MB is refused as 压缩包校验失败 once it unpacks past 1 MB", () => {
    const r = inChild(`
      const entries = Object.entries(require("fflate").unzipSync(require("fs").readFileSync(${JSON.stringify(SAMPLE)})))
        .filter(([p]) => !p.endsWith("/")).map(([p, d]) => entryOf(p, d));
      entries.push({ name: "xl/worksheets/sheet9.xml", packed: zeroBomb(1024), method: 8, crc: 0, size: 1024 * 1024 });
      const result = readWorkbook(zipOf(entries), "炸弹.xlsx");`);
    expect(r.message).toMatch(/^文件已损坏（压缩包校验失败）：炸弹\.xlsx（/);
    expect(r.maxRssMb).toBeLessThan(1024);
    expect(r.ms).toBeLessThan(10_000);
  });
});

test("the same package without the bomb reads (the refusals above are the bomb's)", () => {
  const result = readWorkbook(zipOf(sampleEntries()), "样例.xlsx");
  expect(result.ok).toBe(true);
});

test("a part whose bytes were altered after packing (CRC-32 unchanged) is refused, not read with the altered value", () => {
  const parts = unzipSync(readFileSync(SAMPLE));
  const packed = zipSync(
    Object.fromEntries(Object.entries(parts).filter(([p]) => !p.endsWith("/"))),
    { level: 0 },
  );
  const text = new TextDecoder("latin1").decode(packed);
  // A number of the sample's sheet, stored unpacked, changed in place: 5 becomes 9.
  const at = text.indexOf("<v>", text.indexOf("<sheetData"));
  const digit = text.slice(at + 3).search(/[0-9]/) + at + 3;
  expect(digit).toBeGreaterThan(at);
  const altered = packed.slice();
  altered[digit] = altered[digit] === 0x39 ? 0x38 : 0x39;
  expect(readWorkbook(packed, "原件.xlsx").ok).toBe(true);
  const result = readWorkbook(altered, "改动.xlsx");
  expect(result).toEqual({
    ok: false,
    error: expect.objectContaining({
      code: "corrupt",
      message: expect.stringMatching(
        /^文件已损坏（压缩包校验失败）：改动\.xlsx（/,
      ),
    }),
  });
});

test("a directory entry with a wrong CRC-32 is refused", () => {
  const entries = sampleEntries();
  const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
  sheet.crc = (sheet.crc ^ 1) >>> 0;
  const result = readWorkbook(zipOf(entries), "校验.xlsx");
  expect(result.ok ? "" : result.error.message).toMatch(
    /^文件已损坏（压缩包校验失败）：校验\.xlsx/,
  );
});

describe("unzipBounded's limits", () => {
  // 3 MB of letters from a fixed pseudo-random sequence (packs about 1.6:1), and 3 MB of one letter (about 1000:1).
  const data = new Uint8Array(3 * MB);
  for (let i = 0, x = 1; i < data.length; i++) {
    x = (x * 48271) % 0x7fffffff;
    data[i] = 0x41 + (x % 26);
  }
  const zip = zipOf([
    entryOf("a.xml", data),
    entryOf("b.xml", data.subarray(0, 10)),
  ]);
  const dense = zipOf([entryOf("a.xml", new Uint8Array(3 * MB).fill(0x41))]);
  const all = () => true;

  test("within the limits every part unpacks as packed", () => {
    const r = unzipBounded(zip, all);
    expect(r.ok && [...r.parts.keys()]).toEqual(["a.xml", "b.xml"]);
    // Compared as bytes (a deep equality of 3 MB element by element takes a minute).
    expect(r.ok && Buffer.compare(r.parts.get("a.xml")!, data)).toBe(0);
  });
  test("a part over the part limit, or the parts over the file limit: too-large", () => {
    const limits = {
      ...UNZIP_LIMITS,
      partBytes: 3 * MB,
      fileBytes: 3 * MB + 10,
    };
    expect(unzipBounded(zip, all, limits)).toMatchObject({ ok: true });
    expect(
      unzipBounded(zip, all, { ...limits, partBytes: 3 * MB - 1 }),
    ).toEqual({ ok: false, failure: "too-large" });
    expect(
      unzipBounded(zip, all, { ...limits, fileBytes: 3 * MB + 9 }),
    ).toEqual({ ok: false, failure: "too-large" });
  });
  test("a part above 1 MB packed more densely than 200:1: too-large; below ratioFrom it unpacks", () => {
    expect(unzipBounded(dense, all)).toEqual({
      ok: false,
      failure: "too-large",
    });
    const r = unzipBounded(dense, all, { ...UNZIP_LIMITS, ratioFrom: 3 * MB });
    expect(r.ok && r.parts.get("a.xml")?.every((b) => b === 0x41)).toBe(true);
  });
  test("a part that unpacks to more or less than it declares: checksum, whether packed small (one call) or large (streamed)", () => {
    // b.xml packs 10 bytes into a few; a.xml packs 3 MB into about 1.9 MB, over the one-call bound of 64 KB.
    const small = entryOf("b.xml", data.subarray(0, 10));
    const large = entryOf("a.xml", data);
    expect(small.packed.length).toBeLessThanOrEqual(64 * 1024);
    expect(large.packed.length).toBeGreaterThan(64 * 1024);
    for (const e of [small, large])
      for (const size of [e.size - 1, e.size + 1])
        expect(unzipBounded(zipOf([{ ...e, size }]), all)).toEqual({
          ok: false,
          failure: "checksum",
        });
    const exact = unzipBounded(zipOf([small, large]), all);
    expect(exact.ok && [...exact.parts.get("b.xml")!]).toEqual([
      ...data.subarray(0, 10),
    ]);
  });
  test("parts not wanted are neither unpacked nor counted", () => {
    const r = unzipBounded(zip, (p) => p === "b.xml", {
      ...UNZIP_LIMITS,
      partBytes: 100,
    });
    expect(r.ok && [...r.parts.keys()]).toEqual(["b.xml"]);
    expect(r.ok && r.others).toEqual(["a.xml"]);
  });
  test("a zip whose end record is missing, or whose part lies outside the file: corrupt", () => {
    expect(unzipBounded(zip.subarray(0, zip.length - 22), all)).toEqual({
      ok: false,
      failure: "corrupt",
    });
    expect(unzipBounded(zip.subarray(1000), all)).toEqual({
      ok: false,
      failure: "corrupt",
    });
  });
});
