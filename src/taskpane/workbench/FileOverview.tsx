import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Link,
  Select,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Fragment, useMemo, useState } from "react";
import { TEXT } from "../text.zh";
import type { FileStatusText } from "../worker/protocol";
import { enterpriseOf, overviewFiles, type OverviewQuery, type SortKey, type WorkbenchFile } from "./files";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  controls: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  search: { flexGrow: 1, minWidth: "12em" },
  // Two columns that fit a 320 px task pane: long names wrap anywhere; the switch and 移除 sit under the status.
  table: { tableLayout: "fixed", width: "100%" },
  statusCol: { width: "45%" },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  switch: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  cell: { overflowWrap: "anywhere", verticalAlign: "top", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  lines: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalXXS },
  group: { backgroundColor: tokens.colorNeutralBackground3 },
  excluded: { opacity: 0.6 },
});

const STATUS_COLOR: Record<FileStatusText, "danger" | "warning" | "success"> = {
  无法读取: "danger",
  有错误: "danger",
  未识别到表格: "warning",
  无错误: "success",
};

const STATUSES: FileStatusText[] = ["有错误", "无法读取", "未识别到表格", "无错误"];
const SORTS: SortKey[] = ["status", "enterprise", "file", "errors"];

/** Props of {@link FileOverview}. */
export interface FileOverviewProps {
  files: readonly WorkbenchFile[];
  onOpen: (key: number) => void;
  onRemove: (key: number) => void;
  onExclude: (key: number, excluded: boolean) => void;
}

/**
 * 文件概览: one row per file — name, enterprise and 申报方向; status and counts (and how many 警告 are explained), the
 * 纳入汇总 switch and 移除. Filter by a text (file or enterprise) and by status; sort by status, enterprise (grouped
 * under each enterprise's name), file name or number of 错误. A click on a file opens its findings.
 */
export function FileOverview({ files, onOpen, onRemove, onExclude }: FileOverviewProps) {
  const styles = useStyles();
  const [query, setQuery] = useState<OverviewQuery>({ search: "", status: "", sort: "status" });
  const shown = useMemo(() => overviewFiles(files, query), [files, query]);
  const grouped = query.sort === "enterprise";
  const groupSize = useMemo(() => {
    const n = new Map<string, number>();
    for (const f of shown) n.set(enterpriseOf(f), (n.get(enterpriseOf(f)) ?? 0) + 1);
    return n;
  }, [shown]);
  const col = TEXT.overviewColumns;
  return (
    <section className={styles.root} aria-label={TEXT.overviewTable}>
      <Subtitle2 as="h3">{TEXT.overviewHeading(shown.length, files.length)}</Subtitle2>
      <div className={styles.controls}>
        <Field label={TEXT.searchLabel} className={styles.search}>
          <Input value={query.search} onChange={(_, d) => setQuery({ ...query, search: d.value })} />
        </Field>
        <Field label={TEXT.statusFilterLabel}>
          <Select
            value={query.status}
            onChange={(_, d) => setQuery({ ...query, status: d.value as OverviewQuery["status"] })}
          >
            <option value="">{TEXT.allStatuses}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={TEXT.sortLabel}>
          <Select value={query.sort} onChange={(_, d) => setQuery({ ...query, sort: d.value as SortKey })}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {TEXT.sortOptions[s]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {shown.length === 0 ? (
        <Body1>{TEXT.noMatch}</Body1>
      ) : (
        <Table size="small" aria-label={TEXT.overviewTable} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{col.file}</TableHeaderCell>
              <TableHeaderCell className={styles.statusCol}>{col.status}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((f, i) => {
              const enterprise = enterpriseOf(f);
              const newGroup = grouped && (i === 0 || enterpriseOf(shown[i - 1]!) !== enterprise);
              const s = f.summary;
              return (
                <Fragment key={f.key}>
                  {newGroup && (
                    <TableRow className={styles.group}>
                      <TableCell colSpan={2} className={styles.cell}>
                        <Body1>{TEXT.enterpriseGroup(enterprise || TEXT.noEnterprise, groupSize.get(enterprise) ?? 0)}</Body1>
                      </TableCell>
                    </TableRow>
                  )}
                  <TableRow className={f.excluded ? styles.excluded : undefined}>
                    <TableCell className={styles.cell}>
                      <div className={styles.lines}>
                        <Link as="button" onClick={() => onOpen(f.key)} aria-label={TEXT.openFile(f.file.name)}>
                          {f.file.name}
                        </Link>
                        {s && <Caption1>{s.enterprises.join("、") || TEXT.noEnterprise}</Caption1>}
                        {s && s.directions.length > 0 && <Caption1>{s.directions.join("、")}</Caption1>}
                      </div>
                    </TableCell>
                    <TableCell className={styles.cell}>
                      <div className={styles.lines}>
                        {s ? (
                          <Badge appearance="filled" color={STATUS_COLOR[s.status]}>
                            {s.status}
                          </Badge>
                        ) : (
                          <Caption1>{TEXT.stage[f.stage]}</Caption1>
                        )}
                        {s && s.status !== "无法读取" && <Caption1>{TEXT.shortCounts(s.counts)}</Caption1>}
                        {s && s.counts.warnings > 0 && (
                          <Caption1>{TEXT.explainedCounts(s.explained.yes, s.explained.no)}</Caption1>
                        )}
                        <div className={styles.actions}>
                          <Switch
                            className={styles.switch}
                            label={TEXT.includeLabel}
                            checked={!f.excluded}
                            aria-label={TEXT.includeSwitch(f.file.name)}
                            onChange={(_, d) => onExclude(f.key, !d.checked)}
                          />
                          <Button
                            size="small"
                            appearance="subtle"
                            aria-label={TEXT.removeFile(f.file.name)}
                            onClick={() => onRemove(f.key)}
                          >
                            {TEXT.remove}
                          </Button>
                        </div>
                      </div>
                    </TableCell>
                  </TableRow>
                </Fragment>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
