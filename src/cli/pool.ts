/**
 * Reading threads of the CLI: `check` and `merge` read their input files in worker threads (worker.ts), as many as
 * the machine has cores unless `--jobs` says otherwise, so that both cores work and one hostile file costs only its
 * own result. Each thread has a memory limit (V8 heap, `resourceLimits`) and each file a time limit: a file that
 * exceeds either ends its thread, is reported `文件过大或已损坏` with the reason, and a new thread takes the next file.
 * Results are handed back in input order, whatever order the threads finish in, so the output is the same with any
 * number of threads.
 */
import { availableParallelism } from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { type Command, InvalidArgumentError } from "commander";
import type { InputFile } from "./io";
import type { TaskKind, TaskResult } from "./tasks";

/** What the pool sends a thread: one file to read (`id` is the file's index in the input). */
export interface TaskRequest {
  id: number;
  kind: TaskKind;
  path: string;
  shown: string;
}

/** How many threads read, and how far one file may go. */
export interface PoolLimits {
  /** Reading threads (≥ 1). */
  jobs: number;
  /** Time one file may take to read (and check), in seconds. */
  timeoutSeconds: number;
  /** V8 heap one thread may use, in MB. */
  memoryMb: number;
}

/**
 * The default limits: a thread per core; 20 s per file (a received workbook of 100,000 rows takes a few seconds);
 * 768 MB of heap per thread (such a workbook needs a few hundred MB; two threads and the main thread stay under the
 * 2 GB an office PC can spare).
 */
export function defaultLimits(): PoolLimits {
  return { jobs: availableParallelism(), timeoutSeconds: 20, memoryMb: 512 };
}

/**
 * commander parser of a positive whole number option (`--jobs 2`, `--timeout 30`).
 * @throws InvalidArgumentError (Chinese) for anything else
 */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError("须为正整数");
  return n;
}

/** The reading threads' limits: the defaults, with what the command line says. */
export function poolLimits(options: {
  jobs?: number;
  timeout?: number;
  maxMemory?: number;
}): PoolLimits {
  const limits = defaultLimits();
  return {
    jobs: options.jobs ?? limits.jobs,
    timeoutSeconds: options.timeout ?? limits.timeoutSeconds,
    memoryMb: options.maxMemory ?? limits.memoryMb,
  };
}

/** Adds the options of the reading threads to a command (`check`, `merge`). */
export function withPoolOptions(command: Command): Command {
  const limits = defaultLimits();
  return command
    .option(
      "-j, --jobs <个数>",
      `同时读取文件的线程数（默认为处理器核数，本机 ${limits.jobs}）`,
      positiveInteger,
    )
    .option(
      "--timeout <秒>",
      `每个文件读取的时间上限，超过即停止读取并报告“文件过大或已损坏”（默认 ${limits.timeoutSeconds}）`,
      positiveInteger,
    )
    .option(
      "--max-memory <MB>",
      `每个读取线程的内存上限，超过即停止读取并报告“文件过大或已损坏”（默认 ${limits.memoryMb}）`,
      positiveInteger,
    );
}

/**
 * The script a thread runs: the built worker.js next to the built CLI (with Node's options of the process, e.g. a
 * profiler's), or the TypeScript source through tsx.
 */
function workerScript(): { file: string; execArgv?: string[] } {
  if (__filename.endsWith(".js"))
    return { file: path.join(__dirname, "worker.js") };
  return {
    file: path.join(__dirname, "worker.ts"),
    execArgv: ["--require", require.resolve("tsx/cjs")],
  };
}

/** Chinese reasons a file's thread ended without a result. */
const REASONS = {
  timeout: (shown: string, s: number) =>
    `文件过大或已损坏：${shown}（读取超过 ${s} 秒仍未完成，已停止读取）`,
  memory: (shown: string, mb: number) =>
    `文件过大或已损坏：${shown}（读取所需内存超过 ${mb} MB，已停止读取）`,
  crash: (shown: string, detail: string) =>
    `文件已损坏：${shown}（读取时程序意外中止：${detail}）`,
};

