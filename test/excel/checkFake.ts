/**
 * The strict fake of Excel shared by every Office.js test (insert, check, live re-check, marks, explanations,
 * 审核结果, merge writing), hand-made with office-addin-mock for the `Office` global and property bags. It keeps a cell
 * model; tests compare snapshots to show that existing sheets are left as they were:
 *
 * - every proxy follows Office.js's batch rules: writes and loads are queued and happen at `context.sync()`, in
 *   order; reading a property that was not loaded and synced throws (like Office.js's PropertyNotLoaded);
 * - each sync is one request: {@link FakeExcel.requests} records its loads (sheet and address) and its bytes (the
 *   UTF-8 JSON of every loaded or written value);
 * - cells hold value, formula and number format; other formats (fill, font, borders…) are recorded per cell;
 *   conditional formats, defined names, sheet visibility and page setup are kept per sheet;
 * - event handlers registered by the code are kept; tests fire them with {@link FakeExcel.fire}.
 */
import { readFileSync } from "fs";
import { OfficeMockObject } from "office-addin-mock";
import {
  a1,
  parseA1,
  type Sheet,
  type Workbook,
} from "../../src/core/model/grid";

/**
 * The strict parts (what real Excel refuses, per the Excel JavaScript API reference and the office-js issues):
 * - errors are OfficeExtension.Error-like: an Error with `code` (`InvalidArgument`, `ItemAlreadyExists`…);
 * - `items` of a collection and properties not loaded throw PropertyNotLoaded; `load("items/name")` loads only name;
 * - InvalidArgument: a 2-D array whose shape differs from the range; an enum value outside @types/office-js's union
 *   (read from its index.d.ts); a data validation rule with other than one kind; a list source over 255 characters;
 *   an input message title over 32 or message over 255 characters, an error alert title over 32 or message over
 *   225; a sheet name that is empty, over 31 characters, with one of `[]:*?/\` or starting/ending with `'`;
 * - ItemAlreadyExists for a taken sheet name (case-insensitive) or defined name; ItemNotFound for a missing one;
 * - a defined name referring to a deleted sheet turns into `=#REF!$A$1`;
 * - getMergedAreasOrNullObject over a range with more than 512 merged areas fails (GeneralException: the reference
 *   says only that it fails);
 * - hidden rows and columns ({@link FakeSheet.hiddenRows}): a range's `rowHidden`/`columnHidden` is true when all its
 *   rows/columns are hidden, false when none, null when some; `getSpecialCells("Visible")` gives the visible cells as
 *   one area per run of visible rows and run of visible columns (`'S'!A1:B4, 'S'!D1:D4`), and fails with ItemNotFound
 *   when none is visible (`…OrNullObject`: `isNullObject`); `isNullObject`, `address` and `areaCount` throw
 *   PropertyNotLoaded before the load's sync (and `address` of a null object throws); only `Visible` is modelled;
 * - a request (writes) or response (loads) over {@link PAYLOAD_LIMIT} bytes fails with Request/
 *   ResponsePayloadSizeLimitExceeded, counted both as UTF-8 JSON and as JSON with every non-ASCII character escaped
 *   (`\uXXXX`, 6 bytes): Excel on the web's 5 MB limit, whichever way the host counts;
 * - switches: {@link FakeExcel.cellEditMode} (a batch fails with InvalidOperationInCellEditMode unless run with
 *   `delayForCellEdit`, which waits until {@link FakeExcel.endCellEdit}), {@link FakeExcel.lostEvents} (a user
 *   edit fires no onChanged, as a dropdown pick on the web), {@link FakeExcel.noTriggerSource} (events without
 *   `triggerSource`, before ExcelApi 1.14);
 * - the add-in's own writes raise onChanged (recorded in {@link FakeExcel.ownEvents}) unless
 *   `context.runtime.enableEvents` is false.
 */

/** Excel on the web's limit on one request or response, in bytes. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** An error as Office.js raises it: `code` is the Excel.ErrorCodes value. */
export function officeError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

/** Bytes of a value as UTF-8 JSON and as JSON with non-ASCII escaped. */
export function payloadSizes(x: unknown): { utf8: number; escaped: number } {
  const s = JSON.stringify(x) ?? "";
  let utf8 = 0;
  let escaped = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    utf8 +=
      code < 0x80
        ? 1
        : code < 0x800 || (code >= 0xd800 && code < 0xe000)
          ? 2
          : 3;
    escaped += code < 0x80 ? 1 : 6;
  }
  return { utf8, escaped };
}

/** The members of an enum of @types/office-js's `Excel` namespace (`HorizontalAlignment` → Left, Center…). */
const ENUM_CACHE = new Map<string, Set<string>>();
export function officeEnum(name: string): Set<string> {
  let values = ENUM_CACHE.get(name);
  if (values) return values;
  const dts = readFileSync(
    require.resolve("@types/office-js/index.d.ts"),
    "utf8",
  );
  const at = dts.indexOf(
    `enum ${name} {`,
    dts.indexOf("declare namespace Excel {"),
  );
  if (at < 0) throw new Error(`no enum ${name}`);
  values = new Set(
    [...dts.slice(at, dts.indexOf("}", at)).matchAll(/= "(\w+)"/g)].map(
      (m) => m[1]!,
    ),
  );
  ENUM_CACHE.set(name, values);
  return values;
}

function checkEnum(name: string, value: unknown): void {
  if (typeof value !== "string" || !officeEnum(name).has(value))
    throw officeError(
      "InvalidArgument",
      `${String(value)} is not an Excel.${name}`,
    );
}

/** Excel's rule for a sheet name. @throws InvalidArgument */
export function checkSheetName(name: string): void {
  if (
    name.length === 0 ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  )
    throw officeError("InvalidArgument", `invalid sheet name ${name}`);
}

