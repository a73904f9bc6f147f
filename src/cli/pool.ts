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
import { statSync } from "fs";
import { type Command, InvalidArgumentError } from "commander";
import type { InputFile } from "./io";
import { DEFAULT_MEMORY_MB, defaultJobs, Reader, takeEarly } from "./readers";
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
  /** Time one file may take to read (and check), in seconds, before {@link PoolLimits.secondsPerMb}. */
  timeoutSeconds: number;
  /**
   * Seconds more for each whole MB of the file (0 when `--timeout` is given: the user's limit is the limit). A big
   * received workbook needs time in proportion to its size, on a busy PC more; a damaged small file that never ends
   * is stopped after {@link PoolLimits.timeoutSeconds}.
   */
  secondsPerMb: number;
  /** V8 heap one process may use, in MB. */
  memoryMb: number;
}

/**
 * The default limits: a process per core; 20 s per file and 2 s more per MB (a received workbook of 100,000 rows, about
 * 8 MB, takes about 10 s on an office PC and gets 36 s);
 * 512 MB of heap per process (such a workbook needs a few hundred MB; two readers and the main process stay under the
 * 2 GB an office PC can spare).
 */
export function defaultLimits(): PoolLimits {
  return {
    jobs: defaultJobs(),
    timeoutSeconds: 20,
    secondsPerMb: 2,
    memoryMb: DEFAULT_MEMORY_MB,
  };
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
    secondsPerMb: options.timeout === undefined ? limits.secondsPerMb : 0,
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
      `每个文件读取的时间上限，超过即停止读取并报告“文件过大或已损坏”（默认 ${limits.timeoutSeconds} 秒，文件每满 1 MB 另加 ${limits.secondsPerMb} 秒）`,
      positiveInteger,
    )
    .option(
      "--max-memory <MB>",
      `每个读取进程的内存上限，超过即停止读取并报告“文件过大或已损坏”（默认 ${limits.memoryMb}）`,
      positiveInteger,
    );
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

/**
 * The time limit of one file, in seconds: {@link PoolLimits.timeoutSeconds}, and {@link PoolLimits.secondsPerMb} more
 * for each whole MB (2^20 bytes) of it.
 * @param bytes the file's size (0 when it cannot be read: the base limit)
 */
export function fileTimeLimit(limits: PoolLimits, bytes: number): number {
  return (
    limits.timeoutSeconds + Math.floor(bytes / 2 ** 20) * limits.secondsPerMb
  );
}

/** The size of a file in bytes, 0 when it cannot be read (its reader then says why). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Whether a reading process ended because V8 ran out of the heap it was given. */
function outOfMemory(stderr: string): boolean {
  return /heap out of memory/i.test(stderr);
}

/**
 * Tasks a reading process holds at a time: the one it reads and the next, so that it starts the next file as soon as
 * it has sent a result instead of waiting for this process to answer. The time limit runs for the one it reads.
 */
const IN_FLIGHT = 2;

/**
 * Reads `files` in reading processes, `kind` telling what to do with each (tasks.ts). Uses the readers started early
 * (readers.ts) that fit `limits`, and ends the others.
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
  const results = new Map<number, TaskResult<K>>();
  /** Files to read again first: they were waiting in a process that ended while reading the file before them. */
  const retry: number[] = [];
  let next = 0;
  let emitted = 0;
  const readers = new Set<Reader>();
  /** Every process started and not yet ended: the pool settles only once all have ended (none is left behind). */
  const alive = new Set<Reader>();
  const early = takeEarly();

  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let outcome: (() => void) | undefined;
    const settleWhenGone = () => {
      if (outcome && alive.size === 0) outcome();
    };
    const end = (error?: Error) => {
      if (settled) return;
      settled = true;
      // After the last result every reader is idle: asked to end, it ends through its exit handlers (boot.ts writes
      // its code caches there). After an error, at once.
      for (const reader of readers) reader.kill(error ? "SIGKILL" : "SIGTERM");
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

    /** The next file to read, or undefined when every file has been handed out. */
    const nextFile = (): number | undefined =>
      retry.length > 0
        ? retry.shift()
        : next < files.length
          ? next++
          : undefined;

    /** One process reading one file after another; replaced by a new one when it ends without a result. */
    const useReader = (reader: Reader) => {
      /** The files handed to this process, in order: the first is the one it reads. */
      const queue: number[] = [];
      let timer: NodeJS.Timeout | undefined;
      let reason: string | undefined;
      readers.add(reader);
      alive.add(reader);

      /** Starts the time limit of the file the process reads now. */
      const startClock = () => {
        const index = queue[0];
        if (index === undefined) return;
        const file = files[index]!;
        const seconds = fileTimeLimit(limits, sizeOf(file.path));
        timer = setTimeout(() => {
          reason = REASONS.timeout(file.shown, seconds);
          reader.kill("SIGKILL");
        }, seconds * 1000);
      };

      /** Hands the process files until it holds {@link IN_FLIGHT}; ends it when there is nothing left to read. */
      const fill = () => {
        if (settled) return;
        while (queue.length < IN_FLIGHT) {
          const index = nextFile();
          if (index === undefined) break;
          const file = files[index]!;
          const request: TaskRequest = {
            id: index,
            kind,
            path: file.path,
            shown: file.shown,
          };
          reader.send(request);
          queue.push(index);
          if (queue.length === 1) startClock();
        }
        if (queue.length === 0) {
          readers.delete(reader);
          reader.kill();
        }
      };

      reader.listen({
        ready: fill,
        result: (id, result) => {
          if (queue[0] !== id) return;
          clearTimeout(timer);
          queue.shift();
          startClock();
          finish(id, result as TaskResult<K>);
          fill();
        },
        exit: () => {
          alive.delete(reader);
          settleWhenGone();
        },
        // "close": the process has ended and its stderr is read to the end (the out-of-memory report comes last).
        close: (code, signal) => {
          clearTimeout(timer);
          if (!readers.delete(reader) || settled) return;
          if (!reader.ready) {
            end(
              new Error(
                `读取进程无法启动：${reader.error ?? (reader.stderr.trim() || `退出码 ${code ?? signal}`)}`,
              ),
            );
            return;
          }
          const [index, ...waiting] = queue;
          queue.length = 0;
          // The files after the one being read were not started: another process reads them.
          retry.unshift(...waiting);
          if (index !== undefined) {
            const file = files[index]!;
            reason ??=
              reader.error ??
              (outOfMemory(reader.stderr)
                ? REASONS.memory(file.shown, limits.memoryMb)
                : REASONS.crash(file.shown, `退出码 ${code ?? signal}`));
            finish(index, failed(file, reason));
          }
          if (!settled && (retry.length > 0 || next < files.length))
            useReader(new Reader(limits.memoryMb));
        },
      });
    };

    const count =
      files.length === 0 ? 0 : Math.max(1, Math.min(limits.jobs, files.length));
    // Readers started early with the same heap limit are used first; the others are ended (and waited for).
    const fitting = early.filter((r) => r.memoryMb === limits.memoryMb);
    for (const reader of early)
      if (!fitting.slice(0, count).includes(reader)) {
        alive.add(reader);
        reader.listen({
          ready: () => {},
          result: () => {},
          close: () => {},
          exit: () => {
            alive.delete(reader);
            settleWhenGone();
          },
        });
        reader.kill();
      }
    if (count === 0) {
      end();
      return;
    }
    for (let i = 0; i < count; i++)
      useReader(fitting[i] ?? new Reader(limits.memoryMb));
  });
}
