/**
 * 示例文件: the demo workbooks shipped with the task pane (assets/demo, copied into the build by webpack), made from
 * invented data by scripts/make-demo.js. They are fetched from the page's own server, like the page itself.
 */

/** Folder of the demo files, relative to taskpane.html. */
export const DEMO_DIR = "assets/demo/";

/**
 * Fetches the demo files listed in `assets/demo/index.json` (`{"files": ["示例….xlsx", …]}`).
 * @param fetchFn the page's `fetch` (tests pass a fake)
 * @returns the files, in the listed order
 * @throws Error naming the file and the HTTP status when one cannot be fetched
 */
export async function loadDemoFiles(
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): Promise<File[]> {
  const get = async (name: string) => {
    const res = await fetchFn(`${DEMO_DIR}${encodeURIComponent(name)}`);
    if (!res.ok) throw new Error(`${DEMO_DIR}${name}（HTTP ${res.status}）`);
    return res;
  };
  const index = (await (await get("index.json")).json()) as { files: string[] };
  return Promise.all(
    index.files.map(
      async (name) => new File([await (await get(name)).blob()], name),
    ),
  );
}