/** Format properties whose values are Excel enums. */
const FORMAT_ENUMS: Record<string, string> = {
  horizontalAlignment: "HorizontalAlignment",
  verticalAlignment: "VerticalAlignment",
  "font.underline": "RangeUnderlineStyle",
  style: "BorderLineStyle",
  weight: "BorderWeight",
};

const jsonBytes = (x: unknown) => payloadSizes(x).escaped;

/** One cell: its value (a formula's cached value), formula (with `=`), number format and other formats. */
export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  formats?: Record<string, unknown>;
}

/** A conditional format of a sheet. */
export interface FakeConditionalFormat {
  id: string;
  type: string;
  address: string;
  formula?: string;
  fill?: string;
  /** Border style per edge (`EdgeTop` → `Continuous`). */
  borders?: Record<string, string>;
}

/** One sheet of the fake workbook. */
export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  /** Sheet-scoped defined names. */
  names: { name: string; formula: string; comment?: string }[];
  merges: string[];
  conditionalFormats: FakeConditionalFormat[];
  /** Formats of whole columns (`G:G` → columnWidth, wrapText). */
  columnFormats: Map<string, Record<string, unknown>>;
  merged: string[];
  page: any;
  /** Data validations written (address, rule, prompt, errorAlert). */
  validations: {
    address: string;
    rule?: unknown;
    prompt?: unknown;
    errorAlert?: unknown;
  }[];
  /** The range the auto filter was applied to. */
  autoFilter?: string;
  /** Frozen rows/columns as set. */
  freeze?: string;
  /** Hidden rows and columns, 0-based (a row hidden by a filter is a hidden row too). */
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
}

/** One request (sync): what it loaded and its size. */
export interface FakeRequest {
  loads: { sheet: string; address: string; props: string }[];
  bytes: number;
  cells: number;
}

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

interface Bounds {
  r: number;
  c: number;
  rows: number;
  cols: number;
}

function boundsOf(address: string): Bounds {
  const bare = address.replace(/^.*!/, "").replace(/\$/g, "");
  const whole = /^(\d+):(\d+)$/.exec(bare);
  if (whole)
    return {
      r: Number(whole[1]) - 1,
      c: 0,
      rows: Number(whole[2]) - Number(whole[1]) + 1,
      cols: MAX_COL + 1,
    };
  const col = /^([A-Z]+):([A-Z]+)$/i.exec(bare);
  if (col) {
    const s = parseA1(`${col[1]}1`).c;
    const e = parseA1(`${col[2]}1`).c;
    return { r: 0, c: s, rows: MAX_ROW + 1, cols: e - s + 1 };
  }
  const [from, to = from] = bare.split(":") as [string, string?];
  const s = parseA1(from);
  const e = parseA1(to!);
  return { r: s.r, c: s.c, rows: e.r - s.r + 1, cols: e.c - s.c + 1 };
}

function addressOf(b: Bounds): string {
  const first = a1(b.r, b.c);
  return b.rows === 1 && b.cols === 1
    ? first
    : `${first}:${a1(b.r + b.rows - 1, b.c + b.cols - 1)}`;
}

const key = (r: number, c: number) => `${r},${c}`;

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The state of the fake and its controls. */
export class FakeExcel {
  name = "测试.xlsx";
  sheets: FakeSheet[] = [];
  names: { name: string; formula: string; comment?: string }[] = [];
  active = "";
  selection: { sheet: string; address: string } | undefined;
  syncs = 0;
  runs = 0;
  requests: FakeRequest[] = [];
  /** Highest ExcelApi minor version `isSetSupported` answers true for (default 14: ExcelApi 1.14). */
  apiMinor = 14;
  /** `Office.context.diagnostics`: the host, platform (Office.PlatformType) and version Office reports. */
  diagnostics = { host: "Excel", platform: "PC", version: "16.0.17928.20114" };
  /** The user is editing a cell: batches fail with InvalidOperationInCellEditMode (or wait, with delayForCellEdit). */
  cellEditMode = false;
  /** A user edit fires no onChanged (a dropdown pick in Excel on the web). */
  lostEvents = false;
  /** Events carry no `triggerSource` (before ExcelApi 1.14). */
  noTriggerSource = false;
  /** `context.runtime.enableEvents` of the add-in. */
  eventsEnabled = true;
  /** Change events the add-in's own writes raised (sheet, address) while its events were enabled. */
  ownEvents: { sheet: string; address: string }[] = [];
  /** Fails the next sync whose queued operations include one for which `when` says true (then clears itself). */
  failNext: { code: string; when: (op: string) => boolean } | undefined;
  private editEnded: (() => void)[] = [];

  /** The user leaves cell-edit mode: delayed batches run. */
  endCellEdit(): void {
    this.cellEditMode = false;
    for (const go of this.editEnded.splice(0)) go();
  }

  /** Resolves when the user is not editing a cell. */
  whenNotEditing(): Promise<void> {
    return this.cellEditMode
      ? new Promise((resolve) => this.editEnded.push(resolve))
      : Promise.resolve();
  }

  /** A user edit: the cells change, then onChanged fires (unless {@link lostEvents}). */
  async userEdit(
    sheet: string,
    address: string,
    rows: (FakeCell | string | number | null)[][],
  ): Promise<void> {
    this.edit(sheet, address, rows);
    const { r, c } = parseA1(address);
    const area = addressOf({
      r,
      c,
      rows: rows.length,
      cols: Math.max(1, ...rows.map((x) => x.length)),
    });
    if (!this.lostEvents)
      await this.fire("onChanged", this.changed(sheet, area));
  }
  handlers: Record<string, ((args: any) => Promise<unknown>)[]> = {
    onChanged: [],
    onSelectionChanged: [],
    onActivated: [],
    onAdded: [],
    onDeleted: [],
    onRowHiddenChanged: [],
  };
  private nextId = 1;

