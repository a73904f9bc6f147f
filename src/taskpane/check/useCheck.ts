import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckOperations, WorkbookReport } from "../../ports";
import { TEXT } from "../text.zh";

/** The message to show for a rejected operation: its own (CheckOperations rejects in Chinese), else 发生意外错误. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : TEXT.unexpected(String(err));
}

/** State of the checks of the open workbook (see {@link useCheck}). */
export interface CheckState {
  /** The latest report; undefined until the first check ends. */
  report?: WorkbookReport;
  /** A check is running (检查中…). */
  checking: boolean;
  /** When the latest report arrived. */
  checkedAt?: Date;
  /** The last failure (Chinese), cleared by the next report. */
  error?: string;
  /** 实时检查 is on. */
  live: boolean;
  setLive(on: boolean): void;
  /** 重新检查: a full check; resolves with the report, or undefined when it failed (then `error` says why). */
  recheck(): Promise<WorkbookReport | undefined>;
}

/**
 * Checks the open workbook: live (startLiveCheck, stopped on unmount and when turned off) or once on mount, and on
 * demand ({@link CheckState.recheck}). A report older than one already shown is dropped.
 * @param liveByDefault 实时检查 starts on (Excel) or off (then one check runs on mount)
 */
export function useCheck(
  operations: CheckOperations,
  liveByDefault: boolean,
): CheckState {
  const [report, setReport] = useState<WorkbookReport>();
  const [checking, setChecking] = useState(false);
  const [checkedAt, setCheckedAt] = useState<Date>();
  const [error, setError] = useState<string>();
  const [live, setLive] = useState(liveByDefault);
  const mounted = useRef(true);
  const sequence = useRef(0);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const show = useCallback((r: WorkbookReport, seq: number) => {
    if (!mounted.current || seq < sequence.current) return;
    sequence.current = seq;
    setReport(r);
    setCheckedAt(new Date());
    setError(undefined);
  }, []);

  const fail = useCallback((err: unknown) => {
    if (mounted.current) setError(errorText(err));
  }, []);

  const recheck = useCallback(async () => {
    const seq = ++sequence.current;
    setChecking(true);
    try {
      const r = await operations.checkWorkbook();
      show(r, seq);
      return r;
    } catch (err) {
      fail(err);
      return undefined;
    } finally {
      if (mounted.current) setChecking(false);
    }
  }, [operations, show, fail]);

  useEffect(() => {
    if (!live) return undefined;
    let active = true;
    let stop: (() => Promise<void>) | undefined;
    setChecking(true);
    operations
      .startLiveCheck(
        (r) => {
          if (active) show(r, ++sequence.current);
        },
        (message) => {
          if (active) fail(new Error(message));
        },
      )
      .then(
        (s) => {
          if (active) stop = s;
          else s().catch(fail);
        },
        (err: unknown) => {
          fail(err);
          if (active && mounted.current) setLive(false);
        },
      )
      .finally(() => {
        if (mounted.current) setChecking(false);
      });
    return () => {
      active = false;
      stop?.().catch(fail);
    };
  }, [live, operations, show, fail]);

  const checkedOnMount = useRef(false);
  useEffect(() => {
    if (liveByDefault || checkedOnMount.current) return;
    checkedOnMount.current = true;
    void recheck();
  }, [liveByDefault, recheck]);

  return { report, checking, checkedAt, error, live, setLive, recheck };
}
