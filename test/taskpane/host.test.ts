import {
  HOST_TIMEOUT_MS,
  watchHost,
  type HostInfo,
  type OfficeLike,
} from "../../src/taskpane/host";

/** An Office global whose onReady answers `host` after `delayMs` (never when `delayMs` is Infinity). */
function fakeOffice(host: string | null, delayMs: number, supported = true) {
  const asked: [string, string | undefined][] = [];
  const office: OfficeLike = {
    onReady: () =>
      new Promise((resolve) => {
        if (Number.isFinite(delayMs))
          setTimeout(() => resolve({ host }), delayMs);
      }),
    context: {
      requirements: {
        isSetSupported: (name, version) => {
          asked.push([name, version]);
          return supported;
        },
      },
    },
  };
  return { office, asked };
}

describe("watchHost", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function run(
    office: OfficeLike | undefined,
    advanceMs: number,
  ): Promise<HostInfo[]> {
    const seen: HostInfo[] = [];
    const done = watchHost(office, (h) => seen.push(h));
    await jest.advanceTimersByTimeAsync(advanceMs);
    await done;
    return seen;
  }

  it("chooses browser mode at once when office.js did not load", async () => {
    expect(await run(undefined, 0)).toEqual([
      { mode: "browser", reason: "no-office" },
    ]);
  });

  it("chooses Excel mode when Office answers Excel, checking ExcelApi 1.9 (what manifest.xml declares)", async () => {
    const { office, asked } = fakeOffice("Excel", 400);
    expect(await run(office, 400)).toEqual([
      { mode: "excel", apiSupported: true },
    ]);
    expect(asked).toEqual([["ExcelApi", "1.9"]]);
  });

  it("reports an Excel without the requirement set", async () => {
    expect(await run(fakeOffice("Excel", 10, false).office, 10)).toEqual([
      { mode: "excel", apiSupported: false },
    ]);
  });

  it("chooses browser mode when office.js runs outside Office (host null, as in a plain browser)", async () => {
    expect(await run(fakeOffice(null, 400).office, 400)).toEqual([
      { mode: "browser", reason: "no-office" },
    ]);
  });

  it("chooses browser mode in another Office host", async () => {
    expect(await run(fakeOffice("Word", 5).office, 5)).toEqual([
      { mode: "browser", reason: "other-host" },
    ]);
  });

  it("chooses browser mode when onReady fails", async () => {
    const office: OfficeLike = {
      ...fakeOffice("Excel", 0).office,
      onReady: () => Promise.reject(new Error("office.js 初始化失败")),
    };
    expect(await run(office, 0)).toEqual([
      { mode: "browser", reason: "no-office" },
    ]);
  });

  it("does not hang when onReady never answers: browser mode after the timeout", async () => {
    expect(HOST_TIMEOUT_MS).toBe(3000);
    const seen: HostInfo[] = [];
    const done = watchHost(fakeOffice("Excel", Infinity).office, (h) =>
      seen.push(h),
    );
    await jest.advanceTimersByTimeAsync(HOST_TIMEOUT_MS - 1);
    expect(seen).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    await done;
    expect(seen).toEqual([{ mode: "browser", reason: "timeout" }]);
  });

  it("switches to Excel mode when Excel answers after the timeout (slow start)", async () => {
    const seen: HostInfo[] = [];
    const done = watchHost(fakeOffice("Excel", 5000).office, (h) =>
      seen.push(h),
    );
    await jest.advanceTimersByTimeAsync(HOST_TIMEOUT_MS);
    await done;
    expect(seen).toEqual([{ mode: "browser", reason: "timeout" }]);
    await jest.advanceTimersByTimeAsync(2000);
    expect(seen).toEqual([
      { mode: "browser", reason: "timeout" },
      { mode: "excel", apiSupported: true },
    ]);
  });

  it("stays in browser mode when a late answer is not Excel", async () => {
    expect(await run(fakeOffice(null, 5000).office, 6000)).toEqual([
      { mode: "browser", reason: "timeout" },
    ]);
  });
});
