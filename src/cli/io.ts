/**
 * Shared helpers of the `techfund` commands: exit codes, output streams, Chinese error printing,
 * collecting input files from files and folders, and writing output files without overwriting.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Command } from "commander";
import { printableName } from "../xlsx/fileName";
import { fsErrorText } from "../xlsx/fsErrors";

/** Exit codes of every command: 0 成功, 1 有错误 (findings of severity 错误, or some files failed), 2 用法或读取失败. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Where a command writes: `out` for results (stdout), `err` for errors and notes (stderr). Texts end with "\n".
 * `progress`, when given, shows a passing progress line (a terminal overwrites it); '' clears it.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  progress?(text: string): void;
}

/** Output streams whose reader has gone (`techfund check --json | head`): what is written to them is dropped. */
const readerGone = new Set<NodeJS.WritableStream>();

/** Writes to stdout or stderr, unless its reader has gone. */
function write(stream: NodeJS.WriteStream, text: string): void {
  if (!readerGone.has(stream)) stream.write(text);
}

/** The process's stdout and stderr; progress overwrites one line of a terminal, and is one line per step otherwise. */
export const processIo: CliIo = {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
  progress: (text) => {
    if (process.stderr.isTTY) write(process.stderr, `\r\x1b[K${text}`);
    else if (text !== "") write(process.stderr, `${text}\n`);
  },
};

/**
 * Lets a command go on when the program reading its output stops (`| head` closes the pipe: EPIPE): the rest of its
 * output is dropped and files are still written; other stream errors are thrown as before. Call once, before writing.
 */
export function dropOutputWhenReaderGoes(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE" && !readerGone.has(stream)) throw e;
      readerGone.add(stream);
    });
}

/**
 * Resolves when stdout and stderr have handed everything written so far to the system (a pipe takes 64 KB at a time:
 * `process.exit` before then would cut a long `--json` short), or their reader has gone.
 */
export function outputWritten(): Promise<void> {
  const flushed = (stream: NodeJS.WriteStream) =>
    new Promise<void>((resolve) => {
      if (readerGone.has(stream) || stream.destroyed) resolve();
      else stream.write("", () => resolve());
    });
  return Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(
    () => undefined,
  );
}

/** Reports progress on stderr: through `io.progress` when the stream has one, else as a line ('' says nothing). */
export function progress(io: CliIo, text: string): void {
  if (io.progress) io.progress(text);
  else if (text !== "") io.err(`${text}\n`);
}

/** Width of a text in terminal columns: Chinese (and other wide) characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

/** What a command gets from `main`: the output streams and the way to report its exit code. */
export interface CliContext {
  io: CliIo;
  setExit(code: ExitCode): void;
}

/**
 * A command module (src/cli/commands/*.ts): adds its sub-command to the program. Register the action
 * with {@link action} so that its exit code and its errors are handled the same way everywhere.
 */
export interface CliCommand {
  register(program: Command, cli: CliContext): void;
}

/** An error whose Chinese message is shown to the user as is, with the exit code to end with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failure,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "CliError";
  }
}

/**
 * Wraps a command's handler for commander's `.action()`: the handler resolves to the exit code; a
 * {@link CliError} prints its message (exit code from the error), any other error prints
 * `程序内部错误：…` (exit 2, since the job was not done).
 */
export function action<A extends unknown[]>(
  cli: CliContext,
  handler: (...args: A) => Promise<ExitCode>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      cli.setExit(await handler(...args));
    } catch (e) {
      printError(cli.io, e);
      cli.setExit(e instanceof CliError ? e.exitCode : EXIT.failure);
    }
  };
}

