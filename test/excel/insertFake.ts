/**
 * A fake Excel for the template inserter, built from office-addin-mock's OfficeMockObject (a property
 * bag: every object and method the code touches is declared here). What office-addin-mock cannot
 * express — objects created by calls (worksheets.add, getRange) and a cell model where writing a range
 * affects its cells — is added by hand: the methods create mocks and record them, and {@link project}
 * replays the recorded range writes onto cells for the assertions.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseA1 } from "../../src/core/grid";

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
];

/** A range the code asked for, with the mock it got (its properties hold what the code wrote). */
export interface RangeCall {
  address: string;
  mock: any;
}

/** A worksheet the code added. */
export interface AddedSheet {
  name: string;
  mock: any;
  ranges: RangeCall[];
  names: { name: string; ref: unknown; comment?: string }[];
}

export interface FakeExcel {
  /** context.sync() calls so far. */
  syncs: () => number;
  /** Excel.run calls so far. */
  runs: () => number;
  added: AddedSheet[];
  workbookNames: { name: string; ref: unknown; comment?: string }[];
  deletedNames: string[];
  /** Calls that reached an existing sheet (must stay empty). */
  touchedExisting: string[];
}

/** Address of every range mock handed out, to show what a defined name refers to. */
const addressOf = new WeakMap<object, string>();

/** A name's reference as text: a formula string as given, a range as `range:<address>`. */
function refText(ref: unknown): unknown {
  return typeof ref === "object" && ref !== null && addressOf.has(ref)
    ? `range:${addressOf.get(ref)}`
    : ref;
}

function rangeData(address: string): object {
  const borders: Record<string, unknown> = {
    getItem(this: any, edge: string) {
      return this[edge];
    },
  };
  for (const e of EDGES) borders[e] = { style: "", weight: "" };
  return {
    address,
    format: { font: {}, fill: {}, borders },
    dataValidation: {},
    merge(this: any, across: boolean) {
      this.merged = { across };
    },
  };
}

function sheetData(name: string, sheet: AddedSheet): object {
  return {
    name,
    names: {
      add(n: string, ref: unknown, comment?: string) {
        sheet.names.push({ name: n, ref: refText(ref), comment });
      },
    },
    autoFilter: {
      apply(this: any, range: unknown) {
        this.appliedTo = refText(range);
      },
    },
    freezePanes: {
      freezeRows(this: any, rows: number) {
        this.frozenRows = rows;
      },
    },
    pageLayout: {
      headersFooters: { defaultForAllPages: {} },
      setPrintTitleRows(this: any, rows: string) {
        this.printTitleRows = rows;
      },
    },
    getRange(address: string) {
      const mock = new OfficeMockObject(rangeData(address));
      addressOf.set(mock, address);
      sheet.ranges.push({ address, mock });
      return mock;
    },
    activate(this: any) {
      this.activated = true;
    },
  };
}

/**
 * Installs `Excel` and `Office` globals for a workbook with the given sheets and defined names.
 * @param options.excelApi19 whether `isSetSupported("ExcelApi", "1.9")` answers true (default true)
 * @param options.failOnSync a sync number (1-based) that rejects like Excel refusing a batch
 */
export function installFakeExcel(
  sheetNames: string[],
  workbookNames: string[] = [],
  options: { excelApi19?: boolean; failOnSync?: number } = {},
): FakeExcel {
  let syncs = 0;
  let runs = 0;
  const fake: FakeExcel = {
    syncs: () => syncs,
    runs: () => runs,
    added: [],
    workbookNames: [],
    deletedNames: [],
    touchedExisting: [],
  };
  // Existing sheets are frozen plain objects: any write to them throws.
  const items = sheetNames.map((name) => Object.freeze({ name }));
  const mock: any = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          items,
          load(this: any, what: string) {
            // office-addin-mock cannot load a scalar under an array ("items/name"): load the array.
            if (what !== "items/name")
              throw new Error(`unexpected load ${what}`);
            return OfficeMockObject.prototype.load.call(this, "items");
          },
          add(name: string) {
            const sheet: AddedSheet = {
              name,
              mock: undefined,
              ranges: [],
              names: [],
            };
            sheet.mock = new OfficeMockObject(sheetData(name, sheet));
            fake.added.push(sheet);
            return sheet.mock;
          },
          getItem(name: string) {
            fake.touchedExisting.push(name);
            throw new Error("the inserter must not reach existing sheets");
          },
        },
        names: {
          items: workbookNames.map((name) => Object.freeze({ name })),
          load(this: any, what: string) {
            if (what !== "items/name")
              throw new Error(`unexpected load ${what}`);
            return OfficeMockObject.prototype.load.call(this, "items");
          },
          add(name: string, ref: unknown, comment?: string) {
            fake.workbookNames.push({ name, ref: refText(ref), comment });
          },
          getItem(name: string) {
            return {
              delete() {
                fake.deletedNames.push(name);
              },
            };
          },
        },
      },
    },
    run: async function (
      this: any,
      callback: (context: unknown) => Promise<unknown>,
    ) {
      runs++;
      return callback(this.context);
    },
  });
  const realSync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    syncs++;
    if (syncs === options.failOnSync)
      throw new Error("InvalidArgument: The argument is invalid or missing.");
    await realSync();
  };
  (globalThis as any).Excel = mock;
  (globalThis as any).Office = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (set: string, version: string) =>
          set === "ExcelApi" &&
          Number(version) <= (options.excelApi19 === false ? 1.8 : 1.9),
      },
    },
  });
  return fake;
}

