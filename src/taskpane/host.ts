/**
 * Host detection (宿主检测): is the page running inside Excel (加载项模式) or in a plain browser (审核工作台)?
 * It never hangs: office.js outside Office resolves `onReady` with `host: null`, but when office.js is
 * missing or slow the page falls back to browser mode after a timeout.
 */
import { REQUIRED_EXCEL_API } from "../excel/requirements";

/** Time to wait for `Office.onReady` before choosing browser mode, in milliseconds. */
export const HOST_TIMEOUT_MS = 3000;

const TIMED_OUT = Symbol("timeout");

/** The part of the `Office` global (office.js) that detection reads. */
export interface OfficeLike {
  onReady(): Promise<{ host: string | null }>;
  context: {
    requirements: {
      isSetSupported(name: string, minVersion?: string): boolean;
    };
  };
}

/** Why the page is in browser mode. */
export type BrowserReason = "no-office" | "timeout" | "other-host";

/** The detected mode. In Excel mode, `apiSupported` false means Excel lacks ExcelApi {@link REQUIRED_EXCEL_API}. */
export type HostInfo =
  | { mode: "excel"; apiSupported: boolean }
  | { mode: "browser"; reason: BrowserReason };

function excelInfo(office: OfficeLike): HostInfo {
  return {
    mode: "excel",
    apiSupported: office.context.requirements.isSetSupported(
      "ExcelApi",
      REQUIRED_EXCEL_API,
    ),
  };
}

/**
 * Detects the host and reports it through `render`: once, or twice when Office answers "Excel" only after the
 * timeout (a slow Excel start): first browser mode, then Excel mode.
 * @param office the `Office` global, or undefined when office.js did not load
 * @param render called with each decision
 * @param timeoutMs how long to wait for `onReady` (default {@link HOST_TIMEOUT_MS})
 * @returns resolves after the first decision
 */
export async function watchHost(
  office: OfficeLike | undefined,
  render: (host: HostInfo) => void,
  timeoutMs: number = HOST_TIMEOUT_MS,
): Promise<void> {
  if (!office) {
    render({ mode: "browser", reason: "no-office" });
    return;
  }
  let timedOut = false;
  const ready = Promise.resolve()
    .then(() => office.onReady())
    .then(
      (info) => info.host,
      () => null,
    );
  void ready.then((host) => {
    if (timedOut && host === "Excel") render(excelInfo(office));
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  const host = await Promise.race([ready, timeout]);
  clearTimeout(timer);
  if (host === TIMED_OUT) {
    timedOut = true;
    render({ mode: "browser", reason: "timeout" });
  } else if (host === "Excel") {
    render(excelInfo(office));
  } else {
    // office.js in a plain browser answers host null.
    render({
      mode: "browser",
      reason: host === null ? "no-office" : "other-host",
    });
  }
}
