/**
 * Starts the file worker. Only webpack reads this file: it turns `new Worker(new URL("./worker.ts", import.meta.url))`
 * into a separate worker bundle (webpack.config.js compiles TypeScript with esnext modules for this). Jest never
 * loads it (tests pass a processor): CommonJS has no `import.meta`.
 * @throws what the Worker constructor throws where workers are not allowed (file:// pages, a strict CSP)
 */
export function spawnWorker(): Worker {
  // @ts-expect-error TS1343: tsconfig.json says module commonjs (for ts-node and the CLI); webpack compiles this file
  // as an ES module, where import.meta exists.
  return new Worker(new URL("./worker.ts", import.meta.url));
}