/** Removes the globals. */
export function uninstallFakeExcel(): void {
  delete (globalThis as any).Excel;
  delete (globalThis as any).Office;
}

/** What a cell ended up with after every recorded range write. */
export interface ProjectedCell {
  formula?: string | number;
  numberFormat?: string;
  bold?: boolean;
  size?: number;
  hAlign?: string;
  wrap?: boolean;
  fill?: string;
  /** Edges with a thin continuous border, including inside edges of its block. */
  borders: string[];
}

/** Bounds of an A1 range (`D5:D24`, `A1`); whole rows/columns are not cells and give undefined. */
function bounds(
  address: string,
): { r1: number; c1: number; r2: number; c2: number } | undefined {
  const [from, to = from] = address.split(":");
  if (!/\d/.test(from!) || !/[A-Z]/.test(from!)) return undefined;
  const s = parseA1(from!);
  const e = parseA1(to!);
  return { r1: s.r, c1: s.c, r2: e.r, c2: e.c };
}

/** Replays the range writes of `sheet`, in order, onto cells keyed `r,c` (0-based). */
export function project(sheet: AddedSheet): Map<string, ProjectedCell> {
  const cells = new Map<string, ProjectedCell>();
  const cell = (r: number, c: number) => {
    const key = `${r},${c}`;
    if (!cells.has(key)) cells.set(key, { borders: [] });
    return cells.get(key)!;
  };
  for (const { address, mock } of sheet.ranges) {
    const b = bounds(address);
    if (!b) continue;
    const f = mock.format;
    for (let r = b.r1; r <= b.r2; r++) {
      for (let c = b.c1; c <= b.c2; c++) {
        const x = cell(r, c);
        if (Array.isArray(mock.formulas))
          x.formula = mock.formulas[r - b.r1][c - b.c1];
        if (Array.isArray(mock.numberFormat))
          x.numberFormat = mock.numberFormat[r - b.r1][c - b.c1];
        if (typeof f.font.bold === "boolean") x.bold = f.font.bold;
        if (typeof f.font.size === "number") x.size = f.font.size;
        if (["Left", "Center", "Right"].includes(f.horizontalAlignment))
          x.hAlign = f.horizontalAlignment;
        if (typeof f.wrapText === "boolean") x.wrap = f.wrapText;
        if (typeof f.fill.color === "string" && f.fill.color.startsWith("#"))
          x.fill = f.fill.color;
        for (const e of EDGES) {
          const edge = f.borders[e];
          if (edge.style !== "Continuous") continue;
          const applies =
            (e === "EdgeTop" && r === b.r1) ||
            (e === "EdgeBottom" && r === b.r2) ||
            (e === "EdgeLeft" && c === b.c1) ||
            (e === "EdgeRight" && c === b.c2) ||
            (e === "InsideHorizontal" && b.r1 < b.r2) ||
            (e === "InsideVertical" && b.c1 < b.c2);
          if (applies) x.borders.push(e);
        }
      }
    }
  }
  return cells;
}

/** The range calls of a sheet at exactly `address`. */
export function rangesAt(sheet: AddedSheet, address: string): any[] {
  return sheet.ranges.filter((r) => r.address === address).map((r) => r.mock);
}
