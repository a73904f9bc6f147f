/**
 * The file processor the components use (文件处理): runs jobs (protocol.ts) in a Web Worker, one at a time, or on the
 * page when no worker can be started — the Worker constructor throws on some file:// pages and under a strict CSP,
 * and a worker whose script fails to load reports an `error` event before it says it is ready; its jobs then run on
 * the page. The fallback is slower (the page does not repaint while a file is parsed) but gives the same results.
 *
 * One bad file never costs the others: a worker that dies during a job (out of memory, a crash) or takes longer than
 * {@link FILE_TIME_LIMIT_MS} on one file is stopped, that job fails with a {@link WorkerCrashError} naming the file,
 * and a new worker takes the jobs still waiting. The worker is started on the first job, not with the page.
 */
import { TEXT } from "../text.zh";
import type {
  Job,
  JobEvent,
  JobOp,
  JobOutputs,
  WorkerRequest,
  WorkerResponse,
} from "./protocol";

/** Runs file jobs; components receive one as a prop (tests pass {@link inThreadProcessor}). */
export interface FileProcessor {
  /**
   * Runs a job.
   * @param job check / findings / forget / merge / review / returns / templates (protocol.ts)
   * @param onEvent each file's progress, the merge step (merge jobs)
   * @returns the job's output
   * @throws WorkerCrashError when the worker died or ran out of time on this job; Error with a Chinese message on a
   *   programming error inside the job (bad files are results, not errors)
   */
  run<K extends JobOp>(
    job: Extract<Job, { op: K }>,
    onEvent?: (e: JobEvent) => void,
  ): Promise<JobOutputs[K]>;
}

/**
 * Longest time one file may take in the worker (reading and checking, or one page of its findings), in milliseconds.
 * Files of the notice take well under a second; a file still running after this is damaged or hostile (a zip bomb, a
 * fuzzed .xls that SheetJS loops on), and stopping it keeps the other files going.
 */
export const FILE_TIME_LIMIT_MS = 60_000;

/** The worker died or was stopped while it ran a job: the job's file is 文件过大或已损坏. */
export class WorkerCrashError extends Error {}

/** Jobs about one file, which the time limit applies to; the others (merge, writing workbooks) run as long as needed. */
const PER_FILE: ReadonlySet<JobOp> = new Set(["check", "findings"]);
/** Jobs the user waits for on screen: they go before checks still queued. */
const URGENT: ReadonlySet<JobOp> = new Set(["findings", "forget"]);

/** A processor that runs jobs on the page (the fallback; also what the component tests use). */
export function inThreadProcessor(): FileProcessor {
  return {
    async run(job, onEvent) {
      const { runJob } = await import("./process");
      const done = await runJob(job, (e) => onEvent?.(e));
      return done.output as JobOutputs[typeof job.op];
    },
  };
}

interface Pending {
  job: Job;
  onEvent?: (e: JobEvent) => void;
  resolve: (output: unknown) => void;
  reject: (err: Error) => void;
}

/** The file a job is about, for the crash message. */
function fileOf(job: Job): string {
  if (job.op === "check" || job.op === "findings") return job.file.name;
  if (job.op === "merge") return job.files.map((f) => f.name).join("、");
  return "";
}

/**
 * A processor that runs jobs in a Web Worker, falling back to {@link inThreadProcessor} (see the module comment).
 * @param spawn starts a worker (worker/spawn.ts `spawnWorker`); may throw
 * @param timeLimitMs see {@link FILE_TIME_LIMIT_MS}
 */
export function createFileProcessor(
  spawn: () => Worker,
  timeLimitMs: number = FILE_TIME_LIMIT_MS,
): FileProcessor {
  const local = inThreadProcessor();
  let onPage = false;
  let worker: Worker | undefined;
  let ready = false;
  let current:
    | { id: number; p: Pending; timer?: ReturnType<typeof setTimeout> }
    | undefined;
  const queue: Pending[] = [];
  let nextId = 1;

  const runLocally = (p: Pending) =>
    local
      .run(p.job as Extract<Job, { op: JobOp }>, p.onEvent)
      .then(p.resolve, p.reject);

  /** Stops the worker; its running job fails with `reason`, the queue goes on in a new worker. */
  const stop = (reason: string) => {
    worker?.terminate();
    worker = undefined;
    const failed = current;
    current = undefined;
    if (failed) {
      clearTimeout(failed.timer);
      failed.p.reject(
        new WorkerCrashError(TEXT.workerStopped(fileOf(failed.p.job), reason)),
      );
    }
    pump();
  };

  const start = (): Worker | undefined => {
    let w: Worker;
    try {
      w = spawn();
    } catch {
      onPage = true; // Workers not allowed here (file:// page, CSP): every job runs on the page.
      return undefined;
    }
    ready = false;
    w.addEventListener("message", (e: MessageEvent<WorkerResponse>) => {
      const msg = e.data;
      if (msg.type === "ready") return void (ready = true);
      if (!current || msg.id !== current.id) return;
      if (msg.type === "event") return current.p.onEvent?.(msg.event);
      const { p, timer } = current;
      clearTimeout(timer);
      current = undefined;
      if (msg.type === "done") p.resolve(msg.output);
      else p.reject(new Error(msg.message));
      pump();
    });
    w.addEventListener("error", (e) => {
      e.preventDefault();
      if (w !== worker) return;
      if (ready) return stop(TEXT.workerCrashed);
      // The worker's script did not load: run this job and all later ones on the page.
      w.terminate();
      worker = undefined;
      onPage = true;
      const left = [...(current ? [current.p] : []), ...queue.splice(0)];
      if (current) clearTimeout(current.timer);
      current = undefined;
      for (const p of left) void runLocally(p);
    });
    return w;
  };

  function pump(): void {
    if (current) return;
    const p = queue.shift();
    if (!p) return;
    if (onPage) return void runLocally(p).finally(pump);
    worker ??= start();
    if (!worker) return void runLocally(p).finally(pump);
    const id = nextId++;
    current = { id, p };
    if (PER_FILE.has(p.job.op))
      current.timer = setTimeout(
        () => stop(TEXT.workerTimeout(timeLimitMs / 1000)),
        timeLimitMs,
      );
    try {
      worker.postMessage({ id, job: p.job } satisfies WorkerRequest);
    } catch {
      // A value the worker cannot receive (DataCloneError): this job runs on the page.
      clearTimeout(current.timer);
      current = undefined;
      void runLocally(p).finally(pump);
    }
  }

  return {
    run(job, onEvent) {
      return new Promise((resolve, reject) => {
        const p: Pending = {
          job,
          resolve: resolve as (o: unknown) => void,
          reject,
          ...(onEvent ? { onEvent } : {}),
        };
        if (URGENT.has(job.op)) {
          const at = queue.findIndex((q) => !URGENT.has(q.job.op));
          queue.splice(at < 0 ? queue.length : at, 0, p);
        } else queue.push(p);
        pump();
      });
    },
  };
}
