/**
 * The Web Worker of the task pane (文件处理线程): runs file jobs (process.ts) off the UI thread, so the page stays
 * responsive while hundreds of workbooks are read, checked and merged. It says `ready` first; then one message in per
 * job, events, then `done` (or `failed`) out, each carrying the job's id. The jobs' code is loaded with the first job.
 */
import "../jitless";
import type { WorkerRequest, WorkerResponse } from "./protocol";
import { TEXT } from "../text.zh";

const post = (message: WorkerResponse, transfer: ArrayBuffer[] = []) =>
  postMessage(message, { transfer });

addEventListener("message", (e: MessageEvent<WorkerRequest>) => {
  const { id, job } = e.data;
  import("./process")
    .then(({ runJob }) =>
      runJob(job, (event) => post({ id, type: "event", event })),
    )
    .then(
      ({ output, transfer }) => post({ id, type: "done", output }, transfer),
      (err: unknown) =>
        post({
          id,
          type: "failed",
          message: TEXT.unexpected(
            err instanceof Error ? err.message : String(err),
          ),
        }),
    );
});

post({ type: "ready" });
