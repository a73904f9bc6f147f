/**
 * Per-table facts: what the table rules, the workbook rules and the report aggregate over every row of a table (exact
 * column sums, rows by key for repeats and most common values, a rule family's own figures), kept in one plain object
 * per table (`TableContext.facts`). A fact is made from the rows the first time it is asked for, then kept current
 * row by row: the live re-check ({@link replaceRows}, from engine `checkTableRows`) hands over the rows it took out and
 * the rows it read, so an edit of one row of a 10,000-row table changes counts and sums instead of walking every row.
 *
 * A row's part in a fact is a pure function of the row's cells and readings (never of its record, its neighbours or
 * the rest of the table), so taking a row out works its part out again. Pure.
 */
import { ExactSum } from "../parse";
import { rowIndex, type DataRow, type TableContext } from "../model/table";

/** A fact about a table's rows that a row can join and leave. */
export interface RowFact {
  add(row: DataRow): void;
  remove(row: DataRow): void;
}

/** A kind of fact: how to make an empty one for a table (the rows are then added one by one). Its identity is its key. */
export interface FactKind<F extends RowFact> {
  make(ctx: TableContext): F;
}

/** The facts kept for one table. */
export interface TableFacts {
  /** The rows array the facts describe: when the table's `rows` is another array, they are made again. */
  rows: readonly DataRow[];
  made: Map<FactKind<RowFact>, RowFact>;
}

/**
 * The fact of `kind` about the table's current rows, made on first use.
 * @returns the same object for every call until the table's rows array is replaced other than by {@link replaceRows}
 */
export function factOf<F extends RowFact>(
  ctx: TableContext,
  kind: FactKind<F>,
): F {
  let facts = ctx.facts;
  if (!facts || facts.rows !== ctx.rows) {
    facts = { rows: ctx.rows, made: new Map() };
    ctx.facts = facts;
  }
  let fact = facts.made.get(kind) as F | undefined;
  if (!fact) {
    fact = kind.make(ctx);
    for (const r of ctx.rows) fact.add(r);
    facts.made.set(kind, fact);
  }
  return fact;
}

/**
 * Gives the table its new rows array and brings every fact made so far up to date: `removed` rows leave, `added`
 * rows join. Facts that did not describe the old rows array are dropped (made again on use).
 * @param rows the new rows, in grid order: the old ones without `removed`, with `added`
 */
export function replaceRows(
  ctx: TableContext,
  rows: DataRow[],
  removed: readonly DataRow[],
  added: readonly DataRow[],
): void {
  const facts = ctx.facts;
  const current = facts !== undefined && facts.rows === ctx.rows;
  ctx.rows = rows;
  if (!current) {
    delete ctx.facts;
    return;
  }
  for (const fact of facts.made.values()) {
    for (const r of removed) fact.remove(r);
    for (const r of added) fact.add(r);
  }
  facts.rows = rows;
}

/** Where `row` goes in `rows` (grid order) to keep them in order: its index when it is there. */
function placeOfRow(rows: readonly DataRow[], row: DataRow): number {
  const n = rows.length;
  return n === 0 || rows[n - 1]!.row < row.row ? n : rowIndex(rows, row.row);
}

/** Items of the rows that have one (at most one each), in grid order. */
export class RowItems<T> implements RowFact {
  /** The rows that have an item, in grid order; `list[i]` is the item of `rows[i]`. */
  private readonly rows: DataRow[] = [];
  private readonly list: T[] = [];
  constructor(private readonly itemOf: (row: DataRow) => T | undefined) {}
  add(row: DataRow): void {
    const item = this.itemOf(row);
    if (item === undefined) return;
    const i = placeOfRow(this.rows, row);
    if (i === this.rows.length) {
      this.rows.push(row);
      this.list.push(item);
    } else {
      this.rows.splice(i, 0, row);
      this.list.splice(i, 0, item);
    }
  }
  remove(row: DataRow): void {
    const i = rowIndex(this.rows, row.row);
    if (this.rows[i]?.row !== row.row) return;
    this.rows.splice(i, 1);
    this.list.splice(i, 1);
  }
  /** The items, in grid order (read only). */
  get items(): readonly T[] {
    return this.list;
  }
}