  /** Adds a sheet with cells given as rows of values (a string starting with `=` is not a formula here: use `cell`). */
  addSheet(
    name: string,
    rows: (FakeCell | string | number | boolean | null | undefined)[][] = [],
  ): FakeSheet {
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      visibility: "Visible",
      cells: new Map(),
      names: [],
      merges: [],
      conditionalFormats: [],
      columnFormats: new Map(),
      merged: [],
      validations: [],
      hiddenRows: new Set(),
      hiddenCols: new Set(),
      page: new OfficeMockObject({
        headersFooters: { defaultForAllPages: {} },
      }),
    };
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        sheet.cells.set(
          key(r, c),
          typeof v === "object" ? { ...v } : { value: v },
        );
      }),
    );
    this.sheets.push(sheet);
    if (!this.active) this.active = name;
    return sheet;
  }

  /** Adds a core grid sheet (test/helpers): value (or error text), formula, number format of each cell. */
  addCoreSheet(sheet: Sheet): FakeSheet {
    const fake = this.addSheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        fake.cells.set(key(r, c), {
          value: cell.e ?? cell.v ?? "",
          ...(cell.f !== undefined ? { formula: `=${cell.f}` } : {}),
          ...(cell.z !== undefined ? { numberFormat: cell.z } : {}),
        });
      }),
    );
    fake.merges = sheet.merges.map((m) =>
      addressOf({
        r: m.s.r,
        c: m.s.c,
        rows: m.e.r - m.s.r + 1,
        cols: m.e.c - m.s.c + 1,
      }),
    );
    if (sheet.hidden) fake.visibility = "Hidden";
    fake.hiddenRows = new Set(sheet.hiddenRows);
    fake.hiddenCols = new Set(sheet.hiddenCols);
    return fake;
  }

  /** A fake workbook holding the sheets of a core workbook. */
  static of(wb: Workbook): FakeExcel {
    const fake = new FakeExcel();
    fake.name = wb.fileName;
    for (const s of wb.sheets) fake.addCoreSheet(s);
    return fake;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find(
      (x) => x.name.toLowerCase() === name.toLowerCase(),
    );
    if (!s) throw new Error(`ItemNotFound: sheet ${name}`);
    return s;
  }

  /** The cell at an A1 address of a sheet (undefined when empty). */
  cell(sheet: string, address: string): FakeCell | undefined {
    const { r, c } = parseA1(address);
    return this.sheet(sheet).cells.get(key(r, c));
  }

  /** Sets cells as a user would (no event): values from `address` (top-left) on. */
  edit(
    sheet: string,
    address: string,
    rows: (FakeCell | string | number | null)[][],
  ): void {
    const s = this.sheet(sheet);
    const { r, c } = parseA1(address);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const k = key(r + i, c + j);
        const old = s.cells.get(k);
        if (v === null || v === "") {
          if (old?.formats)
            s.cells.set(k, {
              value: "",
              formats: old.formats,
              numberFormat: old.numberFormat,
            });
          else s.cells.delete(k);
        } else if (typeof v === "object") s.cells.set(k, { ...v });
        else
          s.cells.set(k, { ...old, value: v, formula: undefined } as FakeCell);
      }),
    );
  }

  /**
   * The user hides (or, with `hidden` false, shows) rows, 0-based: Excel fires onRowHiddenChanged with the rows'
   * address (ExcelApi 1.11).
   */
  async userHideRows(
    sheet: string,
    first: number,
    count: number,
    hidden = true,
  ): Promise<void> {
    const s = this.sheet(sheet);
    for (let r = first; r < first + count; r++)
      if (hidden) s.hiddenRows.add(r);
      else s.hiddenRows.delete(r);
    await this.fire("onRowHiddenChanged", {
      worksheetId: s.id,
      address: `${first + 1}:${first + count}`,
      changeType: hidden ? "Hidden" : "Unhidden",
      source: "Local",
      type: "WorksheetRowHiddenChanged",
    });
  }

  /** The user hides columns, 0-based: Excel fires no event for it. */
  hideColumns(sheet: string, first: number, count: number): void {
    const s = this.sheet(sheet);
    for (let c = first; c < first + count; c++) s.hiddenCols.add(c);
  }

  /**
   * Inserts `count` empty grid rows before row `first` (0-based) as Excel's 插入工作表行 does: the cells at and below
   * it move down. Only cells are modelled: Excel would also shift references in formulas to the moved rows, which
   * the fake does not, so it refuses (throws) when a formula refers to a row number at or below `first` (whole
   * columns such as `J:J` and `ROW()` need no shifting).
   */
  insertRows(sheet: string, first: number, count: number): void {
    const s = this.sheet(sheet);
    for (const cell of s.cells.values())
      for (const m of (cell.formula ?? "").matchAll(/\$?[A-Z]{1,3}\$?(\d+)/g))
        if (Number(m[1]) > first)
          throw new Error(`the fake cannot shift ${m[0]} in ${cell.formula}`);
    const moved = new Map<string, FakeCell>();
    for (const [k, v] of s.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      moved.set(r < first ? k : key(r + count, c), v);
    }
    s.cells = moved;
  }

  /** Deletes grid rows (0-based, inclusive) as Excel does: the rows below move up. */
  deleteRows(sheet: string, first: number, count: number): void {
    const s = this.sheet(sheet);
    const moved = new Map<string, FakeCell>();
    for (const [k, v] of s.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      if (r < first) moved.set(k, v);
      else if (r >= first + count) moved.set(key(r - count, c), v);
    }
    s.cells = moved;
  }

  /** Calls the handlers the code registered for an event (as Excel would, later than the write). */
  async fire(
    event: keyof FakeExcel["handlers"],
    args: Record<string, unknown>,
  ): Promise<void> {
    for (const h of this.handlers[event]!) await h(args);
  }

  /** `onChanged` args for an edit of `address` on a sheet. */
  changed(
    sheet: string,
    address: string,
    extra: Record<string, unknown> = {},
  ): Record<string, unknown> {
    return {
      worksheetId: this.sheet(sheet).id,
      address,
      changeType: "RangeEdited",
      source: "Local",
      type: "WorksheetChanged",
      ...(this.noTriggerSource ? {} : { triggerSource: "Unknown" }),
      ...extra,
    };
  }

  /** Everything a user sees of the cells, formats and conditional formats of every sheet (for before/after). */
  snapshot(): string {
    return JSON.stringify(
      this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells].sort(([a], [b]) => (a < b ? -1 : 1)),
        conditionalFormats: s.conditionalFormats,
        columnFormats: [...s.columnFormats],
        names: s.names,
      })),
    );
  }

  usedBounds(sheet: FakeSheet): Bounds {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of sheet.cells) {
      if (cell.value === "" && !cell.formula) continue;
      const [r, c] = k.split(",").map(Number) as [number, number];
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return r1 < 0
      ? { r: 0, c: 0, rows: 1, cols: 1 }
      : { r: r0, c: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  newId(): string {
    return `{cf-${this.nextId++}}`;
  }
}

/** A request being built: queued operations, run in order at sync. */
class Batch {
  ops: { run: () => void; label: string }[] = [];
  request: FakeRequest = { loads: [], bytes: 0, cells: 0 };
  /** What the request carries (written values), both ways of counting. */
  sent = { utf8: 0, escaped: 0 };
  /** What the response carries (loaded values). */
  received = { utf8: 0, escaped: 0 };
}

function makeContext(fake: FakeExcel, delayForCellEdit: boolean): any {
  let batch = new Batch();
  let running: Batch | undefined;
  const context: any = {
    async sync() {
      fake.syncs++;
      running = batch;
      batch = new Batch();
      try {
        if (fake.cellEditMode) {
          if (!delayForCellEdit)
            throw officeError(
              "InvalidOperationInCellEditMode",
              "The operation is not allowed while in cell edit mode.",
            );
          await fake.whenNotEditing();
        }
        if (Math.max(running.sent.utf8, running.sent.escaped) > PAYLOAD_LIMIT)
          throw officeError("RequestPayloadSizeLimitExceeded");
        const fail = fake.failNext;
        for (const op of running.ops) {
          if (fail && fail.when(op.label)) {
            fake.failNext = undefined;
            throw officeError(fail.code, `${fail.code} at ${op.label}`);
          }
          op.run();
        }
        if (
          Math.max(running.received.utf8, running.received.escaped) >
          PAYLOAD_LIMIT
        )
          throw officeError("ResponsePayloadSizeLimitExceeded");
      } finally {
        fake.requests.push(running.request);
        running = undefined;
      }
    },
  };
  const queue: Queue = (op, label = "op") => batch.ops.push({ run: op, label });
  const request = () => (running ?? batch).request;
  const count = (to: "sent" | "received", x: unknown) => {
    const b = running ?? batch;
    const size = payloadSizes(x);
    b[to].utf8 += size.utf8;
    b[to].escaped += size.escaped;
  };
  context.workbook = makeWorkbook(fake, queue, request, context, count);
  context.runtime = {
    set enableEvents(v: boolean) {
      queue(() => (fake.eventsEnabled = v), "runtime.enableEvents");
    },
  };
  return context;
}

type Queue = (op: () => void, label?: string) => void;
type Count = (to: "sent" | "received", x: unknown) => void;

/** A collection's `items`, readable only after a load and sync (PropertyNotLoaded otherwise). */
function loadedItems(): { items: any[]; set(items: any[]): void } {
  let items: any[] | undefined;
  return {
    get items() {
      if (!items) throw officeError("PropertyNotLoaded", "items");
      return items;
    },
    set(v) {
      items = v;
    },
  };
}

/** The property names of `load("items/name,items/id")` or `load("name,id")`. */
function loadedProps(props: string): string[] {
  return props.split(",").map((p) => p.trim().replace(/^items\//, ""));
}

/** An object whose listed properties are readable; any other throws PropertyNotLoaded. */
function loadedObject(values: Record<string, unknown>, props: string[]): any {
  const out: any = {};
  for (const key of Object.keys(values))
    Object.defineProperty(out, key, {
      get() {
        if (!props.includes(key)) throw officeError("PropertyNotLoaded", key);
        return values[key];
      },
    });
  return out;
}

function makeWorkbook(
  fake: FakeExcel,
  queue: Queue,
  request: () => FakeRequest,
  context: any,
  count: Count,
): any {
  // Like Office.js, a proxy stands for the sheet it first resolved to (a later rename or a new sheet of the same
  // name does not change which sheet it is).
  const sheetProxy = (find: () => FakeSheet) => {
    let resolved: FakeSheet | undefined;
    return makeSheet(
      fake,
      () => (resolved ??= find()),
      queue,
      request,
      context,
      count,
    );
  };
  const sheetItems = loadedItems();
  const worksheets: any = {
    get items() {
      return sheetItems.items;
    },
    load(props: string) {
      queue(() => {
        const wanted = loadedProps(props);
        sheetItems.set(
          fake.sheets.map((s) => {
            const p = sheetProxy(() => s);
            p.setLoaded(
              Object.fromEntries(wanted.map((k) => [k, (s as any)[k]])),
            );
            return p;
          }),
        );
        const data = fake.sheets.map((s) => wanted.map((k) => (s as any)[k]));
        request().bytes += jsonBytes(data);
        count("received", data);
      }, "worksheets.load");
    },
    getItem: (name: string) => sheetProxy(() => fake.sheet(name)),
    getActiveWorksheet: () => sheetProxy(() => fake.sheet(fake.active)),
    add(name: string) {
      let created: FakeSheet | undefined;
      queue(() => {
        checkSheetName(name);
        if (
          fake.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())
        )
          throw officeError("ItemAlreadyExists", `sheet ${name}`);
        created = fake.addSheet(name);
      }, `worksheets.add:${name}`);
      return sheetProxy(() => created!);
    },
  };
  for (const event of Object.keys(fake.handlers)) {
    worksheets[event] = {
      add(handler: (args: any) => Promise<unknown>) {
        queue(() => fake.handlers[event]!.push(handler), `${event}.add`);
        return {
          context,
          remove() {
            queue(() => {
              fake.handlers[event] = fake.handlers[event]!.filter(
                (h) => h !== handler,
              );
            }, `${event}.remove`);
          },
        };
      },
    };
  }
  const nameItems = loadedItems();
  const nameItem = (name: string) => ({
    delete() {
      queue(() => {
        if (!fake.names.some((n) => n.name === name))
          throw officeError("ItemNotFound", `name ${name}`);
        fake.names = fake.names.filter((n) => n.name !== name);
      }, `names.delete:${name}`);
    },
  });
  const names: any = {
    get items() {
      return nameItems.items;
    },
    load(props = "items/name,items/formula") {
      queue(() => {
        const wanted = loadedProps(props);
        nameItems.set(
          fake.names.map((n) =>
            Object.assign(
              loadedObject({ name: n.name, formula: n.formula }, wanted),
              { delete: () => nameItem(n.name).delete() },
            ),
          ),
        );
        request().bytes += jsonBytes(fake.names);
        count("received", fake.names);
      }, "names.load");
    },
    add(name: string, ref: any, comment?: string) {
      queue(() => {
        if (fake.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw officeError("ItemAlreadyExists", `name ${name}`);
        fake.names.push({
          name,
          formula: typeof ref === "string" ? ref : `=${ref.reference()}`,
          comment,
        });
      }, `names.add:${name}`);
    },
    getItem: nameItem,
  };
  const workbook: any = {
    worksheets,
    names,
    loadedName: undefined,
    load() {
      queue(() => (workbook.loadedName = fake.name), "workbook.load");
    },
    get name() {
      if (workbook.loadedName === undefined)
        throw officeError("PropertyNotLoaded", "name");
      return workbook.loadedName;
    },
  };
  return workbook;
}

function makeSheet(
  fake: FakeExcel,
  find: () => FakeSheet,
  queue: Queue,
  request: () => FakeRequest,
  context: any,
  count: Count,
): any {
  const loaded = new Map<string, unknown>();
  const read = (prop: string): any => {
    if (!loaded.has(prop)) throw officeError("PropertyNotLoaded", prop);
    return loaded.get(prop);
  };
  const range = (bounds: () => Bounds) =>
    makeRange(fake, find, bounds, queue, request, count);
  const nameItems = loadedItems();
  const names: any = {
    get items() {
      return nameItems.items;
    },
    load(props = "items/name") {
      queue(() => {
        const s = find();
        const wanted = loadedProps(props);
        nameItems.set(
          s.names.map((n) =>
            loadedObject({ name: n.name, formula: n.formula }, wanted),
          ),
        );
        request().bytes += jsonBytes(s.names);
        count("received", s.names);
      }, "sheet.names.load");
    },
    add(name: string, ref: any, comment?: string) {
      queue(() => {
        const s = find();
        if (s.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw officeError("ItemAlreadyExists", `name ${name}`);
        s.names.push({ name, formula: `=${ref.reference()}`, comment });
      }, `sheet.names.add:${name}`);
    },
  };
  const sheet: any = {
    setLoaded(values: Record<string, unknown>) {
      for (const [k, v] of Object.entries(values)) loaded.set(k, v);
    },
    load(props: string) {
      queue(() => {
        const s = find();
        for (const p of props.split(","))
          loaded.set(p.trim(), (s as any)[p.trim()]);
      }, "sheet.load");
    },
    get name() {
      return read("name");
    },
    set name(v: string) {
      queue(() => {
        const s = find();
        checkSheetName(v);
        if (
          fake.sheets.some(
            (x) => x !== s && x.name.toLowerCase() === v.toLowerCase(),
          )
        )
          throw officeError("ItemAlreadyExists", `sheet ${v}`);
        const old = s.name;
        s.name = v;
        if (fake.active === old) fake.active = v;
        for (const n of fake.names)
          n.formula = n.formula
            .split(`${quoteSheet(old)}!`)
            .join(`${quoteSheet(v)}!`);
      });
    },
    get id() {
      return read("id");
    },
    get visibility() {
      return read("visibility");
    },
    set visibility(v: FakeSheet["visibility"]) {
      queue(() => {
        checkEnum("SheetVisibility", v);
        find().visibility = v;
      }, "sheet.visibility");
    },
    freezePanes: {
      freezeRows(n: number) {
        queue(() => (find().freeze = `rows:${n}`), "freezeRows");
      },
      freezeAt(address: string) {
        queue(() => (find().freeze = address), "freezeAt");
      },
    },
    autoFilter: {
      apply(target: any) {
        queue(() => (find().autoFilter = target.addressOf()), "autoFilter");
      },
    },
    names,
    getRange: (address?: string) =>
      range(() =>
        address
          ? boundsOf(address)
          : { r: 0, c: 0, rows: MAX_ROW + 1, cols: MAX_COL + 1 },
      ),
    getRangeByIndexes: (r: number, c: number, rows: number, cols: number) =>
      range(() => ({ r, c, rows, cols })),
    getUsedRange: () => range(() => fake.usedBounds(find())),
    getRanges(addresses: string) {
      return {
        conditionalFormats: {
          add: (type: string) =>
            addConditionalFormat(fake, find, queue, addresses, type),
        },
      };
    },
    activate() {
      queue(() => (fake.active = find().name));
    },
    delete() {
      queue(() => {
        const s = find();
        if (!fake.sheets.includes(s))
          throw officeError("ItemNotFound", `sheet ${s.name}`);
        fake.sheets = fake.sheets.filter((x) => x !== s);
        if (fake.active === s.name) fake.active = fake.sheets[0]?.name ?? "";
        for (const n of fake.names)
          if (
            n.formula.includes(`${quoteSheet(s.name)}!`) ||
            n.formula.startsWith(`=${s.name}!`)
          )
            n.formula = n.formula.replace(/^=.*!/, "=#REF!");
      }, "sheet.delete");
    },
    pageLayout: pageNode(() => find().page, queue),
  };
  void context;
  return sheet;
}

/** `conditionalFormats.add(type)` of a range or of `getRanges` (custom rule: formula, fill, borders). */
function addConditionalFormat(
  fake: FakeExcel,
  find: () => FakeSheet,
  queue: Queue,
  address: string,
  type: string,
): any {
  const cf: FakeConditionalFormat = { id: fake.newId(), type, address };
  queue(() => {
    checkEnum("ConditionalFormatType", type);
    find().conditionalFormats.push(cf);
  }, "conditionalFormats.add");
  return {
    custom: {
      rule: {
        set formula(v: string) {
          queue(() => (cf.formula = v));
        },
      },
      format: {
        fill: {
          set color(v: string) {
            queue(() => (cf.fill = v));
          },
        },
        borders: {
          getItem(edge: string) {
            queue(
              () => checkEnum("ConditionalRangeBorderIndex", edge),
              "cf.borders.getItem",
            );
            return {
              set style(v: string) {
                queue(() => {
                  checkEnum("ConditionalRangeBorderLineStyle", v);
                  cf.borders = { ...cf.borders, [edge]: v };
                }, "cf.border.style");
              },
            };
          },
        },
      },
    },
  };
}

/** {@link queuedNode} for pageLayout, checking its enums (orientation, paper size). */
function pageNode(target: () => any, queue: Queue): any {
  const node = queuedNode(target, queue);
  return new Proxy(node, {
    get: (t, prop: string) => t[prop],
    set(t, prop: string, value) {
      if (prop === "orientation")
        queue(() => checkEnum("PageOrientation", value), "page.orientation");
      if (prop === "paperSize")
        queue(() => checkEnum("PaperType", value), "page.paperSize");
      t[prop] = value;
      return true;
    },
  });
}

/**
 * A property bag whose writes (and `set…` method calls) are queued until the sync, then applied to the object
 * `target()` gives at that time (page setup of a sheet added in the same batch).
 */
function queuedNode(target: () => any, queue: Queue, path: string[] = []): any {
  const resolve = () => path.reduce((o, p) => o[p], target());
  return new Proxy(
    {},
    {
      get(_t, prop: string) {
        if (prop.startsWith("set"))
          return (value: unknown) =>
            queue(() => {
              resolve()[prop.slice(3, 4).toLowerCase() + prop.slice(4)] = value;
            });
        return queuedNode(target, queue, [...path, prop]);
      },
      set(_t, prop: string, value) {
        queue(() => {
          resolve()[prop] = value;
        });
        return true;
      },
    },
  );
}

function makeRange(
  fake: FakeExcel,
  find: () => FakeSheet,
  bounds: () => Bounds,
  queue: Queue,
  request: () => FakeRequest,
  count: Count,
): any {
  const loaded = new Map<string, unknown>();
  const read = (prop: string): any => {
    if (!loaded.has(prop)) throw officeError("PropertyNotLoaded", prop);
    return loaded.get(prop);
  };
  const sub = (f: (b: Bounds) => Bounds) =>
    makeRange(fake, find, () => f(bounds()), queue, request, count);
  const grid = (f: (cell: FakeCell | undefined) => unknown) => {
    const b = bounds();
    const s = find();
    return Array.from({ length: b.rows }, (_, i) =>
      Array.from({ length: b.cols }, (_, j) =>
        f(s.cells.get(key(b.r + i, b.c + j))),
      ),
    );
  };
  const eachCell = (f: (cell: FakeCell, r: number, c: number) => void) => {
    const b = bounds();
    const s = find();
    if (b.rows * b.cols > 1_000_000) {
      // A whole sheet or column: visit the cells that exist (enough for clearing).
      for (const [k, cell] of [...s.cells]) {
        const [r, c] = k.split(",").map(Number) as [number, number];
        if (r >= b.r && r < b.r + b.rows && c >= b.c && c < b.c + b.cols)
          f(cell, r - b.r, c - b.c);
      }
      return;
    }
    for (let i = 0; i < b.rows; i++)
      for (let j = 0; j < b.cols; j++) {
        const k = key(b.r + i, b.c + j);
        const cell = s.cells.get(k) ?? { value: "" };
        f(cell, i, j);
        if (
          cell.value !== "" ||
          cell.formula ||
          cell.numberFormat ||
          cell.formats
        )
          s.cells.set(k, cell);
      }
  };
  const write = (
    prop: "values" | "formulas" | "numberFormat",
    data: unknown[][],
  ) => {
    count("sent", data);
    queue(() => {
      const b = bounds();
      if (
        !Array.isArray(data) ||
        data.length !== b.rows ||
        data.some((row) => !Array.isArray(row) || row.length !== b.cols)
      )
        throw officeError(
          "InvalidArgument",
          `${prop}: the array's shape does not match ${addressOf(b)}`,
        );
      request().bytes += jsonBytes(data);
      if (fake.eventsEnabled && prop !== "numberFormat")
        fake.ownEvents.push({ sheet: find().name, address: addressOf(b) });
      eachCell((cell, i, j) => {
        const v = data[i]![j] as string | number | boolean;
        if (prop === "numberFormat") cell.numberFormat = String(v);
        else if (
          typeof v === "string" &&
          v.startsWith("=") &&
          cell.numberFormat !== "@"
        ) {
          cell.formula = v;
          const link = /^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$/.exec(
            v,
          );
          cell.value = link ? link[1]!.replace(/""/g, '"') : 0;
        } else {
          cell.value = v;
          delete cell.formula;
        }
      });
    }, `range.${prop}`);
  };
  const setFormat = (path: string, value: unknown) =>
    queue(() => {
      const leaf = path.replace(/^borders\.\w+\./, "");
      const e = FORMAT_ENUMS[leaf];
      if (e) checkEnum(e, value);
      if (/color$/i.test(leaf) && !/^#[0-9A-F]{6}$/i.test(String(value)))
        throw officeError("InvalidArgument", `colour ${String(value)}`);
      const b = bounds();
      if (b.rows > MAX_ROW) {
        const s = find();
        const col = addressOf({ ...b, rows: 1 }).replace(/\d+/g, "");
        s.columnFormats.set(col, {
          ...s.columnFormats.get(col),
          [path]: value,
        });
        return;
      }
      eachCell((cell) => (cell.formats = { ...cell.formats, [path]: value }));
    });
  const formatNode = (path: string): any =>
    new Proxy(
      {},
      {
        get(_t, prop: string) {
          if (prop === "getItem")
            return (edge: string) => {
              queue(() => checkEnum("BorderIndex", edge), "borders.getItem");
              // `path` is `borders.` here: the edge's properties are `borders.EdgeTop.style`, checked as `style`.
              return formatNode(`${path}${edge}.`);
            };
          return formatNode(`${path}${prop}.`);
        },
        set(_t, prop: string, value) {
          setFormat(`${path}${prop}`, value);
          return true;
        },
      },
    );
  /** The validation record of this range (one per address). */
  const validation = () => {
    const s = find();
    const address = addressOf(bounds());
    let v = s.validations.find((x) => x.address === address);
    if (!v) s.validations.push((v = { address }));
    return v;
  };
  const range: any = {
    addressOf: () => addressOf(bounds()),
    reference: () =>
      `${quoteSheet(find().name)}!${addressOf(bounds()).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`,
    load(props: string) {
      queue(() => {
        const b = bounds();
        const s = find();
        const entry: Record<string, unknown> = {};
        for (const p of props.split(",").map((x) => x.trim())) {
          if (p === "values") entry[p] = grid((c) => c?.value ?? "");
          else if (p === "formulas")
            entry[p] = grid((c) => c?.formula ?? c?.value ?? "");
          else if (p === "numberFormat")
            entry[p] = grid((c) => c?.numberFormat ?? "General");
          else if (p === "rowIndex") entry[p] = b.r;
          else if (p === "columnIndex") entry[p] = b.c;
          else if (p === "rowCount") entry[p] = b.rows;
          else if (p === "columnCount") entry[p] = b.cols;
          else if (p === "address")
            entry[p] = `${quoteSheet(s.name)}!${addressOf(b)}`;
          else if (p === "rowHidden")
            entry[p] = allOrNone(s.hiddenRows, b.r, b.rows);
          else if (p === "columnHidden")
            entry[p] = allOrNone(s.hiddenCols, b.c, b.cols);
          else throw officeError("InvalidArgument", `unexpected load ${p}`);
        }
        for (const [k, v] of Object.entries(entry)) loaded.set(k, v);
        const req = request();
        req.loads.push({ sheet: s.name, address: addressOf(b), props });
        req.bytes += jsonBytes(entry);
        count("received", entry);
        if (Array.isArray(entry.values ?? entry.formulas))
          req.cells += b.rows * b.cols;
      }, "range.load");
    },
    get values() {
      return read("values");
    },
    set values(v: unknown[][]) {
      write("values", v);
    },
    get formulas() {
      return read("formulas");
    },
    set formulas(v: unknown[][]) {
      write("formulas", v);
    },
    get numberFormat() {
      return read("numberFormat");
    },
    set numberFormat(v: unknown[][]) {
      write("numberFormat", v);
    },
    get rowIndex() {
      return read("rowIndex");
    },
    get columnIndex() {
      return read("columnIndex");
    },
    get rowCount() {
      return read("rowCount");
    },
    get columnCount() {
      return read("columnCount");
    },
    get address() {
      return read("address");
    },
    get rowHidden() {
      return read("rowHidden");
    },
    get columnHidden() {
      return read("columnHidden");
    },
    getSpecialCells: (type: string) =>
      specialCells(find, bounds, queue, count, type, false),
    getSpecialCellsOrNullObject: (type: string) =>
      specialCells(find, bounds, queue, count, type, true),
    format: formatNode(""),
    getRow: (i: number) => sub((b) => ({ ...b, r: b.r + i, rows: 1 })),
    getResizedRange: (dr: number, dc: number) =>
      sub((b) => ({ ...b, rows: b.rows + dr, cols: b.cols + dc })),
    merge(across: boolean) {
      queue(() =>
        find().merged.push(`${addressOf(bounds())}${across ? " across" : ""}`),
      );
    },
    select() {
      queue(
        () =>
          (fake.selection = {
            sheet: find().name,
            address: addressOf(bounds()),
          }),
      );
    },
    clear(what: string) {
      queue(() => {
        checkEnum("ClearApplyTo", what);
        if (what !== "Contents") throw new Error(`unexpected clear ${what}`);
        eachCell((cell) => {
          cell.value = "";
          delete cell.formula;
        });
      });
    },
    getMergedAreasOrNullObject() {
      const areas: any = {
        isNullObject: undefined,
        address: undefined,
        load() {
          queue(() => {
            const s = find();
            const b = bounds();
            const inside = s.merges.filter((m) => {
              const a = boundsOf(m);
              return (
                a.r < b.r + b.rows &&
                a.r + a.rows > b.r &&
                a.c < b.c + b.cols &&
                a.c + a.cols > b.c
              );
            });
            if (inside.length > 512)
              throw officeError(
                "GeneralException",
                "more than 512 merged areas",
              );
            areas.isNullObject = inside.length === 0;
            areas.address = inside
              .map((m) => `${quoteSheet(s.name)}!${m}`)
              .join(",");
            count("received", areas.address);
          }, "getMergedAreas");
        },
      };
      return areas;
    },
    dataValidation: {
      set rule(rule: Record<string, any>) {
        queue(() => {
          const kinds = Object.keys(rule ?? {});
          if (kinds.length !== 1)
            throw officeError(
              "InvalidArgument",
              `validation rule with ${kinds.length} kinds`,
            );
          const r = rule[kinds[0]!];
          if (kinds[0] === "list" && String(r.source).length > 255)
            throw officeError(
              "InvalidArgument",
              "list source over 255 characters",
            );
          if (r?.operator !== undefined)
            checkEnum("DataValidationOperator", r.operator);
          validation().rule = rule;
        }, "dataValidation.rule");
      },
      set prompt(p: { title?: string; message?: string }) {
        queue(() => {
          if ((p.title ?? "").length > 32 || (p.message ?? "").length > 255)
            throw officeError("InvalidArgument", "prompt too long");
          validation().prompt = p;
        }, "dataValidation.prompt");
      },
      set errorAlert(e: { title?: string; message?: string; style?: string }) {
        queue(() => {
          if ((e.title ?? "").length > 32 || (e.message ?? "").length > 225)
            throw officeError("InvalidArgument", "error alert too long");
          if (e.style !== undefined)
            checkEnum("DataValidationAlertStyle", e.style);
          validation().errorAlert = e;
        }, "dataValidation.errorAlert");
      },
    },
    get conditionalFormats() {
      const collection: any = {
        items: undefined,
        add: (type: string) =>
          addConditionalFormat(fake, find, queue, addressOf(bounds()), type),
        load() {
          queue(() => {
            const s = find();
            collection.items = s.conditionalFormats.map((cf) =>
              makeConditionalFormat(cf, s, queue),
            );
          });
        },
      };
      return collection;
    },
  };
  void fake;
  return range;
}

/** true when every line of `first … first + count - 1` is in `hidden`, false when none is, null when some are. */
function allOrNone(
  hidden: ReadonlySet<number>,
  first: number,
  count: number,
): boolean | null {
  let n = 0;
  for (const line of hidden) if (line >= first && line < first + count) n++;
  return n === 0 ? false : n === count ? true : null;
}

/** Runs `[first, count]` of the lines of `first … first + count - 1` that are not hidden. */
function visibleRuns(
  hidden: ReadonlySet<number>,
  first: number,
  count: number,
): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = first; i < first + count; i++) {
    if (hidden.has(i)) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1]);
  }
  return runs;
}

/** `range.getSpecialCells(type)` / `…OrNullObject`: a RangeAreas of the visible cells (only "Visible" is modelled). */
function specialCells(
  find: () => FakeSheet,
  bounds: () => Bounds,
  queue: Queue,
  count: Count,
  type: string,
  orNull: boolean,
): any {
  const loaded = new Map<string, unknown>();
  const read = (prop: string): any => {
    if (!loaded.has(prop)) throw officeError("PropertyNotLoaded", prop);
    return loaded.get(prop);
  };
  return {
    load(props: string) {
      queue(() => {
        checkEnum("SpecialCellType", type);
        if (type !== "Visible")
          throw new Error(`unexpected special cells ${type}`);
        const s = find();
        const b = bounds();
        if (b.rows * b.cols > 1_000_000)
          throw new Error("unexpected special cells of a whole sheet");
        const rows = visibleRuns(s.hiddenRows, b.r, b.rows);
        const cols = visibleRuns(s.hiddenCols, b.c, b.cols);
        const areas = rows.flatMap(([r, nr]) =>
          cols.map(
            ([c, nc]) =>
              `${quoteSheet(s.name)}!${addressOf({ r, c, rows: nr, cols: nc })}`,
          ),
        );
        if (areas.length === 0 && !orNull)
          throw officeError("ItemNotFound", "no visible cells");
        loaded.set("isNullObject", areas.length === 0);
        for (const p of props.split(",").map((x) => x.trim())) {
          if (p !== "address" && p !== "areaCount")
            throw officeError("InvalidArgument", `unexpected load ${p}`);
          if (areas.length > 0)
            loaded.set(p, p === "address" ? areas.join(", ") : areas.length);
        }
        count("received", areas);
      }, "specialCells.load");
    },
    get isNullObject() {
      return read("isNullObject");
    },
    get address() {
      return read("address");
    },
    get areaCount() {
      return read("areaCount");
    },
  };
}

function makeConditionalFormat(
  cf: FakeConditionalFormat,
  sheet: FakeSheet,
  queue: Queue,
): any {
  const rule: any = {
    loadedFormula: undefined,
    load() {
      queue(() => (rule.loadedFormula = cf.formula));
    },
    get formula() {
      if (rule.loadedFormula === undefined)
        throw new Error("PropertyNotLoaded: formula");
      return rule.loadedFormula;
    },
  };
  return {
    type: cf.type,
    get custom() {
      if (cf.type !== "Custom")
        throw new Error("InvalidOperation: not a custom conditional format");
      return { rule };
    },
    delete() {
      queue(() => {
        sheet.conditionalFormats = sheet.conditionalFormats.filter(
          (x) => x !== cf,
        );
      });
    },
  };
}

/** Installs the `Excel` and `Office` globals of a fake workbook. */
export function installCheckFake(fake: FakeExcel = new FakeExcel()): FakeExcel {
  (globalThis as any).Excel = {
    async run(...args: any[]) {
      fake.runs++;
      const callback = args[args.length - 1] as (
        context: any,
      ) => Promise<unknown>;
      const first = args.length > 1 ? args[0] : undefined;
      const context =
        first && "workbook" in first
          ? first
          : makeContext(fake, first?.delayForCellEdit === true);
      return callback(context);
    },
  };
  (globalThis as any).Office = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (set: string, version: string) =>
          set === "ExcelApi" &&
          Number(version.split(".")[1] ?? 0) <= fake.apiMinor,
      },
    },
  });
  // A plain object, as office.js gives it (office-addin-mock would make it a proxy whose properties need a load).
  Object.defineProperty((globalThis as any).Office.context, "diagnostics", {
    get: () => fake.diagnostics,
  });
  return fake;
}

/** Removes the globals. */
export function uninstallCheckFake(): void {
  delete (globalThis as any).Excel;
  delete (globalThis as any).Office;
}
