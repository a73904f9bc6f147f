import {
  Badge,
  Caption1,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { REQUIRED_EXCEL_API } from "../excel/requirements";
import type { HostInfo } from "./host";
import type {
  FormOperations,
  SelfTestOperations,
  TemplateOperations,
} from "../ports";
import type { EligibilityChoice } from "./eligibility/EligibilityCheck";
import { TEXT } from "./text.zh";
import { FORMS_PANEL_TEXT, FORMS_TEXT } from "./text.forms.zh";

// The gallery, the forms, the 资格自检 form and the workbench (with the core they use) load when shown: the page's
// first script stays small.
const TableGallery = lazy(() =>
  import("./gallery/TableGallery").then((m) => ({ default: m.TableGallery })),
);
const FormsPanel = lazy(() =>
  import("./forms/FormsPanel").then((m) => ({ default: m.FormsPanel })),
);
const EligibilityCheck = lazy(() =>
  import("./eligibility/EligibilityCheck").then((m) => ({
    default: m.EligibilityCheck,
  })),
);
const SelfTestPanel = lazy(() =>
  import("./selftest/SelfTestPanel").then((m) => ({
    default: m.SelfTestPanel,
  })),
);
const DefaultWorkbench = lazy(() =>
  Promise.all([
    import("./workbench/Workbench"),
    import("./worker/client"),
  ]).then(([w, c]) => ({
    default: () => <w.Workbench processor={c.inThreadProcessor()} />,
  })),
);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    // A drop-down is as wide as its longest option (official titles, 申报方向): never wider than the pane (320 px).
    // min-width 0 too: in a Field's grid or a flex row the option's width would otherwise be the least width.
    "& .fui-Select": { maxWidth: "100%", minWidth: 0 },
    "& select": { maxWidth: "100%", minWidth: 0 },
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  modeBadge: { alignSelf: "flex-start" },
  modeRow: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
});

type TabId = "templates" | "eligibility" | "check" | "merge";

/** Props of {@link App}. */
export interface AppProps {
  /** The detected host; null while detection runs. */
  host: HostInfo | null;
  /** Excel operations (used in Excel mode). */
  operations: TemplateOperations;
  /** Content of the 检查 tab; the tab is shown only when given. */
  checkPanel?: ReactNode;
  /** Content of the 合并汇总 tab; the tab is shown only when given. */
  mergePanel?: ReactNode;
  /** The 审核工作台 of browser mode (default: one that processes files on the page, without a worker). */
  workbench?: ReactNode;
  /**
   * Makes the 资格自检 sheet and the notice's forms (inserted in Excel, downloaded in the browser). Without it the 资格自检
   * form still answers, with no button to make the sheet, and the 申请报告表样 panel is not shown.
   */
  formOperations?: FormOperations;
  /** The 加载项自检 (Excel mode): a button beside the mode badge opens it in place of the tabs. */
  selfTest?: SelfTestOperations;
}

