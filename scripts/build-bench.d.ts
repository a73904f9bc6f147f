/** Bundles bench/core.ts into `outdir`/core.js (default build/bench) and returns the bundle's path. See build-bench.js. */
export function buildBench(outdir?: string): string;
export const DEFAULT_OUT: string;
