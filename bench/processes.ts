/**
 * Whole processes timed as a user runs them: wall time from the outside, CPU time (all threads, user + system),
 * peak memory and the moment the first spreadsheet file was read from the inside (bench/usage-hook.js for Node
 * processes; bench/openpyxl-read.py reports its own). Output goes to /dev/null, as in `… > /dev/null`.
 */
import { spawnSync } from "child_process";
import { readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";

/** One run of a process. `cpuMs`, `maxRssMb` and `startupMs` are undefined where the process cannot report them. */
export interface Run {
  wallMs: number;
  cpuMs?: number;
  maxRssMb?: number;
  /** From the process's start to its first read of a spreadsheet file. */
  startupMs?: number;
  status: number | null;
}

const HOOK = path.join(__dirname, "usage-hook.js");

/**
 * Runs `command args` once (stdout to /dev/null) and measures it.
 * @param options.node true for a Node program: it runs with the usage hook
 * @throws Error when the process cannot be started or ends with a status not in `okStatus`
 */
export function runProcess(
  command: string,
  args: string[],
  options: { node?: boolean; cwd?: string; okStatus?: number[] } = {},
): Run {
  const usageFile = path.join(
    os.tmpdir(),
    `techfund-bench-usage-${process.pid}-${Date.now()}.jsonl`,
  );
  const argv = options.node ? ["--require", HOOK, ...args] : args;
  const t0 = performance.now();
  const r = spawnSync(command, argv, {
    cwd: options.cwd,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const wallMs = performance.now() - t0;
  if (r.error) throw r.error;
  if (!(options.okStatus ?? [0]).includes(r.status ?? -1))
    throw new Error(
      `${path.basename(command)} ${args.join(" ")} 以 ${r.status} 结束：\n${r.stderr.slice(-2000)}`,
    );
  let lines: Record<string, number>[] = [];
  try {
    lines = readFileSync(usageFile, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, number>);
  } catch {
    // a process that reports nothing (LibreOffice)
  }
  rmSync(usageFile, { force: true });
  const end = lines.find((l) => l.cpuMs !== undefined);
  const firstRead = lines.find((l) => l.firstRead !== undefined)?.firstRead;
  return {
    wallMs,
    status: r.status,
    ...(end ? { cpuMs: end.cpuMs, maxRssMb: end.maxRssMb } : {}),
    ...(firstRead !== undefined && end?.start !== undefined
      ? { startupMs: firstRead - end.start }
      : {}),
  };
}
