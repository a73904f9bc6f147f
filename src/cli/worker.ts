/**
 * A reading thread of the CLI (worker_threads; src/cli/pool.ts starts it, scripts/build-cli.js builds it to
 * build/cli/worker.js). It says `{ready: true}` once its modules are loaded, then answers each task (one input file,
 * see tasks.ts) with `{id, result}`, one task at a time. The pool bounds its memory and time: a file that exceeds
 * either ends this thread, not the program.
 */
import { parentPort } from "worker_threads";
import type { TaskRequest } from "./pool";
import { TASKS } from "./tasks";

const port = parentPort;
if (port === null) throw new Error("worker.ts runs only as a worker thread");
port.on("message", (task: TaskRequest) => {
  void TASKS[task.kind](task.path, task.shown).then((result) =>
    port.postMessage({ id: task.id, result }),
  );
});
port.postMessage({ ready: true });
