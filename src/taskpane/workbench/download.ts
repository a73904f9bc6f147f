/**
 * Saves bytes made on this machine as a download (下载). Nothing leaves the browser: the file is a `blob:` URL of the
 * page itself.
 * @param bytes the file's content (.xlsx)
 * @param fileName the name the browser offers (e.g. `汇总表.xlsx`)
 */
export function saveBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the URL; release it a little later (some browsers read it asynchronously).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
