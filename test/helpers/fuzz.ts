/**
 * Seeded mutations of real workbook files, and a reader that runs them in a worker thread with a memory and a time
 * limit, so that a damaged file that makes SheetJS spin or eat memory ends the case instead of the test run.
 */
import { createHash } from "crypto";
import * as path from "path";
import { Worker } from "worker_threads";
import { unzipSync, zipSync } from "fflate";

import type { Workbook } from "../../src/core/model/grid";

/** A seeded generator (mulberry32): a seed names the same mutations on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: () => number, n: number) => Math.floor(r() * n);

/** One byte-level mutation of `bytes`: flipped bytes, a truncation, inserted or zeroed bytes, or a repeated run. */
export function mutateBytes(bytes: Uint8Array, r: () => number): Uint8Array {
  const out = new Uint8Array(bytes); // a copy, and never a Buffer (whose fill throws past the end)
  const at = int(r, bytes.length);
  switch (int(r, 5)) {
    case 0:
      for (let i = 0, n = 1 + int(r, 8); i < n; i++)
        out[int(r, out.length)] = int(r, 256);
      return out;
    case 1:
      return out.subarray(0, at);
    case 2: {
      const extra = Uint8Array.from({ length: 1 + int(r, 16) }, () =>
        int(r, 256),
      );
      return new Uint8Array([
        ...out.subarray(0, at),
        ...extra,
        ...out.subarray(at),
      ]);
    }
    case 3:
      out.fill(r() < 0.5 ? 0 : 0xff, at, at + 1 + int(r, 64));
      return out;
    default: {
      const run = out.subarray(at, at + 1 + int(r, 256));
      return new Uint8Array([
        ...out.subarray(0, at),
        ...run,
        ...run,
        ...out.subarray(at),
      ]);
    }
  }
}

/**
 * A package with one XML part mutated and zipped again with true CRCs, so that the damage reaches SheetJS's XML
 * parsers instead of being refused by the unzip's checks.
 */
export function mutatePart(zip: Uint8Array, r: () => number): Uint8Array {
  const parts = unzipSync(zip);
  const names = Object.keys(parts).filter((p) => /\.(xml|rels)$/.test(p));
  const name = names[int(r, names.length)]!;
  parts[name] = mutateBytes(parts[name]!, r) as Uint8Array<ArrayBuffer>;
  return zipSync(parts);
}

/** SHA-256 of a workbook's sheets (names, cells, merges, hidden rows): equal digests, equal values. */
export function sheetsDigest(workbook: Workbook): string {
  return createHash("sha256")
    .update(JSON.stringify(workbook.sheets))
    .digest("hex");
}

/** How one case ended: the reader's answer, or the limit it ran into. */
export type FuzzOutcome =
  | { end: "read"; digest: string }
  | { end: "refused"; message: string }
  | { end: "threw"; message: string }
  | { end: "time" }
  | { end: "memory" };

/** Reads cases one after the other in a worker; a case past a limit ends it, and a new worker takes the next. */
export async function readInWorkers(
  cases: readonly { name: string; bytes: Uint8Array }[],
  limits: { ms: number; heapMb: number },
): Promise<FuzzOutcome[]> {
  const outcomes: FuzzOutcome[] = [];
  while (outcomes.length < cases.length) {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { root: path.resolve(__dirname, "../..") },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
    });
    await new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const next = () => {
        const c = cases[outcomes.length];
        if (!c) {
          void worker.terminate().then(() => resolve());
          return;
        }
        timer = setTimeout(() => {
          outcomes.push({ end: "time" });
          worker.removeAllListeners();
          void worker.terminate().then(() => resolve());
        }, limits.ms);
        worker.postMessage(c);
      };
      worker.on("message", (outcome: FuzzOutcome | "ready") => {
        clearTimeout(timer);
        if (outcome !== "ready") outcomes.push(outcome);
        next();
      });
      worker.on("error", (e: Error & { code?: string }) => {
        clearTimeout(timer);
        outcomes.push(
          e.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? { end: "memory" }
            : { end: "threw", message: e.message },
        );
        worker.removeAllListeners();
        resolve();
      });
    });
  }
  return outcomes;
}

/** The worker: TypeScript sources through tsx, the reader, one answer per case. */
const WORKER = `
const { parentPort, workerData } = require("worker_threads");
require("tsx/cjs/api").register();
const { readWorkbook } = require(workerData.root + "/src/xlsx/read");
const { sheetsDigest } = require(workerData.root + "/test/helpers/fuzz");
parentPort.on("message", ({ name, bytes }) => {
  let outcome;
  try {
    const r = readWorkbook(bytes, name);
    outcome = r.ok ? { end: "read", digest: sheetsDigest(r.workbook) } : { end: "refused", message: r.error.message };
  } catch (e) {
    outcome = { end: "threw", message: String(e && e.stack || e) };
  }
  parentPort.postMessage(outcome);
});
parentPort.postMessage("ready");
`;
