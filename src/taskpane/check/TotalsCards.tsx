import {
  Badge,
  Body1,
  Caption1,
  Card,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { getTable } from "../../core/catalog";
import { tierLabel, wan } from "../../core/messages/amounts";
import { round } from "../../core/parse";
import type { CoopListSummary } from "../../core/totals/coop";
import { COOP_YEARS } from "../../core/catalog/years";
import { interestAgainstMinimum } from "../../core/totals/interestMinimum";
import type { CheckOperations, TableReport, WorkbookReport } from "../../ports";
import { TEXT } from "../text.zh";
import { FillAction } from "./FillAction";

const useStyles = makeStyles({
  cards: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  line: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  meta: { color: tokens.colorNeutralForeground3 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  // A 350 px pane: the name and the tier need the room, amounts are short.
  nameColumn: { width: "30%" },
  yearColumn: { width: "15%" },
  tierColumn: { width: "25%" },
});

type FillOperations = Pick<
  CheckOperations,
  "planInterestFill" | "planRenumber" | "applyFill"
>;

/** One table's card: rows, the sums of its 万元 columns, T1's 利息合计 against 10 万元, and the fillers' helpers. */
function TableTotalsCard({
  table: t,
  operations,
  onApplied,
}: {
  table: TableReport;
  operations: FillOperations;
  onApplied: () => void;
}) {
  const styles = useStyles();
  const interest = interestAgainstMinimum(t);
  const sums = Object.entries(t.totals);
  const numbered = getTable(t.table).columns.some((c) => c.key === "seq");
  return (
    <Card className={styles.card} role="group" aria-label={t.title}>
      <Subtitle2 as="h3">{t.title}</Subtitle2>
      <Caption1 className={styles.meta}>
        {TEXT.check.sheetRows(t.sheet, t.rows, t.records)}
      </Caption1>
      {sums.length === 0 && <Caption1>{TEXT.check.noSums}</Caption1>}
      {sums.map(([header, sum]) => (
        <Body1 key={header}>{`${header} ${wan(sum)}`}</Body1>
      ))}
      {interest && (
        <>
          <div className={styles.line}>
            <Body1>{TEXT.check.interestTotal(wan(interest.interest))}</Body1>
            <Badge
              appearance="tint"
              color={interest.reached ? "success" : "danger"}
            >
              {interest.reached
                ? TEXT.check.interestReached(wan(interest.minimum))
                : TEXT.check.interestShort(wan(interest.shortBy))}
            </Badge>
          </div>
          {interest.interestWithoutExcluded !== interest.interest && (
            <Caption1>
              {TEXT.check.interestWithoutExcluded(
                wan(interest.interestWithoutExcluded),
              )}
            </Caption1>
          )}
          <Caption1 className={styles.meta}>{TEXT.check.interestRule}</Caption1>
        </>
      )}
      <div className={styles.actions}>
        {t.table === "loan-interest" && (
          <FillAction
            label={TEXT.check.fillInterest}
            sheet={t.sheet}
            plan={(sheet) => operations.planInterestFill(sheet)}
            apply={(plan) => operations.applyFill(plan)}
            onApplied={onApplied}
          />
        )}
        {numbered && (
          <FillAction
            label={TEXT.check.renumber}
            sheet={t.sheet}
            plan={(sheet) => operations.planRenumber(sheet)}
            apply={(plan) => operations.applyFill(plan)}
            onApplied={onApplied}
          />
        )}
      </div>
    </Card>
  );
}

/** The tier a partner (or the total) reaches in 2024, and whether it is above 2022 and 2023 (首次提升到). */
function tierText(p: CoopListSummary["total"]): string {
  if (p.newTier !== undefined) return TEXT.check.tierNew(tierLabel(p.newTier));
  const tier = p.years[2024].tier;
  return tier !== undefined
    ? TEXT.check.tierKept(tierLabel(tier))
    : TEXT.check.tierNone;
}

/** 协作配套年度分析 of a T4 or T5 list: each partner's annual 交易额 2022/2023/2024 and the tier it reaches. */
function CoopCard({ list }: { list: CoopListSummary }) {
  const styles = useStyles();
  const title = TEXT.check.coopTitle(getTable(list.table).title);
  const missing = COOP_YEARS.filter((y) => list.sheets[y].length === 0);
  const rows = [
    ...list.partners.map((p, i) => ({
      key: `p${i}`,
      name: p.name || TEXT.check.coopUnnamed,
      figures: p,
    })),
    { key: "total", name: TEXT.check.coopTotal, figures: list.total },
  ];
  return (
    <Card className={styles.card} role="group" aria-label={title}>
      <Subtitle2 as="h3">{title}</Subtitle2>
      <Caption1 className={styles.meta}>{TEXT.check.coopBasis}</Caption1>
      {!list.complete && (
        <Caption1>{TEXT.check.coopIncomplete(missing.join("、"))}</Caption1>
      )}
      {list.chain && (
        <Caption1>
          {TEXT.check.coopChain(list.chain.chain, list.chain.from)}
        </Caption1>
      )}
      <Table size="extra-small" aria-label={title}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.nameColumn}>
              {TEXT.check.coopPartner}
            </TableHeaderCell>
            {COOP_YEARS.map((y) => (
              <TableHeaderCell key={y} className={styles.yearColumn}>
                {TEXT.check.coopYear(y)}
              </TableHeaderCell>
            ))}
            <TableHeaderCell className={styles.tierColumn}>
              {TEXT.check.coopTier}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell>{r.name}</TableCell>
              {COOP_YEARS.map((y) => (
                <TableCell key={y}>
                  {round(r.figures.years[y].invoice, 4)}
                </TableCell>
              ))}
              <TableCell>{tierText(r.figures)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {list.excluded.length > 0 && (
        <Caption1>{TEXT.check.coopExcluded(list.excluded.length)}</Caption1>
      )}
      {list.netNew && (
        <Caption1>
          {TEXT.check.coopNetNew(
            list.netNew.counts[2022],
            list.netNew.counts[2023],
            list.netNew.counts[2024],
            list.netNew.a,
            list.netNew.b,
            list.netNew.conservative,
          )}
        </Caption1>
      )}
    </Card>
  );
}

/** Props of {@link TotalsCards}. */
export interface TotalsCardsProps {
  report: WorkbookReport;
  operations: FillOperations;
  /** Called after a fill plan was written. */
  onApplied: () => void;
}

/** 合计: a card per recognised table, then the 协作配套 year analysis of T4 and T5. */
export function TotalsCards({
  report,
  operations,
  onApplied,
}: TotalsCardsProps) {
  const styles = useStyles();
  if (report.tables.length === 0) return null;
  const coop = [report.coop?.leader, report.coop?.member].filter(
    (l): l is CoopListSummary => l !== undefined,
  );
  return (
    <section className={styles.cards} aria-label={TEXT.check.totalsTitle}>
      <Subtitle2 as="h2">{TEXT.check.totalsTitle}</Subtitle2>
      {report.tables.map((t) => (
        <TableTotalsCard
          key={t.sheet}
          table={t}
          operations={operations}
          onApplied={onApplied}
        />
      ))}
      {coop.map((l) => (
        <CoopCard key={l.table} list={l} />
      ))}
    </section>
  );
}
