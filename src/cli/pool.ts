/**
 * Reading processes of the CLI: `check` and `merge` read their input files in child processes (worker.ts), as many
 * as the machine has cores unless `--jobs` says otherwise, so that both cores work and one hostile file costs only its
 * own result. Each process has a memory limit (V8 heap, `--max-old-space-size`) and each file a time limit: a file
 * that exceeds either ends its process, is reported `文件过大或已损坏` with the reason, and a new process takes the next
 * file. Results are handed back in input order, whatever order the processes finish in, so the output is the same
 * with any number of processes.
 *
 * Why processes, not worker threads: a worker thread that reaches its `resourceLimits` may abort the whole program
 * instead of only itself, depending on how the file's reading allocates (nodejs/node#47224; seen here: CI's jest run
 * ended with `FATAL ERROR: Reached heap limit` from a 32 MB thread). A child process that runs out of heap ends alone.
 */
import { type ChildProcess, fork } from "child_process";
import { availableParallelism } from "os";
import * as path from "path";
import { type Command, InvalidArgumentError } from "commander";
import type { InputFile } from "./io";
import type { TaskKind, TaskResult } from "./tasks";

/** What the pool sends a reading process: one file to read (`id` is the file's index in the input). */
export interface TaskRequest {
  id: number;
  kind: TaskKind;
  path: string;
  shown: string;
}

/** How many processes read, and how far one file may go. */
export interface PoolLimits {
  /** Reading processes (≥ 1). */
  jobs: number;
  /** Time one file may take to read (and check), in seconds. */
  timeoutSeconds: number;
  /** V8 heap one process may use, in MB. */
  memoryMb: number;
}

/**
 * The default limits: a process per core; 20 s per file (a received workbook of 100,000 rows takes a few seconds);
 * 512 MB of heap per process (such a workbook needs a few hundred MB; two readers and the main process stay under the
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

/** The reading processes' limits: the defaults, with what the command line says. */
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

/** Adds the options of the reading processes to a command (`check`, `merge`). */
export function withPoolOptions(command: Command): Command {
  const limits = defaultLimits();
  return command
    .option(
      "-j, --jobs <个数>",
      `同时读取文件的进程数（默认为处理器核数，本机 ${limits.jobs}）`,
      positiveInteger,
    )
    .option(
      "--timeout <秒>",
      `每个文件读取的时间上限，超过即停止读取并报告“文件过大或已损坏”（默认 ${limits.timeoutSeconds}）`,
      positiveInteger,
    )
    .option(
      "--max-memory <MB>",
      `每个读取进程的内存上限，超过即停止读取并报告“文件过大或已损坏”（默认 ${limits.memoryMb}）`,
      positiveInteger,
    );
}

/**
 * Node options of this process a reading process takes too: preloaded modules (`--require`, e.g. the bench's usage
 * hook) and profiling. Not the others: `-e` code or `--max-old-space-size` of the parent would replace the reader's
 * own script and limit.
 */
function inheritedOptions(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if ((a === "--require" || a === "-r") && i + 1 < argv.length)
      out.push(a, argv[++i]!);
    else if (/^--(require=|cpu-prof|heap-prof|enable-source-maps)/.test(a))
      out.push(a);
  }
  return out;
}

/**
 * The script a reading process runs: the built worker.js next to the built CLI (with this process's preloads and
 * profiling options), or the TypeScript source through tsx.
 */
function workerScript(): { file: string; execArgv?: string[] } {
  if (__filename.endsWith(".js"))
    return {
      file: path.join(__dirname, "worker.js"),
      execArgv: inheritedOptions(),
    };
  return {
    file: path.join(__dirname, "worker.ts"),
    execArgv: ["--require", require.resolve("tsx/cjs")],
  };
}

/**
 * V8 options of a reading process with a heap of `memoryMb`. The limit alone makes V8 grow the heap in small steps and
 * mark the whole heap again and again (a reader of many small files spent a third of its time so); a first old space
 * of a quarter of the limit lets it collect only the young objects until the heap is that big, as without a limit.
 */
export function heapOptions(memoryMb: number): string[] {
  return [
    `--max-old-space-size=${memoryMb}`,
    `--initial-old-space-size=${Math.floor(memoryMb / 4)}`,
  ];
}

