/**
 * Hostile .xls files made by seeded byte mutation of a real one (../shared/samples/project-info-3.xls, 6.5 KB), found
 * by trying seeds 1–1,200 of {@link mutate} (each read under a time limit of 8 s): with seed 1096 the workbook stream
 * holds no sheet and a document property set claims hundreds of millions of properties, which SheetJS's property
 * parser allocates (1.4 GB, seconds; in a process with a memory limit, beyond it) — our reader does not hand it the
 * property streams and refuses the file as 文件已损坏 at once; with seed 379 SheetJS's .xls reader loops.
 */
import { readFileSync } from "fs";
import * as path from "path";

const SOURCE = path.resolve(
  __dirname,
  "../../../shared/samples/project-info-3.xls",
);

/** The seed of {@link hostileXls}. */
export const HOSTILE_SEED = 1096;

/**
 * `bytes` with 1–16 bytes overwritten at positions and with values drawn from a linear congruential generator seeded
 * with `seed` (the same bytes for the same seed on every machine).
 */
export function mutate(bytes: Uint8Array, seed: number): Uint8Array {
  let s = seed >>> 0 || 1;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out = Uint8Array.from(bytes);
  const count = 1 + Math.floor(next() * 16);
  for (let i = 0; i < count; i++)
    out[Math.floor(next() * out.length)] = Math.floor(next() * 256);
  return out;
}

/** A seed of {@link mutate} with which SheetJS's .xls reader loops without growing its memory: only a time limit ends it. */
export const LOOPING_SEED = 379;

/** The bytes of the .xls that loops (seed {@link LOOPING_SEED}). */
export function loopingXls(): Uint8Array {
  return mutate(readFileSync(SOURCE), LOOPING_SEED);
}

/** The hostile .xls's bytes. */
export function hostileXls(): Uint8Array {
  return mutate(readFileSync(SOURCE), HOSTILE_SEED);
}
