import {
  createFileProcessor,
  inThreadProcessor,
} from "../../../src/taskpane/worker/client";
import type {
  JobEvent,
  WorkerRequest,
  WorkerResponse,
} from "../../../src/taskpane/worker/protocol";

/** A stand-in for a Web Worker: records posted requests; the test answers through `reply` or fails it. */
class FakeWorker {
  posted: WorkerRequest[] = [];
  terminated = false;
  private listeners: Record<string, ((e: any) => void)[]> = {};
  addEventListener(type: string, fn: (e: any) => void) {
    (this.listeners[type] ??= []).push(fn);
  }
  postMessage(message: WorkerRequest) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: WorkerResponse) {
    for (const fn of this.listeners.message ?? []) fn({ data });
  }
  fail() {
    for (const fn of this.listeners.error ?? []) fn({ preventDefault() {} });
  }
}

function spawned() {
  const worker = new FakeWorker();
  return {
    worker,
    processor: createFileProcessor(() => worker as unknown as Worker),
  };
}

const blank = (name: string) => new File([], name);

describe("createFileProcessor", () => {
  it("posts each job with its own id and routes events and outputs back to it", async () => {
    const { worker, processor } = spawned();
    const events: JobEvent[] = [];
    const a = processor.run({ op: "check", files: [blank("a.xlsx")] }, (e) =>
      events.push(e),
    );
    const b = processor.run({ op: "review", checks: [] });
    expect(worker.posted.map((p) => [p.id, p.job.op])).toEqual([
      [1, "check"],
      [2, "review"],
    ]);
    worker.reply({
      id: 1,
      type: "event",
      event: { type: "progress", index: 0, stage: "reading" },
    });
    worker.reply({ id: 2, type: "done", output: new Uint8Array([7]) });
    worker.reply({ id: 1, type: "done", output: [] });
    await expect(b).resolves.toEqual(new Uint8Array([7]));
    await expect(a).resolves.toEqual([]);
    expect(events).toEqual([{ type: "progress", index: 0, stage: "reading" }]);
  });

  it("rejects with the worker's Chinese message when a job fails", async () => {
    const { worker, processor } = spawned();
    const job = processor.run({ op: "templates", tables: ["loan-interest"] });
    worker.reply({ id: 1, type: "failed", message: "发生意外错误：x" });
    await expect(job).rejects.toThrow("发生意外错误：x");
  });

  it("runs on the page when the worker cannot be constructed (file:// page, CSP)", async () => {
    const processor = createFileProcessor(() => {
      throw new Error("SecurityError");
    });
    const events: JobEvent[] = [];
    const checks = await processor.run(
      { op: "check", files: [blank("空.xlsx")] },
      (e) => events.push(e),
    );
    expect(checks).toEqual([
      { file: "空.xlsx", status: "unreadable", error: "文件为空：空.xlsx" },
    ]);
    expect(events.map((e) => e.type)).toEqual([
      "progress",
      "checked",
      "progress",
    ]);
  });

  it("runs pending and later jobs on the page when the worker's script fails to load", async () => {
    const { worker, processor } = spawned();
    const pending = processor.run({ op: "check", files: [blank("空.xlsx")] });
    worker.fail();
    expect(worker.terminated).toBe(true);
    await expect(pending).resolves.toEqual([
      { file: "空.xlsx", status: "unreadable", error: "文件为空：空.xlsx" },
    ]);
    const later = await processor.run({
      op: "check",
      files: [blank("b.xlsx")],
    });
    expect(later[0]?.file).toBe("b.xlsx");
    expect(worker.posted).toHaveLength(1);
  });

  it("runs a job on the page when it cannot be posted (DataCloneError)", async () => {
    const { worker, processor } = spawned();
    worker.postMessage = () => {
      throw new Error("DataCloneError");
    };
    await expect(
      processor.run({ op: "check", files: [blank("空.xlsx")] }),
    ).resolves.toHaveLength(1);
  });
});

describe("inThreadProcessor", () => {
  it("runs a job on the page", async () => {
    const out = await inThreadProcessor().run({
      op: "templates",
      tables: ["project-info"],
    });
    expect(out.fileName).toBe("山西省技术改造专项资金事项类项目情况表.xlsx");
  });
});