/** Chinese reasons a file's process ended without a result. */
const REASONS = {
  timeout: (shown: string, s: number) =>
    `文件过大或已损坏：${shown}（读取超过 ${s} 秒仍未完成，已停止读取）`,
  memory: (shown: string, mb: number) =>
    `文件过大或已损坏：${shown}（读取所需内存超过 ${mb} MB，已停止读取）`,
  crash: (shown: string, detail: string) =>
    `文件已损坏：${shown}（读取时程序意外中止：${detail}）`,
};

/** The last part of what a process printed on stderr: enough to tell an out-of-memory end from a crash. */
const STDERR_KEPT = 4096;

/** Whether a reading process ended because V8 ran out of the heap it was given. */
function outOfMemory(stderr: string): boolean {
  return /heap out of memory/i.test(stderr);
}

/**
 * Reads `files` in reading processes, `kind` telling what to do with each (tasks.ts).
 * @param failed the result of a file whose process ended without one (time or memory limit, crash), from its Chinese
 *   reason naming the file
 * @param onResult called once per file, in input order (index into `files`)
 * @returns when every file has its result and every process has ended
 * @throws Error when a process cannot even start (a broken installation)
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
  const readers = new Set<ChildProcess>();
  /** Every process started and not yet ended: the pool settles only once all have ended (none is left behind). */
  const alive = new Set<ChildProcess>();

  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let outcome: (() => void) | undefined;
    const settleWhenGone = () => {
      if (outcome && alive.size === 0) outcome();
    };
    const end = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const child of readers) child.kill("SIGKILL");
      readers.clear();
      outcome = error ? () => reject(error) : () => resolve();
      settleWhenGone();
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

    /** One process reading one file after another; replaced by a new one when it ends without a result. */
    const startReader = () => {
      let ready = false;
      let current: { index: number; timer: NodeJS.Timeout } | undefined;
      let reason: string | undefined;
      let stderr = "";
      const child = fork(script.file, [], {
        execArgv: [...(script.execArgv ?? []), ...heapOptions(limits.memoryMb)],
        // Structured clone, as between threads: results hold `undefined` holes and Dates that JSON would change.
        serialization: "advanced",
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
      readers.add(child);
      alive.add(child);
      child.on("exit", () => {
        alive.delete(child);
        settleWhenGone();
      });
      child.stderr?.setEncoding("utf8");
      child.stderr?.on("data", (d: string) => {
        stderr = (stderr + d).slice(-STDERR_KEPT);
      });

      const take = () => {
        if (settled || next >= files.length) {
          readers.delete(child);
          child.kill();
          return;
        }
        const index = next++;
        const file = files[index]!;
        const timer = setTimeout(() => {
          reason = REASONS.timeout(file.shown, limits.timeoutSeconds);
          child.kill("SIGKILL");
        }, limits.timeoutSeconds * 1000);
        current = { index, timer };
        const request: TaskRequest = {
          id: index,
          kind,
          path: file.path,
          shown: file.shown,
        };
        child.send(request);
      };

      child.on(
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
      child.on("error", (e: Error) => {
        reason ??= e.message;
      });
      // "close": the process has ended and its stderr is read to the end (the out-of-memory report comes last).
      child.on("close", (code, signal) => {
        if (!readers.delete(child) || settled) return;
        if (!ready) {
          end(
            new Error(
              `读取进程无法启动：${reason ?? (stderr.trim() || `退出码 ${code ?? signal}`)}`,
            ),
          );
          return;
        }
        if (current !== undefined) {
          clearTimeout(current.timer);
          const { index } = current;
          const file = files[index]!;
          current = undefined;
          reason ??= outOfMemory(stderr)
            ? REASONS.memory(file.shown, limits.memoryMb)
            : REASONS.crash(file.shown, `退出码 ${code ?? signal}`);
          finish(index, failed(file, reason));
        }
        if (!settled && next < files.length) startReader();
      });
    };

    if (files.length === 0) {
      resolve();
      return;
    }
    const count = Math.max(1, Math.min(limits.jobs, files.length));
    for (let i = 0; i < count; i++) startReader();
  });
}
