/**
 * The reading processes of the CLI (worker.ts), one {@link Reader} each, and starting them early: bin/techfund.js
 * calls {@link startEarly} before it loads the rest of the program, so that the readers load SheetJS and the rules
 * while the program loads commander and the commands; the pool (pool.ts) takes them with {@link takeEarly}.
 *
 * Only Node's modules here: this file is built on its own (build/cli/readers.js) and loaded first, and the program
 * loads that same file (scripts/build-cli.js keeps it out of the program's bundle), so both see one list of readers.
 */
import { type ChildProcess, fork } from "child_process";
import { statSync } from "fs";
import { availableParallelism } from "os";
import * as path from "path";
import { pathToFileURL } from "url";

/** V8 heap of a reading process when `--max-memory` is not given, in MB. */
export const DEFAULT_MEMORY_MB = 512;

/** The default number of reading processes: one per core. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** What a reading process says: that it is ready, or the result of the task `id`. */
export type ReaderMessage = { ready: true } | { id: number; result: unknown };

/** What the owner of a {@link Reader} hears from it. */
export interface ReaderEvents {
  /** Its modules are loaded: it takes tasks. */
  ready(): void;
  /** The result of the task `id`. */
  result(id: number, result: unknown): void;
  /** It has ended and its stderr is read to the end (`stderr` then holds how it ended). */
  close(code: number | null, signal: NodeJS.Signals | null): void;
  /** It has ended (before or after `close`). */
  exit(): void;
}

/** The last part of what a process printed on stderr: enough to tell an out-of-memory end from a crash. */
const STDERR_KEPT = 4096;

/**
 * One reading process, with what it has said until its owner listens: an early reader may be ready, or even have
 * ended, before the pool takes it.
 */
export class Reader {
  private readonly child: ChildProcess;
  private events: ReaderEvents | undefined;
  private readyAt = false;
  private closed: [number | null, NodeJS.Signals | null] | undefined;
  private exited = false;
  /** The end of what the process printed on stderr. */
  stderr = "";
  /** Why the process could not be started or signalled (Node's message), if it could not. */
  error: string | undefined;

