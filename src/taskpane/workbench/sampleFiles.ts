/**
 * 示例文件: the sample workbooks shipped with the task pane (assets/samples, copied into the build by webpack), made from
 * invented data by scripts/make-samples.js. They are fetched from the page's own server, like the page itself.
 */

/** Folder of the sample files, relative to taskpane.html. */
export const SAMPLE_DIR = "assets/samples/";

/**
 * Fetches the sample files listed in `assets/samples/index.json` (`{"files": ["示例….xlsx", …]}`).
 * @param fetchFn the page's `fetch` (tests pass a fake)
 * @returns the files, in the listed order
 * @throws Error naming the file and the HTTP status when one cannot be fetched
 */
export async function loadSampleFiles(
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): Promise<File[]> {
  const get = async (name: string) => {
    const res = await fetchFn(`${SAMPLE_DIR}${encodeURIComponent(name)}`);
    if (!res.ok) throw new Error(`${SAMPLE_DIR}${name}（HTTP ${res.status}）`);
    return res;
  };
  const index = (await (await get("index.json")).json()) as { files: string[] };
  return Promise.all(
    index.files.map(
      async (name) => new File([await (await get(name)).blob()], name),
    ),
  );
}
