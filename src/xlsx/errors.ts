/** Why a workbook file could not be read (读取失败的原因), with the Chinese message the user sees. */

/**
 * - `encrypted`: 文件已加密 (password to open);
 * - `corrupt`: 文件已损坏 (a spreadsheet container whose parts are broken or missing);
 * - `unsupported`: 不是受支持的表格文件 (another kind of file, or a path that is not a readable file);
 * - `empty`: 文件为空 (zero bytes, or no cell with anything in it).
 */
export type ReadErrorCode = "encrypted" | "corrupt" | "unsupported" | "empty";

/** A file that could not be read: `message` is Chinese and names `file`. */
export interface ReadError {
  code: ReadErrorCode;
  /** File name as the user knows it (no directory). */
  file: string;
  message: string;
}

const MESSAGES: Record<ReadErrorCode, (file: string) => string> = {
  encrypted: (file) => `文件已加密：${file}（请去掉密码后再提交）`,
  corrupt: (file) =>
    `文件已损坏：${file}（无法读出其中的表格，请用 Excel 或 WPS 打开并另存为 .xlsx 后再提交）`,
  unsupported: (file) =>
    `不是受支持的表格文件：${file}（文件内容不是表格，可能是其他类型的文件改了扩展名；请提交 .xlsx、.xlsm、.xls、.et、.ods 或 .csv 表格文件）`,
  empty: (file) => `文件为空：${file}`,
};

/**
 * The ReadError for `code` and `file`, with the standard Chinese message, or with `message` when given
 * (used when a more precise reason is known, e.g. 文件不存在).
 */
export function readError(
  code: ReadErrorCode,
  file: string,
  message?: string,
): ReadError {
  return { code, file, message: message ?? MESSAGES[code](file) };
}
