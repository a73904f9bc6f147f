/**
 * Requests small enough for Excel on the web (请求大小): it refuses a request or a response over 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), and one `context.sync()` is one request.
 * Writes are therefore counted as they are queued, and a sync is sent before the next write would pass
 * {@link MAX_REQUEST_BYTES}; a block of rows too large for one request is written in slices of rows.
 *
 * Sizes are counted as JSON with every non-ASCII character escaped (`\u4e2d`, 6 bytes): the larger of the two ways
 * a host may count (UTF-8 takes 3 bytes for a Chinese character), so the budget holds either way.
 */

/** Most bytes one sync may carry: under Excel on the web's 5 MB, with room for the request's own overhead. */
export const MAX_REQUEST_BYTES = 4_000_000;

/**
 * Bytes counted for one command without a large value (a format, a merge, a validation, a name): Office.js sends each
 * as a small JSON action naming its object path, property and value, a few hundred bytes at most.
 */
export const COMMAND_BYTES = 300;

/**
 * Bytes a value takes as JSON with every non-ASCII character escaped: the larger of the two ways a host may count a
 * request or response, so a budget on this number holds either way.
 */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) < 0x80 ? 1 : 6;
  return n;
}

/** True for Excel's refusal of a request or response over its size limit. */
export function isPayloadError(err: unknown): boolean {
  const code =
    typeof err === "object" && err !== null
      ? (err as { code?: unknown }).code
      : undefined;
  return (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded"
  );
}

/**
 * The bytes queued in the current request of one `RequestContext`. Callers say what they are about to queue
 * ({@link RequestBudget.room}); when it would not fit, the queued commands are sent first.
 */
export class RequestBudget {
  private used = 0;
  /** Syncs this budget sent (tests). */
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly limit: number = MAX_REQUEST_BYTES,
  ) {}

  /** Bytes still free in the current request. */
  free(): number {
    return this.limit - this.used;
  }

  /** Sends the queued commands when there are any (a sync), so the next ones start a new request. */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    this.used = 0;
    this.syncs++;
    await this.context.sync();
  }

  /** Makes room for `bytes` about to be queued: sends the queued commands first when they would not fit. */
  async room(bytes: number = COMMAND_BYTES): Promise<void> {
    if (this.used + bytes > this.limit) await this.flush();
    this.used += bytes;
  }

  /** Counts commands already queued (after a caller queued them itself). */
  add(bytes: number): void {
    this.used += bytes;
  }
}

/** Cells of a block of rows to write: each array has one entry per row, all of the same width. */
export interface RowsToWrite {
  /** Number formats, written first (a text format `@` must be in place before the values arrive). */
  numberFormat?: readonly (readonly string[])[];
  values?: readonly (readonly (string | number | boolean)[])[];
  formulas?: readonly (readonly (string | number | boolean)[])[];
}

/**
 * Queues the writes of a block of rows in slices that each fit the budget's request (a sync between slices).
 * @param row 0-based first row of the block on `sheet`; `col` its first column
 * @returns after the last slice is queued (not synced: the caller's next sync or {@link RequestBudget.flush} sends it)
 */
export async function writeRows(
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  row: number,
  col: number,
  cells: RowsToWrite,
): Promise<void> {
  const parts = (["numberFormat", "values", "formulas"] as const).filter(
    (p) => cells[p] !== undefined,
  );
  const first = cells[parts[0]!];
  if (!first || first.length === 0) return;
  const width = first[0]!.length;
  const count = first.length;
  let start = 0;
  let bytes = 0;
  const queue = (end: number) => {
    const range = sheet.getRangeByIndexes(row + start, col, end - start, width);
    for (const p of parts) {
      const slice = cells[p]!.slice(start, end) as unknown[][];
      if (p === "numberFormat") range.numberFormat = slice;
      else if (p === "values") range.values = slice;
      else range.formulas = slice;
    }
    budget.add(bytes + COMMAND_BYTES * parts.length);
    start = end;
    bytes = 0;
  };
  for (let i = 0; i < count; i++) {
    const rb = jsonBytes(parts.map((p) => cells[p]![i])) + 8;
    if (bytes + rb + COMMAND_BYTES * parts.length > budget.free()) {
      if (i > start) queue(i);
      await budget.flush();
    }
    bytes += rb;
  }
  queue(count);
}
