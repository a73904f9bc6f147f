/** Why a workbook file could not be read (读取失败的原因), with the Chinese message the user sees. */

/**
 * - `encrypted`: 文件已加密 (password to open);
 * - `corrupt`: 文件已损坏 (a spreadsheet container whose parts are broken or missing);
 * - `unsupported`: 不是受支持的表格文件 (another kind of file, or a path that is not a readable file);
 * - `empty`: 文件为空 (zero bytes, or no cell with anything in it);
 * - `too-large`: 文件过大 (a package that unpacks to more than the reader's limits, as zip bombs do).
 */
export type ReadErrorCode =
  "encrypted" | "corrupt" | "unsupported" | "empty" | "too-large";

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
  "too-large": (file) =>
    `文件过大：${file}（解压后的内容超过读取上限（每个部件 200 MB、整个文件 500 MB）或压缩比异常，不是正常的申报表格；请核实文件来源）`,
};

/** A package part's bytes do not match its size or CRC-32: the file was altered in transfer or by hand. */
export function checksumError(file: string): ReadError {
  return readError(
    "corrupt",
    file,
    `文件已损坏（压缩包校验失败）：${file}（文件内容与其校验值不符，其中的数值可能已被改动；请向报送单位重新索取原文件）`,
  );
}

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
