import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import {
  TABLES,
  titleFor,
  type TableDef,
  type TableId,
} from "../../core/catalog";
import { isOperationError, type TemplateOperations } from "../../ports";

/** What a card shows after an insert: the sheets created, or the Chinese message saying why not. */
export type InsertResult =
  { ok: true; sheets: string[] } | { ok: false; message: string };
import { TEXT } from "../text.zh";

/** Years of the tables with a year blank in the title (T4/T5: 2022、2023、2024年逐年填写, 附件2 四(四)6(6)(7)). */
export const TITLE_YEARS: readonly number[] = [2022, 2023, 2024];

/**
 * Gallery groups (申报专项) in display order: 所有专项 first (项目情况表, needed by every project), then the two
 * specials with tables, then the reviewers' summaries (审核单位汇总). A group not listed here comes last.
 */
export const GROUP_ORDER: readonly string[] = [
  "所有专项",
  "企业增量提质专项",
  "技术创新牵引专项",
  "审核单位汇总",
];

/** A gallery group: a 申报专项 and its tables in catalog order. */
export interface TableGroup {
  special: string;
  tables: TableDef[];
}

/** Groups tables by `special` in {@link GROUP_ORDER}; unknown groups follow in order of first appearance. */
export function groupTables(tables: readonly TableDef[]): TableGroup[] {
  const groups = new Map<string, TableDef[]>();
  for (const t of tables)
    groups.set(t.special, [...(groups.get(t.special) ?? []), t]);
  const rank = (special: string) => {
    const i = GROUP_ORDER.indexOf(special);
    return i === -1 ? GROUP_ORDER.length : i;
  };
  return [...groups.entries()]
    .map(([special, list]) => ({ special, tables: list }))
    .sort((a, b) => rank(a.special) - rank(b.special));
}

const useStyles = makeStyles({
  gallery: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
  },
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  meta: { color: tokens.colorNeutralForeground3 },
  years: { display: "flex", flexWrap: "wrap", alignItems: "center" },
  actions: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
});

interface TableCardProps {
  table: TableDef;
  /** Another insert is running (all buttons wait). */
  disabled: boolean;
  inserting: boolean;
  result?: InsertResult;
  onInsert: (years?: number[]) => void;
}

/** One table of the gallery: title, purpose, notice section, year chooser (T4/T5), 插入 and its outcome. */
function TableCard({
  table,
  disabled,
  inserting,
  result,
  onInsert,
}: TableCardProps) {
  const styles = useStyles();
  const [years, setYears] = useState<readonly number[]>(TITLE_YEARS);
  const title = titleFor(table);
  const toggle = (year: number, on: boolean) =>
    setYears((ys) =>
      TITLE_YEARS.filter((y) => (y === year ? on : ys.includes(y))),
    );
  const noYear = table.yearInTitle && years.length === 0;

  return (
    <Card className={styles.card} role="group" aria-label={title}>
      <Subtitle2 as="h3">
        {title}
        {table.ourLayout && (
          <Badge
            appearance="tint"
            color="informative"
            title={TEXT.ourLayoutHint}
          >
            {TEXT.ourLayoutTag}
          </Badge>
        )}
      </Subtitle2>
      <Body1>{table.purpose}</Body1>
      <Caption1 className={styles.meta}>{TEXT.source(table.source)}</Caption1>
      {table.yearInTitle && (
        <div className={styles.years}>
          <Caption1>{TEXT.yearsLabel}</Caption1>
          {TITLE_YEARS.map((y) => (
            <Checkbox
              key={y}
              label={TEXT.yearOption(y)}
              checked={years.includes(y)}
              onChange={(_, data) => toggle(y, data.checked === true)}
            />
          ))}
        </div>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={disabled || noYear}
          onClick={() => onInsert(table.yearInTitle ? [...years] : undefined)}
        >
          {TEXT.insert}
        </Button>
        {inserting && <Spinner size="tiny" label={TEXT.inserting} />}
        {noYear && <Caption1>{TEXT.noYearChosen}</Caption1>}
      </div>
      {result && <InsertOutcome result={result} />}
    </Card>
  );
}

function InsertOutcome({ result }: { result: InsertResult }) {
  return (
    <MessageBar intent={result.ok ? "success" : "error"}>
      <MessageBarBody>
        <MessageBarTitle>
          {result.ok ? TEXT.insertedTitle : TEXT.insertFailedTitle}
        </MessageBarTitle>
        {result.ok ? TEXT.inserted(result.sheets) : result.message}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Props of {@link TableGallery}. */
export interface TableGalleryProps {
  operations: TemplateOperations;
  /** The tables to show (default: the whole catalog). */
  tables?: readonly TableDef[];
}

/**
 * 表格模板: the official tables grouped by 申报专项, each inserted into Excel with one click through
 * `operations.insertTable`. One insert at a time; each card shows the outcome of its last insert.
 */
export function TableGallery({
  operations,
  tables = TABLES,
}: TableGalleryProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState<TableId | null>(null);
  const [results, setResults] = useState<
    Partial<Record<TableId, InsertResult>>
  >({});

  const insert = async (id: TableId, years?: number[]) => {
    setBusy(id);
    let result: InsertResult;
    try {
      result = { ok: true, sheets: await operations.insertTable(id, years) };
    } catch (err) {
      result = {
        ok: false,
        message: isOperationError(err)
          ? err.message
          : TEXT.unexpected(err instanceof Error ? err.message : String(err)),
      };
    }
    setResults((r) => ({ ...r, [id]: result }));
    setBusy(null);
  };

  return (
    <div className={styles.gallery}>
      <Body1>{TEXT.galleryIntro}</Body1>
      {groupTables(tables).map((g) => (
        <section
          key={g.special}
          className={styles.group}
          aria-label={g.special}
        >
          <Subtitle2 as="h2">{g.special}</Subtitle2>
          {g.tables.map((t) => (
            <TableCard
              key={t.id}
              table={t}
              disabled={busy !== null}
              inserting={busy === t.id}
              result={results[t.id]}
              onInsert={(years) => void insert(t.id, years)}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
