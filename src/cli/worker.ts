/**
 * A reading process of the CLI (a child process; src/cli/pool.ts starts it, scripts/build-cli.js builds it to
 * build/cli/worker.js). It says `{ready: true}` once its modules are loaded, then answers each task (one input file,
 * see tasks.ts) with `{id, result}`, one task at a time. The pool bounds its memory and time: a file that exceeds
 * either ends this process, not the program.
 */
import type { TaskRequest } from "./pool";
import { TASKS } from "./tasks";

const send = process.send?.bind(process);
if (send === undefined)
  throw new Error("worker.ts runs only as a child process with an IPC channel");
process.on("message", (task: TaskRequest) => {
  void TASKS[task.kind](task.path, task.shown).then((result) =>
    send({ id: task.id, result }),
  );
});
// The parent's end of the channel closes when the program ends (or is killed): end too.
process.on("disconnect", () => process.exit(0));
send({ ready: true });
