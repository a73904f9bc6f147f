/**
 * A reading process of the CLI (a child process; src/cli/readers.ts starts it, scripts/build-cli.js builds it to
 * build/cli/worker.js). It says `{ready: true}` once its modules are loaded, then answers each task (one input file,
 * see tasks.ts) with `{id, result}`, one task at a time, in the order they came. The pool bounds its memory and time:
 * a file that exceeds either ends this process, not the program.
 */
// First: SheetJS must find the on-demand code-page tables when it loads.
import "./codepages";
import type { TaskRequest } from "./pool";
import { TASKS } from "./tasks";

const send = process.send?.bind(process);
if (send === undefined)
  throw new Error("worker.ts runs only as a child process with an IPC channel");
/** The tasks received so far, done one after the other (the pool sends the next before the last is done). */
let done = Promise.resolve();
process.on("message", (task: TaskRequest) => {
  done = done.then(async () => {
    const result: unknown = await TASKS[task.kind](task.path, task.shown);
    send({ id: task.id, result });
  });
});
// The parent's end of the channel closes when the program ends (or is killed): end too. A reader started early may
// find it closed already (a usage error ends the program at once).
process.on("disconnect", () => process.exit(0));
if (process.connected) send({ ready: true });
else process.exit(0);
