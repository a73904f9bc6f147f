import {
  createFileProcessor,
  inThreadProcessor,
  WorkerCrashError,
} from "../../../src/taskpane/worker/client";
import type {
  JobEvent,
  WorkerRequest,
  WorkerResponse,
} from "../../../src/taskpane/worker/protocol";

/** A stand-in for a Web Worker: records posted requests; the test answers through `reply`, or makes it fail. */
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

/** A processor over fake workers: each spawn makes a new one (a worker is replaced after a crash). */
function spawned(timeLimitMs?: number) {
  const workers: FakeWorker[] = [];
  const processor = createFileProcessor(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  }, timeLimitMs);
  return { workers, processor };
}

const blank = (name: string) => new File([], name);
const flush = () => new Promise((r) => setTimeout(r, 0));

describe("createFileProcessor", () => {
  it("starts the worker with the first job, runs jobs one at a time and routes events and outputs back", async () => {
    const { workers, processor } = spawned();
    expect(workers).toHaveLength(0);
    const events: JobEvent[] = [];
    const a = processor.run(
      { op: "check", key: 1, file: blank("a.xlsx") },
      (e) => events.push(e),
    );
    const b = processor.run({ op: "review", files: [] });
    const w = workers[0]!;
    w.reply({ type: "ready" });
    expect(w.posted.map((p) => [p.id, p.job.op])).toEqual([[1, "check"]]);
    w.reply({
      id: 1,
      type: "event",
      event: { type: "progress", index: 0, stage: "reading" },
    });
    w.reply({ id: 1, type: "done", output: null });
    await expect(a).resolves.toBeNull();
    expect(w.posted.map((p) => [p.id, p.job.op])).toEqual([
      [1, "check"],
      [2, "review"],
    ]);
    w.reply({ id: 2, type: "done", output: new Uint8Array([7]) });
    await expect(b).resolves.toEqual(new Uint8Array([7]));
    expect(events).toEqual([{ type: "progress", index: 0, stage: "reading" }]);
  });

  it("puts a page of findings before the checks still waiting", async () => {
    // A short time limit, so that the jobs left unanswered end within this test: a 60-second timer left running
    // would reject in whatever test file jest runs next in this process.
    const { workers, processor } = spawned(20);
    const ignore = () => undefined;
    const jobs = [
      processor.run({ op: "check", key: 1, file: blank("a.xlsx") }),
      processor.run({ op: "check", key: 2, file: blank("b.xlsx") }),
      processor.run({
        op: "findings",
        key: 1,
        file: blank("a.xlsx"),
        offset: 0,
        limit: 100,
        severities: ["error"],
      }),
    ];
    const w = workers[0]!;
    w.reply({ id: 1, type: "done", output: null });
    expect(w.posted.map((p) => p.job.op)).toEqual(["check", "findings"]);
    await Promise.all(jobs.map((j) => j.catch(ignore)));
  });

  it("rejects with the worker's Chinese message when a job fails", async () => {
    const { workers, processor } = spawned();
    const job = processor.run({ op: "templates", tables: ["loan-interest"] });
    workers[0]!.reply({ id: 1, type: "failed", message: "发生意外错误：x" });
    await expect(job).rejects.toThrow("发生意外错误：x");
  });

  it("a worker that dies on a file fails that file's job only; a new worker takes the jobs waiting", async () => {
    const { workers, processor } = spawned();
    const bad = processor.run({ op: "check", key: 1, file: blank("坏.xls") });
    const good = processor.run({ op: "check", key: 2, file: blank("好.xlsx") });
    workers[0]!.reply({ type: "ready" });
    workers[0]!.fail();
    await expect(bad).rejects.toThrow(WorkerCrashError);
    await expect(bad).rejects.toThrow(
      "文件过大或已损坏：坏.xls（处理该文件时文件处理线程意外终止，其他文件不受影响）",
    );
    expect(workers[0]!.terminated).toBe(true);
    expect(
      workers[1]!.posted.map((p) => [
        p.job.op,
        "file" in p.job && p.job.file.name,
      ]),
    ).toEqual([["check", "好.xlsx"]]);
    workers[1]!.reply({
      id: workers[1]!.posted[0]!.id,
      type: "done",
      output: null,
    });
    await expect(good).resolves.toBeNull();
  });

  it("stops a worker that takes longer than the time limit on one file", async () => {
    const { workers, processor } = spawned(30);
    const slow = processor.run({
      op: "check",
      key: 1,
      file: blank("炸弹.xlsx"),
    });
    workers[0]!.reply({ type: "ready" });
    await expect(slow).rejects.toThrow(
      "文件过大或已损坏：炸弹.xlsx（处理超过 0.03 秒，已停止，其他文件不受影响）",
    );
    expect(workers[0]!.terminated).toBe(true);
    // A merge may take as long as it needs.
    const merge = processor.run({ op: "merge", files: [], workbook: false });
    await new Promise((r) => setTimeout(r, 60));
    workers[1]!.reply({
      id: workers[1]!.posted[0]!.id,
      type: "done",
      output: null,
    });
    await expect(merge).resolves.toBeNull();
  });

  it("runs on the page when the worker cannot be constructed (file:// page, CSP)", async () => {
    const processor = createFileProcessor(() => {
      throw new Error("SecurityError");
    });
    const events: JobEvent[] = [];
    const summary = await processor.run(
      { op: "check", key: 1, file: blank("空.xlsx") },
      (e) => events.push(e),
    );
    expect([summary.status, summary.error]).toEqual([
      "无法读取",
      "文件为空：空.xlsx",
    ]);
    expect(events.map((e) => e.type === "progress" && e.stage)).toEqual([
      "reading",
      "done",
    ]);
  });

  it("runs the pending and later jobs on the page when the worker's script fails to load", async () => {
    // A short time limit: the pending job's timer outlives the failed worker (client.ts does not clear it there), and
    // a 60-second one kept jest from exiting. It fires within this test, and changes nothing.
    const { workers, processor } = spawned(20);
    const pending = processor.run({
      op: "check",
      key: 1,
      file: blank("空.xlsx"),
    });
    workers[0]!.fail();
    expect(workers[0]!.terminated).toBe(true);
    await expect(pending).resolves.toMatchObject({
      file: "空.xlsx",
      status: "无法读取",
    });
    const later = await processor.run({
      op: "check",
      key: 2,
      file: blank("b.xlsx"),
    });
    expect(later.file).toBe("b.xlsx");
    await flush();
    expect(workers).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 40));
    expect(workers).toHaveLength(1);
    const after = await processor.run({
      op: "check",
      key: 3,
      file: blank("c.xlsx"),
    });
    expect(after.file).toBe("c.xlsx");
    expect(workers).toHaveLength(1);
  });

  it("runs a job on the page when it cannot be posted (DataCloneError)", async () => {
    const { workers, processor } = spawned();
    const job = processor.run({ op: "templates", tables: ["project-info"] });
    void job;
    workers[0]!.postMessage = () => {
      throw new Error("DataCloneError");
    };
    const second = processor.run({
      op: "check",
      key: 3,
      file: blank("空.xlsx"),
    });
    workers[0]!.reply({ id: 1, type: "done", output: null });
    await expect(second).resolves.toMatchObject({ status: "无法读取" });
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