/** A group of {@link RowsByKey}: one row, or several in grid order. */
type Group = DataRow | DataRow[];
const rowsOf = (g: Group): readonly DataRow[] => (Array.isArray(g) ? g : [g]);
const sizeOf = (g: Group): number => (Array.isArray(g) ? g.length : 1);
const firstOf = (g: Group): DataRow => (Array.isArray(g) ? g[0]! : g);

/**
 * The rows of a table grouped by a key of each row (rows without a key are left out), each group in grid order. A key
 * on one row (a contract number) costs no list.
 */
export class RowsByKey implements RowFact {
  private readonly groups = new Map<string, Group>();
  /** The groups of more than one row. */
  private readonly shared = new Map<string, DataRow[]>();
  constructor(private readonly keyOf: (row: DataRow) => string | undefined) {}
  add(row: DataRow): void {
    const key = this.keyOf(row);
    if (key === undefined) return;
    const group = this.groups.get(key);
    if (group === undefined) {
      this.groups.set(key, row);
      return;
    }
    const list = Array.isArray(group) ? group : [group];
    const i = placeOfRow(list, row);
    if (i === list.length) list.push(row);
    else list.splice(i, 0, row);
    this.groups.set(key, list);
    this.shared.set(key, list);
  }
  remove(row: DataRow): void {
    const key = this.keyOf(row);
    const group = key === undefined ? undefined : this.groups.get(key);
    if (group === undefined) return;
    if (!Array.isArray(group)) {
      if (group.row === row.row) this.groups.delete(key!);
      return;
    }
    const i = rowIndex(group, row.row);
    if (group[i]?.row === row.row) group.splice(i, 1);
    if (group.length > 1) return;
    this.shared.delete(key!);
    if (group.length === 1) this.groups.set(key!, group[0]!);
    else this.groups.delete(key!);
  }
  /** The groups of more than one row (a key found on several rows), in no particular order. */
  repeated(): IterableIterator<readonly DataRow[]> {
    return this.shared.values();
  }
  /** Every key with its rows, keys in the order their first rows come in the table. */
  inTableOrder(): [string, readonly DataRow[]][] {
    return [...this.groups]
      .sort((a, b) => firstOf(a[1]).row - firstOf(b[1]).row)
      .map(([key, g]) => [key, rowsOf(g)]);
  }
  /** Every key with its rows, in no particular order. */
  *entries(): IterableIterator<[string, readonly DataRow[]]> {
    for (const [key, g] of this.groups) yield [key, rowsOf(g)];
  }
  /**
   * The key with the most rows; among equals, the one whose first row comes first (what counting the rows in grid
   * order and keeping the first key to reach the highest count gives). Undefined when no row has a key.
   */
  mostRows(): string | undefined {
    let best: string | undefined;
    let bestN = 0;
    let bestFirst = Infinity;
    for (const [key, g] of this.groups) {
      const n = sizeOf(g);
      const first = firstOf(g).row;
      if (n > bestN || (n === bestN && first < bestFirst)) {
        best = key;
        bestN = n;
        bestFirst = first;
      }
    }
    return best;
  }
}

/**
 * The exact sum ({@link ExactSum}) of one number per row, for the rows that have one; equal to `sumExact` of those
 * numbers in grid order.
 */
export class RowSum implements RowFact {
  private readonly sum = new ExactSum();
  constructor(
    private readonly ctx: TableContext,
    private readonly valueOf: (row: DataRow) => number | undefined,
  ) {}
  add(row: DataRow): void {
    const v = this.valueOf(row);
    if (v !== undefined) this.sum.add(v);
  }
  remove(row: DataRow): void {
    const v = this.valueOf(row);
    if (v !== undefined) this.sum.remove(v);
  }
  /** The sum, 万元 for amounts (0 when no row has a number). */
  get value(): number {
    return this.sum.value(() => {
      const values: number[] = [];
      for (const r of this.ctx.rows) {
        const v = this.valueOf(r);
        if (v !== undefined) values.push(v);
      }
      return values;
    });
  }
}
