/**
 * The file processor the components use (文件处理): runs jobs (protocol.ts) in the Web Worker, or on the page when no
 * worker can be started — the Worker constructor throws on file:// pages and under a strict CSP, and a worker whose
 * script fails to load reports an `error` event; its pending jobs then run again on the page. The fallback is slower
 * (the page does not repaint while a file is parsed) but gives the same results.
 */
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
   * @param job check / merge / review / templates (protocol.ts)
   * @param onEvent each file's progress, each file's check (check jobs), the merge step (merge jobs)
   * @returns the job's output
   * @throws Error with a Chinese message on a programming error inside the job (bad files are results, not errors)
   */
  run<K extends JobOp>(
    job: Extract<Job, { op: K }>,
    onEvent?: (e: JobEvent) => void,
  ): Promise<JobOutputs[K]>;
}

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

/**
 * A processor that runs jobs in a Web Worker, falling back to {@link inThreadProcessor} (see the module comment).
 * @param spawn starts the worker (worker/spawn.ts `spawnWorker`); may throw
 */
export function createFileProcessor(spawn: () => Worker): FileProcessor {
  const local = inThreadProcessor();
  let worker: Worker | undefined;
  try {
    worker = spawn();
  } catch {
    // Workers not allowed here (file:// page, CSP): every job runs on the page.
    return local;
  }
  const pending = new Map<number, Pending>();
  let nextId = 1;

  const runLocally = <K extends JobOp>(p: Pending) =>
    local
      .run(p.job as Extract<Job, { op: K }>, p.onEvent)
      .then(p.resolve, p.reject);

  worker.addEventListener("message", (e: MessageEvent<WorkerResponse>) => {
    const msg = e.data;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.type === "event") p.onEvent?.(msg.event);
    else {
      pending.delete(msg.id);
      if (msg.type === "done") p.resolve(msg.output);
      else p.reject(new Error(msg.message));
    }
  });
  worker.addEventListener("error", (e) => {
    // The worker's script did not load or the worker died: run what it had on the page, and all later jobs too.
    e.preventDefault();
    worker?.terminate();
    worker = undefined;
    const left = [...pending.values()];
    pending.clear();
    for (const p of left) void runLocally(p);
  });

  return {
    run(job, onEvent) {
      return new Promise((resolve, reject) => {
        const p: Pending = {
          job,
          resolve: resolve as (o: unknown) => void,
          reject,
          ...(onEvent ? { onEvent } : {}),
        };
        if (!worker) return void runLocally(p);
        const id = nextId++;
        pending.set(id, p);
        try {
          worker.postMessage({ id, job } satisfies WorkerRequest);
        } catch {
          // A value the worker cannot receive (DataCloneError): this job runs on the page.
          pending.delete(id);
          void runLocally(p);
        }
      });
    },
  };
}