  /**
   * Starts a reading process.
   * @param memoryMb its V8 heap limit, in MB
   */
  constructor(readonly memoryMb: number) {
    const script = workerScript();
    this.child = fork(script.file, [], {
      execArgv: [...script.execArgv, ...heapOptions(memoryMb)],
      // Structured clone, as between threads: results hold `undefined` holes and Dates that JSON would change.
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    this.child.stderr?.setEncoding("utf8");
    this.child.stderr?.on("data", (d: string) => {
      this.stderr = (this.stderr + d).slice(-STDERR_KEPT);
    });
    this.child.on("message", (m: ReaderMessage) => {
      if ("ready" in m) {
        this.readyAt = true;
        this.events?.ready();
      } else this.events?.result(m.id, m.result);
    });
    this.child.on("error", (e: Error) => {
      this.error ??= e.message;
    });
    this.child.on("close", (code, signal) => {
      this.closed = [code, signal];
      this.events?.close(code, signal);
    });
    this.child.on("exit", () => {
      this.exited = true;
      this.events?.exit();
    });
  }

  /** Whether the process has said it is ready. */
  get ready(): boolean {
    return this.readyAt;
  }

  /** Hands what the process says to `events`, first what it has said so far. */
  listen(events: ReaderEvents): void {
    this.events = events;
    if (this.readyAt) events.ready();
    if (this.closed) events.close(...this.closed);
    if (this.exited) events.exit();
  }

  /** Sends a task. */
  send(task: unknown): void {
    this.child.send(task as object);
  }

  /** Ends the process (SIGTERM unless said otherwise); nothing when it has ended. */
  kill(signal: NodeJS.Signals = "SIGTERM"): void {
    if (!this.exited) this.child.kill(signal);
  }
}

/**
 * V8 options of a reading process with a heap of `memoryMb`. The limit alone makes V8 grow the heap in small steps and
 * mark the whole heap again and again (a reader of many small files spent a third of its time so); a first old space
 * of a quarter of the limit lets it collect only the young objects until the heap is that big, as without a limit.
 */
function heapOptions(memoryMb: number): string[] {
  return [
    `--max-old-space-size=${memoryMb}`,
    `--initial-old-space-size=${Math.floor(memoryMb / 4)}`,
  ];
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
    if (/^(--require|-r|--cpu-prof-dir|--cpu-prof-interval)$/.test(a)) {
      if (i + 1 < argv.length) out.push(a, argv[++i]!);
    } else if (/^--(require=|cpu-prof|heap-prof|enable-source-maps)/.test(a))
      out.push(a);
  }
  return out;
}

/**
 * The script a reading process runs: the built boot.js next to this file, which loads worker.js through its code
 * cache (boot.ts; with this process's preloads and profiling options), or the TypeScript source of the worker through
 * tsx, registered for `import()` too (tsx/cjs alone leaves a dynamic import of a .ts module to Node, which cannot load
 * it).
 */
function workerScript(): { file: string; execArgv: string[] } {
  if (__filename.endsWith(".js"))
    return {
      file: path.join(__dirname, "boot.js"),
      execArgv: inheritedOptions(),
    };
  return {
    file: path.join(__dirname, "worker.ts"),
    execArgv: ["--import", pathToFileURL(require.resolve("tsx")).href],
  };
}

/** Readers started by {@link startEarly} and not yet taken. */
let early: Reader[] = [];

/**
 * Starts the reading processes a command line will need, before the program is loaded: for `check` and `merge`, as
 * many as `--jobs` says (default: one per core), with the heap `--max-memory` says, but no more than the inputs named
 * when none of them is a folder. The options are read simply: when this reading differs from the program's, the pool
 * ends the readers it cannot use and starts others, so that the result is the same, only later. Readers never taken
 * are ended when the program ends.
 * @param argv the arguments after the program name
 */
export function startEarly(argv: readonly string[]): void {
  if (argv[0] !== "check" && argv[0] !== "merge") return;
  const args = argv.slice(1);
  const jobs = optionValue(args, ["-j", "--jobs"]) ?? defaultJobs();
  const memoryMb = optionValue(args, ["--max-memory"]) ?? DEFAULT_MEMORY_MB;
  const count = Math.min(jobs, inputsUpTo(args, jobs));
  for (let i = 0; i < count; i++) early.push(new Reader(memoryMb));
  if (count > 0)
    process.on("exit", () => {
      for (const reader of early) reader.kill();
    });
}

/**
 * The readers {@link startEarly} started, for the pool to use or end; afterwards there are none.
 */
export function takeEarly(): Reader[] {
  const taken = early;
  early = [];
  return taken;
}

/** The positive whole number after one of `names` (`--jobs 2`, `--jobs=2`, `-j2`), the last one given. */
function optionValue(
  args: readonly string[],
  names: readonly string[],
): number | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length && args[i] !== "--"; i++) {
    const a = args[i]!;
    for (const name of names) {
      if (a === name) value = args[i + 1];
      else if (a.startsWith(`${name}=`)) value = a.slice(name.length + 1);
      else if (name.length === 2 && a.startsWith(name) && a.length > 2)
        value = a.slice(2);
    }
  }
  const n = Number(value);
  return value !== undefined && /^\d+$/.test(value) && n >= 1 ? n : undefined;
}

/**
 * How many of `args` name an existing file, counting up to `limit`; a folder counts as `limit` (it may hold any
 * number). Option values seldom name an existing file; when one does, one reader too many is started.
 */
function inputsUpTo(args: readonly string[], limit: number): number {
  let n = 0;
  for (const a of args) {
    if (n >= limit) break;
    if (a.startsWith("-")) continue;
    try {
      n += statSync(a).isDirectory() ? limit : 1;
    } catch {
      // not a path: an option's value, or an input that does not exist (the program says so)
    }
  }
  return n;
}