/** Prints an error in Chinese on stderr: a {@link CliError}'s message, or `程序内部错误` with the error's text. */
export function printError(io: CliIo, e: unknown): void {
  if (e instanceof CliError) io.err(`错误：${e.message}\n`);
  else
    io.err(
      `程序内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
}

/** Chinese text of a file-system error, for messages that name the path (one wording for the whole CLI). */
export { fsErrorText };

/** Extensions of the spreadsheet files taken from a folder (Excel, WPS 表格, LibreOffice, CSV). */
export const SPREADSHEET_EXTENSIONS: readonly string[] = [
  ".xlsx",
  ".xlsm",
  ".xls",
  ".et",
  ".ods",
  ".csv",
];

/** An input file: its absolute path, and the path to show (as given, or the folder given joined with its path inside). */
export interface InputFile {
  path: string;
  shown: string;
}

/**
 * The input files named on the command line: a file is taken as is (whatever its extension — the
 * reader refuses unsupported files with its own message); a folder gives its spreadsheet files
 * ({@link SPREADSHEET_EXTENSIONS}), subfolders included, without hidden files and Office lock
 * files (`~$…`), sorted by path. Duplicates are removed.
 * @param onSkip called for each entry of a folder left out, with its shown path and the reason (Chinese)
 * @returns the files, in the order given
 * @throws CliError (exit 2) when a path does not exist or cannot be read, or a folder holds no spreadsheet.
 */
export async function collectInputFiles(
  paths: readonly string[],
  onSkip: (shown: string, reason: string) => void = () => {},
): Promise<InputFile[]> {
  const found = new Map<string, string>();
  for (const p of paths) {
    const abs = path.resolve(p);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch (e) {
      throw new CliError(
        `无法读取 ${printableName(p)}：${fsErrorText(e)}`,
        EXIT.failure,
        {
          cause: e,
        },
      );
    }
    if (!stat.isDirectory()) {
      if (!found.has(abs)) found.set(abs, printableName(p));
      continue;
    }
    const files = await listSpreadsheets(abs, printableName(p), onSkip, true);
    if (files.length === 0) {
      throw new CliError(
        `目录 ${printableName(p)} 中没有表格文件（${SPREADSHEET_EXTENSIONS.join(" ")}）`,
      );
    }
    for (const f of files) if (!found.has(f.path)) found.set(f.path, f.shown);
  }
  return [...found].map(([abs, shown]) => ({ path: abs, shown }));
}

/** Why a folder entry is not taken, or undefined when it is a spreadsheet file or a folder to walk. */
function skipReason(entry: {
  name: string;
  isDirectory(): boolean;
}): string | undefined {
  if (entry.name.startsWith("~$")) return "Office/WPS 打开文件时生成的临时文件";
  if (entry.name.startsWith("."))
    return entry.isDirectory() ? "隐藏目录" : "隐藏文件";
  if (
    entry.isDirectory() ||
    SPREADSHEET_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())
  )
    return undefined;
  return `不是表格文件（只检查 ${SPREADSHEET_EXTENSIONS.join(" ")}）`;
}

/**
 * The spreadsheet files under `dir`, subfolders included, sorted by name. A subfolder that cannot be read (no
 * permission, a link loop) is skipped with its reason, so that one such folder never costs the others.
 * @param top the folder the user named: when it cannot be read, that is an error
 * @throws CliError (exit 2) when `top` and the folder cannot be read
 */
async function listSpreadsheets(
  dir: string,
  shown: string,
  onSkip: (shown: string, reason: string) => void,
  top = false,
): Promise<InputFile[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    if (!top) {
      onSkip(shown, `无法读取的目录（${fsErrorText(e)}）`);
      return [];
    }
    throw new CliError(
      `无法读取目录 ${shown}：${fsErrorText(e)}`,
      EXIT.failure,
      { cause: e },
    );
  }
  const files: InputFile[] = [];
  for (const entry of entries.sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const full = path.join(dir, entry.name);
    const shownPath = path.join(shown, printableName(entry.name));
    const reason = skipReason(entry);
    if (reason) onSkip(shownPath, reason);
    else if (entry.isDirectory())
      files.push(...(await listSpreadsheets(full, shownPath, onSkip)));
    else files.push({ path: full, shown: shownPath });
  }
  return files;
}

/**
 * Writes `bytes` as `fileName` in folder `dir` (created when missing), atomically: the bytes go to a hidden temporary
 * file in the same folder (`.名称.xlsx.<进程号>-<随机>.tmp`), are flushed to disk, and only then get the final name, so that a
 * crash, a kill or a full disk never leaves a truncated file under the final name (the temporary file is removed on
 * any error; one left by a kill is hidden, and skipped when the folder is read as an inbox). An existing file is never
 * overwritten — it may hold someone's data: the new file gets the first free name `名称 (2).xlsx`, `名称 (3).xlsx`, ….
 * @returns the path written
 * @throws CliError (exit 2) when the folder cannot be created or the file cannot be written.
 */
export async function writeNewFile(
  dir: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<string> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw new CliError(`无法创建目录 ${dir}：${fsErrorText(e)}`, EXIT.failure, {
      cause: e,
    });
  }
  // Hidden, and unique to this process and call (a kill may have left an earlier one).
  const temp = path.join(
    dir,
    `.${fileName}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
  try {
    await writeFlushed(temp, bytes);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw writeError(path.join(dir, fileName), e);
  }
  try {
    return await claimName(temp, dir, fileName);
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** Writes `bytes` to a new file `file` and flushes it to disk before closing it. */
async function writeFlushed(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await fs.open(file, "wx");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Gives the complete file `temp` the first free name of `fileName` in `dir`: a hard link fails when the name exists,
 * so no file is ever replaced, even by another program writing at the same moment. Where the file system has no hard
 * links (FAT USB sticks, some network shares) the name is checked, then `temp` renamed.
 * @returns the path given
 */
async function claimName(
  temp: string,
  dir: string,
  fileName: string,
): Promise<string> {
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  for (let n = 1; ; n++) {
    const target = path.join(dir, n === 1 ? fileName : `${stem} (${n})${ext}`);
    try {
      await fs.link(temp, target);
      return target;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "";
      if (code === "EEXIST") continue;
      if (!NO_HARD_LINKS.has(code)) throw writeError(target, e);
      if (await exists(target)) continue;
      try {
        await fs.rename(temp, target);
        return target;
      } catch (renameError) {
        throw writeError(target, renameError);
      }
    }
  }
}

/** What `link` says on file systems without hard links. */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EXDEV", "ENOSYS"]);

function writeError(target: string, e: unknown): CliError {
  return new CliError(`无法写入 ${target}：${fsErrorText(e)}`, EXIT.failure, {
    cause: e,
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