/**
 * Reads `files` in worker threads, `kind` telling what to do with each (tasks.ts).
 * @param failed the result of a file whose thread ended without one (time or memory limit, crash), from its Chinese
 *   reason naming the file
 * @param onResult called once per file, in input order (index into `files`)
 * @returns when every file has its result and every thread has ended
 * @throws Error when a thread cannot even start (a broken installation)
 */
export function readInWorkers<K extends TaskKind>(
  kind: K,
  files: readonly InputFile[],
  limits: PoolLimits,
  failed: (file: InputFile, reason: string) => TaskResult<K>,
  onResult: (index: number, result: TaskResult<K>) => void,
): Promise<void> {
  const script = workerScript();
  const results = new Map<number, TaskResult<K>>();
  let next = 0;
  let emitted = 0;
  const threads = new Set<Worker>();

  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const end = (error?: Error) => {
      if (settled) return;
      settled = true;
      const all = [...threads];
      threads.clear();
      void Promise.all(all.map((w) => w.terminate())).then(() =>
        error ? reject(error) : resolve(),
      );
    };

    /** Keeps a result and hands out, in order, every result now complete from the front. */
    const finish = (index: number, result: TaskResult<K>) => {
      results.set(index, result);
      while (results.has(emitted)) {
        const r = results.get(emitted)!;
        results.delete(emitted);
        try {
          onResult(emitted++, r);
        } catch (e) {
          end(e instanceof Error ? e : new Error(String(e)));
          return;
        }
      }
      if (emitted === files.length) end();
    };

    /** One thread reading one file after another; replaced by a new thread when it ends without a result. */
    const startThread = () => {
      let ready = false;
      let current: { index: number; timer: NodeJS.Timeout } | undefined;
      let reason: string | undefined;
      const worker = new Worker(script.file, {
        ...(script.execArgv ? { execArgv: script.execArgv } : {}),
        resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      });
      threads.add(worker);

      const take = () => {
        if (settled || next >= files.length) {
          threads.delete(worker);
          void worker.terminate();
          return;
        }
        const index = next++;
        const file = files[index]!;
        const timer = setTimeout(() => {
          reason = REASONS.timeout(file.shown, limits.timeoutSeconds);
          void worker.terminate();
        }, limits.timeoutSeconds * 1000);
        current = { index, timer };
        const request: TaskRequest = {
          id: index,
          kind,
          path: file.path,
          shown: file.shown,
        };
        worker.postMessage(request);
      };

      worker.on(
        "message",
        (m: { ready: true } | { id: number; result: TaskResult<K> }) => {
          if ("ready" in m) {
            ready = true;
          } else if (current?.index === m.id) {
            clearTimeout(current.timer);
            current = undefined;
            finish(m.id, m.result);
          }
          if (current === undefined) take();
        },
      );
      worker.on("error", (e: Error & { code?: string }) => {
        const shown =
          current !== undefined ? files[current.index]!.shown : undefined;
        if (shown === undefined) reason = e.message;
        else if (reason === undefined)
          reason =
            e.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? REASONS.memory(shown, limits.memoryMb)
              : REASONS.crash(shown, e.message);
      });
      worker.on("exit", () => {
        if (!threads.delete(worker) || settled) return;
        if (!ready) {
          end(new Error(`读取线程无法启动：${reason ?? "未知原因"}`));
          return;
        }
        if (current !== undefined) {
          clearTimeout(current.timer);
          const { index } = current;
          const file = files[index]!;
          current = undefined;
          finish(
            index,
            failed(file, reason ?? REASONS.crash(file.shown, "线程已退出")),
          );
        }
        if (!settled && next < files.length) startThread();
      });
    };

    if (files.length === 0) {
      resolve();
      return;
    }
    const count = Math.max(1, Math.min(limits.jobs, files.length));
    for (let i = 0; i < count; i++) startThread();
  });
}
