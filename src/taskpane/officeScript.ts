/**
 * Loading office.js only inside Office (Office.js 加载策略). Outside Office, office.js is useless and not harmless: it
 * sends a telemetry request to Microsoft, and the 审核工作台 promises that nothing leaves the machine. So taskpane.html
 * has no `<script src="office.js">`; the entry (index.tsx) injects it only when the page is plausibly a task pane.
 * host.ts then decides between Excel and browser mode, with its timeout.
 */
import type { OfficeLike } from "./host";

/** The local copy of office.js (webpack copies it from @microsoft/office-js), relative to taskpane.html. */
export const OFFICE_SCRIPT = "office-js/office.js";

/** What {@link plausiblyInOffice} reads of the window. */
export interface WindowLike {
  location: { search: string; hash: string };
  parent: unknown;
  name: string;
  external?: unknown;
  sessionStorage?: Pick<Storage, "getItem">;
  agaveHost?: unknown;
}

/**
 * True when the page may be running as an Office task pane — the signs office.js itself reads to find its host:
 * - `_host_Info` in the URL's query or hash (Office desktop and Office on the web add it to the task pane's URL);
 * - `hostInfoValue` in sessionStorage (office.js keeps it there when the pane navigates);
 * - `window.external.GetHostInfo` (Office on Windows) or `agaveHost` (Office on Mac and iPad);
 * - `hostInfo` in `window.name`;
 * - the page is inside a frame (Office on the web shows task panes in an iframe);
 * - `office=1` in the query (to force it, e.g. while debugging).
 * A page opened directly in a browser shows none of them.
 */
export function plausiblyInOffice(win: WindowLike): boolean {
  const url = `${win.location.search}${win.location.hash}`;
  if (
    /[?&#]_host_Info=/i.test(url) ||
    /[?&]office=1(?:&|#|$)/.test(win.location.search)
  )
    return true;
  if (win.parent !== win) return true;
  if (win.agaveHost !== undefined || win.name.includes("hostInfo")) return true;
  const external = win.external as { GetHostInfo?: unknown } | undefined;
  if (typeof external?.GetHostInfo === "function") return true;
  try {
    return Boolean(win.sessionStorage?.getItem("hostInfoValue"));
  } catch {
    // Storage can be blocked (privacy settings): no sign then.
    return false;
  }
}

/**
 * Adds `<script src="office-js/office.js">` to the page.
 * @returns the `Office` global once the script ran, or undefined when it failed to load
 */
export function loadOfficeScript(
  doc: Document,
  src: string = OFFICE_SCRIPT,
): Promise<OfficeLike | undefined> {
  return new Promise((resolve) => {
    const script = doc.createElement("script");
    script.src = src;
    script.onload = () =>
      resolve((globalThis as unknown as { Office?: OfficeLike }).Office);
    script.onerror = () => resolve(undefined);
    doc.head.appendChild(script);
  });
}
