/**
 * Recognising the change events our own writes cause, so that live checking never loops on them.
 *
 * Excel raises `onChanged` for the add-in's writes too, after the write's sync, asynchronously. Two ways to know one:
 * - ExcelApi 1.14 gives `triggerSource: "ThisLocalAddin"` on the event: ours;
 * - otherwise (older Excel, Excel on the web without it) every write registers its sheet and area here before its
 *   sync; an event on that sheet whose area lies inside a registered area within {@link OWN_WRITE_TTL_MS} is ours.
 *   (A user edit of the very same cells within those seconds would be missed by the live check; 重新检查 and leaving
 *   the sheet catch it.)
 */
import { type CellRange, parseRange } from "../../core/model/grid";
import { isExcelApiSupported } from "../requirements";

/**
 * Runs a batch's writes with this add-in's events off (`context.runtime.enableEvents`, ExcelApi 1.8), so that they
 * raise no change event at all — exact where the time window of {@link OwnWrites} is a guess. Queues
 * `enableEvents = false` before `write` queues its commands, syncs, and turns the events back on in a sync of its
 * own, also when the write failed (events are never left off). `write` may sync in between (a write split into
 * several requests): events stay off until the end. Without ExcelApi 1.8 it only runs `write` (the time window of
 * {@link OwnWrites} is then the fallback).
 * @returns what `write` returned, after its sync
 */
export async function writeQuietly<T>(
  context: Excel.RequestContext,
  write: () => T | Promise<T>,
): Promise<T> {
  if (!isExcelApiSupported("1.8")) {
    const out = await write();
    await context.sync();
    return out;
  }
  context.runtime.enableEvents = false;
  try {
    const out = await write();
    await context.sync();
    return out;
  } finally {
    context.runtime.enableEvents = true;
    await context.sync();
  }
}

/** How long after a write its events are taken for ours, in milliseconds. */
export const OWN_WRITE_TTL_MS = 5000;

/** The part of a change event this needs. */
export interface ChangeEventLike {
  address: string;
  triggerSource?: string;
}

/** The writes of one add-in session that change events may echo. */
export class OwnWrites {
  private readonly entries: {
    sheet: string;
    area?: CellRange;
    until: number;
  }[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Registers a write before its sync.
   * @param area the block written (0-based); omitted for a whole sheet of ours (created or rewritten)
   */
  expect(sheet: string, area?: CellRange): void {
    const now = this.now();
    // Forget expired entries.
    for (let i = this.entries.length - 1; i >= 0; i--)
      if (this.entries[i]!.until < now) this.entries.splice(i, 1);
    this.entries.push({
      sheet,
      ...(area ? { area } : {}),
      until: now + OWN_WRITE_TTL_MS,
    });
  }

  /** True when the change event on `sheet` was caused by one of our writes. */
  isOwn(sheet: string, event: ChangeEventLike): boolean {
    if (event.triggerSource === "ThisLocalAddin") return true;
    const now = this.now();
    const changed = parseRange(event.address);
    return this.entries.some(
      (e) =>
        e.sheet === sheet &&
        e.until >= now &&
        (!e.area ||
          (changed !== undefined &&
            changed.s.r >= e.area.s.r &&
            changed.e.r <= e.area.e.r &&
            changed.s.c >= e.area.s.c &&
            changed.e.c <= e.area.e.c)),
    );
  }
}
