/**
 * Seeded fuzzing of the reader: mutations of a real .xls and a real .xlsx (../shared/samples) each end with a workbook
 * or a Chinese refusal naming the file — never an exception, never an English message. Each case runs in a worker
 * thread with a time and a memory limit (standing in for the CLI's and the workbench's reading workers): SheetJS's
 * .xls reader loops on some damaged files, taking memory as it goes, and such a case is ended by the limit instead of
 * hanging the suite. The seeds are fixed: a failure names a case that can be read again (see test/helpers/fuzz.ts).
 */
import { readFileSync } from "fs";
import * as path from "path";

import { readWorkbook } from "../../src/xlsx/read";

import {
  mutateBytes,
  mutatePart,
  readInWorkers,
  rng,
  sheetsDigest,
  type FuzzOutcome,
} from "../helpers/fuzz";

const SAMPLES = path.resolve(__dirname, "../../../shared/samples");
const LIMITS = { ms: 10_000, heapMb: 512 };

/** A refusal: one of the reader's Chinese reasons, then the file's name. */
const REFUSAL =
  /^(文件已加密|文件已损坏|文件已损坏（压缩包校验失败）|不是受支持的表格文件|文件为空|文件过大)：case\d+\.xlsx?(（|$)/;

function check(outcomes: FuzzOutcome[]): Record<string, number> {
  const tally: Record<string, number> = {};
  outcomes.forEach((o, i) => {
    const key = o.end === "refused" ? o.message.split("：")[0]! : o.end;
    tally[key] = (tally[key] ?? 0) + 1;
    if (o.end === "threw") throw new Error(`case ${i} threw: ${o.message}`);
    if (o.end === "refused") expect(o.message).toMatch(REFUSAL);
  });
  return tally;
}

test("150 mutations of a real .xls end with a workbook or a Chinese refusal (or at the limits)", async () => {
  const base = readFileSync(path.join(SAMPLES, "project-info-3.xls"));
  const r = rng(2);
  const cases = Array.from({ length: 150 }, (_, i) => ({
    name: `case${i}.xls`,
    bytes: mutateBytes(base, r),
  }));
  const tally = check(await readInWorkers(cases, LIMITS));
  // Most mutations still read or are refused; the few SheetJS loops on are ended by the limits.
  expect((tally.read ?? 0) + (tally["文件已损坏"] ?? 0)).toBeGreaterThan(100);
  expect((tally.time ?? 0) + (tally.memory ?? 0)).toBeLessThanOrEqual(3);
}, 300_000);

test("150 mutations of a real .xlsx (75 of its bytes, 75 of its XML parts zipped again) end with a workbook or a Chinese refusal", async () => {
  const base = readFileSync(path.join(SAMPLES, "project-info-1.xlsx"));
  const r = rng(3);
  const cases = Array.from({ length: 150 }, (_, i) => ({
    name: `case${i}.xlsx`,
    bytes: i % 2 ? mutateBytes(base, r) : mutatePart(base, r),
  }));
  const outcomes = await readInWorkers(cases, LIMITS);
  const tally = check(outcomes);
  // A mutated zip that still reads (the damage in a part the reader does not use, or in the zip's own records) reads
  // the original's values: an altered value is caught by its part's CRC-32.
  const original = readWorkbook(base, "原件.xlsx");
  if (!original.ok) throw new Error(original.error.message);
  const digest = sheetsDigest(original.workbook);
  outcomes.forEach((o, i) => {
    if (i % 2 && o.end === "read") expect(o.digest).toBe(digest);
  });
  expect(tally.read ?? 0).toBeGreaterThan(20);
  expect((tally.time ?? 0) + (tally.memory ?? 0)).toBe(0);
}, 300_000);