/** The task pane: Excel mode (表格模板 / 检查 / 合并汇总 tabs) or browser mode (审核工作台). */
export function App({
  host,
  operations,
  checkPanel,
  mergePanel,
  workbench,
  formOperations,
  selfTest,
}: AppProps) {
  const styles = useStyles();
  const [selfTesting, setSelfTesting] = useState(false);
  const canSelfTest = host?.mode === "excel" && selfTest !== undefined;
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1">{TEXT.appTitle}</Title3>
          <Caption1>{TEXT.appSubtitle}</Caption1>
          {host && (
            <div className={styles.modeRow}>
              <Badge
                className={styles.modeBadge}
                appearance="outline"
                color={host.mode === "excel" ? "success" : "informative"}
              >
                {host.mode === "excel" ? TEXT.modeExcel : TEXT.modeBrowser}
              </Badge>
              {canSelfTest && !selfTesting && (
                <Link as="button" onClick={() => setSelfTesting(true)}>
                  {TEXT.selfTest.open}
                </Link>
              )}
            </div>
          )}
        </header>
        {host === null && <Spinner label={TEXT.detecting} />}
        {host?.mode === "browser" && (
          <>
            {host.reason !== "no-office" && (
              <MessageBar intent="info">
                <MessageBarBody>
                  {TEXT.browserReason[host.reason]}
                </MessageBarBody>
              </MessageBar>
            )}
            <Suspense fallback={<Spinner label={TEXT.loading} />}>
              {workbench ?? <DefaultWorkbench />}
              <FormsArea operations={formOperations} excel={false} />
            </Suspense>
          </>
        )}
        {host?.mode === "excel" && (
          <>
            {!host.apiSupported && (
              <MessageBar intent="error">
                <MessageBarBody>
                  <MessageBarTitle>{TEXT.missingApiTitle}</MessageBarTitle>
                  {TEXT.missingApi(REQUIRED_EXCEL_API)}
                </MessageBarBody>
              </MessageBar>
            )}
            {canSelfTest && selfTesting ? (
              <Suspense fallback={<Spinner label={TEXT.loading} />}>
                <SelfTestPanel
                  operations={selfTest}
                  onClose={() => setSelfTesting(false)}
                />
              </Suspense>
            ) : (
              <ExcelTabs
                operations={operations}
                checkPanel={checkPanel}
                mergePanel={mergePanel}
                formOperations={formOperations}
              />
            )}
          </>
        )}
      </main>
    </FluentProvider>
  );
}

/** What the forms made, in words: new sheets in Excel, a downloaded file in the browser. */
const made = (excel: boolean) => (names: readonly string[]) =>
  excel
    ? FORMS_TEXT.insertedSheet(names)
    : FORMS_PANEL_TEXT.downloaded(names.join("、"));

/**
 * 资格自检 with its button (插入 in Excel, 下载 in the browser); in the browser also the 申请报告表样 downloads (in Excel
 * they sit in the 表格模板 tab).
 */
function FormsArea({
  operations,
  excel,
}: {
  operations?: FormOperations;
  excel: boolean;
}) {
  const action = operations && {
    label: excel ? FORMS_TEXT.insertSheet : FORMS_TEXT.downloadSheet,
    run: async (c: EligibilityChoice) =>
      made(excel)(
        await operations.eligibility(c.direction, c.answers, c.chain),
      ),
  };
  return (
    <>
      <EligibilityCheck
        {...(action ? { action } : {})}
        {...(excel && operations?.eligibilityFromWorkbook ? { fromWorkbook: operations.eligibilityFromWorkbook } : {})}
      />
      {operations && !excel && <FormsPanel operations={operations} actionLabel={FORMS_PANEL_TEXT.download} made={made(false)} />}
    </>
  );
}

function ExcelTabs({
  operations,
  checkPanel,
  mergePanel,
  formOperations,
}: Omit<AppProps, "host">) {
  const [tab, setTab] = useState<TabId>("templates");
  return (
    <>
      <TabList
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabId)}
      >
        <Tab value="templates">{TEXT.tabTemplates}</Tab>
        <Tab value="eligibility">{FORMS_TEXT.eligibilityTitle}</Tab>
        {checkPanel !== undefined && <Tab value="check">{TEXT.tabCheck}</Tab>}
        {mergePanel !== undefined && <Tab value="merge">{TEXT.tabMerge}</Tab>}
      </TabList>
      <div role="tabpanel">
        <Suspense fallback={<Spinner label={TEXT.loading} />}>
          {tab === "templates" && <TableGallery operations={operations} />}
          {tab === "templates" && formOperations && (
            <FormsPanel
              operations={formOperations}
              actionLabel={FORMS_PANEL_TEXT.insert}
              made={made(true)}
            />
          )}
          {tab === "eligibility" && (
            <FormsArea operations={formOperations} excel />
          )}
          {tab === "check" && checkPanel}
          {tab === "merge" && mergePanel}
        </Suspense>
      </div>
    </>
  );
}
