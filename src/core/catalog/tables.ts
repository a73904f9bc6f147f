/**
 * The table catalog: one definition per official table of the notice (晋工信投资字〔2026〕12号,
 * 附件2/3/4) and the two layouts this product adds (融资租赁设备明细表, 算力服务 tables). This is the
 * only place header texts are written; templates, exports, dropdowns, recognition, validation and
 * reports all read them from here.
 */
import type { ColumnDef, TableDef, TableId } from "./types";

/** Bumped when a layout changes; stored in each template's mark. */
export const CATALOG_VERSION = 1;

const AMOUNT = "#,##0.00";
const DATE = 'yyyy"年"m"月"d"日"';
const PERCENT = "0.00";
const INTEGER = "0";

const seq: ColumnDef<"seq"> = {
  key: "seq",
  header: "序号",
  type: "seq",
  numFmt: INTEGER,
  width: 6,
  required: "notice",
};

function text<K extends string>(
  key: K,
  header: string,
  width: number,
  required: ColumnDef["required"] = "expected",
): ColumnDef<K> {
  return { key, header, type: "text", width, required };
}
function amount<K extends string>(
  key: K,
  header: string,
  required: ColumnDef["required"] = "notice",
): ColumnDef<K> {
  return {
    key,
    header,
    type: "amount",
    numFmt: AMOUNT,
    width: 14,
    required,
    sum: true,
  };
}
function date<K extends string>(
  key: K,
  header: string,
  year?: number,
  required: ColumnDef["required"] = "expected",
): ColumnDef<K> {
  return {
    key,
    header,
    type: "date",
    numFmt: DATE,
    width: 16,
    required,
    ...(year ? { year } : {}),
  };
}

/** 所在市: first of the location columns the 情况表 and both 汇总表 share (附件2 二(一); 附件3; 附件4). */
const city: ColumnDef<"city"> = {
  key: "city",
  header: "所在市",
  type: "enum",
  enum: "city",
  width: 10,
  required: "notice",
};
const county: ColumnDef<"county"> = {
  key: "county",
  header: "所在县",
  type: "enum",
  enum: "county",
  dependsOn: "city",
  width: 12,
  required: "notice",
};
const devZone = text("devZone", "所在开发区", 16, "optional");
const enterpriseName = text("enterpriseName", "企业（单位）名称", 28, "notice");
const nature: ColumnDef<"nature"> = {
  key: "nature",
  header: "企业（单位）性质",
  type: "enum",
  enum: "nature",
  width: 12,
  required: "notice",
};
/** 所属行业; its list depends on 行业分类 where the table has that column (the 情况表, not 附件4). */
const industry: ColumnDef<"industry"> = {
  key: "industry",
  header: "所属行业",
  type: "enum",
  enum: "industry",
  width: 18,
  required: "notice",
};
const contact: ColumnDef<"contact"> = {
  key: "contact",
  header: "项目联系人及手机",
  type: "contact",
  width: 22,
  required: "notice",
};

/**
 * 项目情况表 (附件2 二(一)). The 申报汇总表 (附件3) has the same 12 columns: it is derived from this definition in
 * {@link CATALOG}, so the two never differ.
 */
const PROJECT_INFO = {
  id: "project-info",
  title: "山西省技术改造专项资金事项类项目情况表",
  yearInTitle: false,
  lines: ["项目申报企业（单位）（公章）："],
  total: "none",
  totalLabel: "合计",
  source: "附件2 二(一)",
  special: "所有专项",
  purpose: "每个申报项目必填：企业、申报专项、申报方向、项目名称与联系人",
  sheetName: "项目情况表",
  continuationRows: false,
  columns: [
    seq,
    city,
    county,
    devZone,
    enterpriseName,
    {
      key: "special",
      header: "申报专项",
      type: "enum",
      enum: "special",
      width: 20,
      required: "notice",
    },
    {
      key: "direction",
      header: "申报方向",
      type: "enum",
      enum: "direction",
      dependsOn: "special",
      width: 30,
      required: "notice",
    },
    text("projectName", "项目名称", 30, "notice"),
    nature,
    {
      key: "category",
      header: "行业分类",
      type: "enum",
      enum: "category",
      width: 14,
      required: "notice",
    },
    { ...industry, dependsOn: "category" },
    contact,
  ],
} as const satisfies TableDef;

/** Columns of the two 协作配套 tables (T4/T5) after their name columns. */
function coopColumns(invoiceAmountHeader: string) {
  return [
    {
      key: "chain",
      header: "所属产业链",
      type: "enum",
      enum: "chain",
      width: 18,
      required: "expected",
    },
    {
      key: "coopType",
      header: "协作配套类型",
      type: "enum",
      enum: "coopType",
      width: 16,
      required: "expected",
    },
    text("productName", "协作配套产品名称", 18),
    text("productModel", "协作配套产品型号（或品种、批准文号等）", 22),
    date("contractDate", "签订合同时间"),
    amount("contractAmount", "合同金额", "expected"),
    text("invoiceNos", "已开具发票代码和发票号码", 24),
    amount("invoiceAmount", invoiceAmountHeader, "expected"),
  ] as const;
}

const DEMO_2024 = "企业2024年度获批的国家级试点示范名称";
const DEMO_CUMULATIVE = "企业截至2024年度累计获批的国家级试点示范名称";

/** The tables with their column keys as literal types (for {@link ColumnKey}). */
const CATALOG = [
  {
    id: "loan-interest",
    title: "省级重点产业链链上企业2024年度新增贷款明细表",
    yearInTitle: false,
    lines: ["单位：万元"],
    total: "above",
    totalLabel: "合计",
    source: "附件1 六(一)；附件2 三(二)5(1)、四(四)6(1)",
    special: "企业增量提质专项",
    purpose: "产业链贷款贴息：逐笔填写2024年度新增贷款及其2024年利息",
    sheetName: "新增贷款明细表",
    continuationRows: false,
    columns: [
      seq,
      text("enterpriseName", "企业名称", 24, "notice"),
      {
        key: "chain",
        header: "所属省级重点产业链",
        type: "enum",
        enum: "chain",
        width: 20,
        required: "expected",
      },
      {
        ...amount("principal", "2024年度新增贷款金额"),
        hint: "填写单笔放款本金金额",
      },
      text("bank", "借款银行名称", 20, "notice"),
      text("contractNo", "借款合同编号", 20),
      date("drawdownDate", "贷款提款时间", 2024),
      {
        key: "term",
        header: "借款时限",
        type: "dateRange",
        width: 26,
        required: "notice",
        hint: "X年X月X日—X年X月X日",
      },
      date("accrualStart", "2024年借款起息日（以借款借据为准）", 2024),
      date("accrualEnd", "2024年借款止息日（以借款借据为准）", 2024),
      {
        key: "rate",
        header: "贷款利率（%）",
        type: "percent",
        numFmt: PERCENT,
        width: 10,
        required: "notice",
      },
      {
        key: "days",
        header: "2024年实际付息天数",
        type: "integer",
        numFmt: INTEGER,
        width: 10,
        required: "notice",
      },
      amount("interest", "2024年利息实际发生额"),
      {
        key: "pages",
        header: "对应付息流水或利息单所在页码",
        type: "pages",
        width: 14,
        required: "optional",
      },
      text("purpose", "2024年度新增贷款用途", 28, "notice"),
    ],
  },
  {
    id: "insurance-credit",
    title: "保险增信补贴明细表",
    yearInTitle: false,
    lines: ["单位：万元"],
    total: "above",
    totalLabel: "合计",
    source: "附件1 六(二)；附件2 三(二)5(2)、四(四)6(2)",
    special: "企业增量提质专项",
    purpose: "保险增信补贴：通过保险增信获得的固定资产贷款、保单与2024年度保费",
    sheetName: "保险增信补贴明细表",
    continuationRows: true,
    columns: [
      seq,
      text("enterpriseName", "企业名称", 24, "notice"),
      text("projectName", "建设项目名称", 24),
      amount("loanAmount", "通过保险增信方式获得固定资产贷款额度"),
      date("drawdownDate", "贷款提款时间", 2024),
      {
        ...text("insurer", "承保保险公司名称", 20, "notice"),
        hint: "xx保险公司",
      },
      amount("insuredAmount", "保险金额"),
      {
        key: "premiumRate",
        header: "保险费率(%)",
        type: "percent",
        numFmt: PERCENT,
        width: 10,
        required: "notice",
      },
      text("policyNo", "保险单号", 18),
      date("signDate", "保险合同签订时间", 2024),
      {
        key: "policyPeriod",
        header: "保单起止时间",
        type: "dateRange",
        width: 26,
        required: "expected",
        hint: "x年x月x日至x年x月x日",
      },
      {
        key: "multiple",
        header: "投保倍数",
        type: "number",
        numFmt: "0.00",
        width: 10,
        required: "expected",
      },
      text("invoiceNo", "2024年度支付保费发票编号", 20),
      amount("premium", "2024年度支付保费金额"),
    ],
  },
  {
    id: "finance-lease",
    title: "融资租赁补贴明细表",
    yearInTitle: false,
    lines: ["单位：万元"],
    total: "above",
    totalLabel: "合计",
    source: "附件1 六(三)；附件2 三(二)5(3)、四(四)6(3)",
    special: "企业增量提质专项",
    purpose: "融资租赁补贴：直租合同、合同额度与2024年支付的租赁费用",
    sheetName: "融资租赁补贴明细表",
    continuationRows: true,
    columns: [
      seq,
      text("enterpriseName", "企业名称", 24, "notice"),
      text("projectName", "建设项目名称", 24),
      text("lessor", "融资租赁公司名称", 22, "notice"),
      text("contractNo", "设备租赁合同编号", 20),
      amount("contractAmount", "设备租赁合同额度"),
      date("signDate", "合同签订时间", 2024),
      {
        key: "leasePeriod",
        header: "融资租赁起止时间",
        type: "dateRange",
        width: 26,
        required: "notice",
      },
      text("invoiceNo", "2024年支付租赁费用发票编号", 20),
      amount("paid", "2024年支付租赁费用金额"),
    ],
  },
  {
    id: "lease-equipment",
    title: "融资租赁设备明细表",
    yearInTitle: false,
    lines: ["企业名称：（公章）"],
    total: "below",
    totalLabel: "合计",
    source: "附件2 三(二)5(3)、四(四)6(3)",
    special: "企业增量提质专项",
    purpose:
      "融资租赁补贴：租赁设备的型号、数量、用途与价格（通知未给出表样，本工具拟定）",
    sheetName: "融资租赁设备明细表",
    continuationRows: false,
    ourLayout: true,
    columns: [
      seq,
      text("equipmentName", "设备名称", 20, "expected"),
      text("model", "设备型号", 18, "notice"),
      {
        key: "quantity",
        header: "数量",
        type: "number",
        numFmt: "#,##0.##",
        width: 8,
        required: "notice",
      },
      { ...amount("unitPrice", "单价（万元）"), sum: false },
      amount("amount", "金额（万元）"),
      text("use", "用途", 20, "notice"),
      text("location", "使用地点", 20),
      text("contractNo", "设备租赁合同编号", 20),
    ],
  },
  {
    id: "leader-suppliers",
    title: "“链主”企业____年度协作配套企业清单",
    yearInTitle: true,
    lines: ["企业名称：（公章）", "单位：万元"],
    total: "below",
    totalLabel: "合 计",
    totalDash: { key: "invoiceNos", text: "—" },
    source: "附件1 六(十)；附件2 四(四)6(6)",
    special: "企业增量提质专项",
    purpose:
      "“链主”企业协作配套奖励：2022、2023、2024年逐年填写协作配套企业及交易额",
    sheetName: "链主协作配套企业清单",
    continuationRows: false,
    columns: [
      seq,
      text("supplierName", "协作配套企业名称", 26, "notice"),
      {
        key: "orgCode",
        header: "组织机构代码",
        type: "code",
        width: 22,
        required: "expected",
      },
      text("location", "所在地", 16),
      ...coopColumns("已开发票金额"),
      text("remark", "备注", 24, "optional"),
    ],
  },
  {
    id: "member-transactions",
    title: "链上企业____年度围绕“链主”企业协作配套交易明细表",
    yearInTitle: true,
    lines: ["企业名称：（公章）", "单位：万元"],
    total: "below",
    totalLabel: "合 计",
    totalDash: { key: "invoiceNos", text: "——" },
    source: "附件1 六(十一)；附件2 四(四)6(7)",
    special: "企业增量提质专项",
    purpose:
      "链上企业协作配套奖励：2022、2023、2024年逐年填写与“链主”企业的协作配套交易",
    sheetName: "链上企业协作配套交易明细表",
    continuationRows: false,
    columns: [
      seq,
      text("leaderName", "围绕同一产业链协作配套的链主企业名称", 28, "notice"),
      ...coopColumns("已开具发票金额"),
    ],
  },
  PROJECT_INFO,
  {
    ...PROJECT_INFO,
    id: "application-summary",
    title: "山西省技术改造专项资金事项类项目申报汇总表",
    lines: ["审核单位（公章）："],
    source: "正文 二(二)；附件3",
    special: "审核单位汇总",
    purpose: "市工信局汇总辖区内各项目情况表，报送省工信厅（附件3）",
    sheetName: "申报汇总表",
  },
  {
    id: "exempt-summary",
    title: "山西省技术改造专项资金事项类项目（“免申即享”）申报汇总表",
    yearInTitle: false,
    lines: ["审核单位（公章）："],
    total: "none",
    totalLabel: "合计",
    source: "正文 二(三)1；附件1 六(七)；附件4",
    special: "审核单位汇总",
    purpose:
      "试点示范奖励“免申即享”：市工信局汇总企业申报表，报送省工信厅（附件4）",
    sheetName: "免申即享申报汇总表",
    continuationRows: false,
    columns: [
      seq,
      city,
      county,
      devZone,
      enterpriseName,
      text(
        "demonstrationApplied",
        "申报奖励的2024年度国家级试点示范名称",
        28,
        "notice",
      ),
      { ...text("demo2024_1", "试点示范1", 20, "notice"), group: DEMO_2024 },
      { ...text("demo2024_2", "试点示范2", 20, "optional"), group: DEMO_2024 },
      { ...text("demo2024_3", "试点示范3", 20, "optional"), group: DEMO_2024 },
      {
        key: "demonstrationCount",
        header: "企业截至2024年度累计获批的国家级试点示范数量（个）",
        type: "integer",
        numFmt: INTEGER,
        width: 14,
        required: "notice",
      },
      {
        ...text(
          "demonstrationCum_1",
          "试点示范1（试点示范名称+获批年度）",
          24,
          "notice",
        ),
        group: DEMO_CUMULATIVE,
      },
      {
        ...text(
          "demonstrationCum_2",
          "试点示范2（试点示范名称+获批年度）",
          24,
          "optional",
        ),
        group: DEMO_CUMULATIVE,
      },
      {
        ...text(
          "demonstrationCum_3",
          "试点示范3（试点示范名称+获批年度）",
          24,
          "optional",
        ),
        group: DEMO_CUMULATIVE,
      },
      nature,
      industry,
      contact,
    ],
  },
  {
    id: "compute-services",
    title: "算力服务项目明细表",
    yearInTitle: false,
    lines: ["企业名称：（公章）", "单位：万元"],
    total: "below",
    totalLabel: "合计",
    source: "附件1 三(七)；附件2 三(二)3(5)、四(四)3(7)",
    special: "技术创新牵引专项",
    purpose:
      "人工智能（算力服务）：逐项填写采购的算力服务、合同与结算凭证（通知未给出表样，本工具拟定）",
    sheetName: "算力服务项目明细表",
    continuationRows: false,
    ourLayout: true,
    columns: [
      seq,
      text("projectName", "项目名称", 24, "notice"),
      text("supplierName", "算力供给方名称", 26, "notice"),
      {
        key: "supplierCode",
        header: "算力供给方统一社会信用代码",
        type: "code",
        width: 22,
        required: "notice",
      },
      text("contractNo", "服务合同编号", 18, "notice"),
      date("signDate", "合同签订时间"),
      {
        key: "servicePeriod",
        header: "服务起止时间",
        type: "dateRange",
        width: 26,
        required: "expected",
      },
      {
        key: "computeType",
        header: "算力类型（智能算力/通用算力）",
        type: "enum",
        enum: "computeType",
        width: 14,
        required: "expected",
      },
      {
        key: "domestic",
        header: "是否国产算力",
        type: "enum",
        enum: "yesNo",
        width: 10,
        required: "expected",
      },
      text("framework", "使用框架", 16),
      {
        key: "use",
        header: "用途（训练/推理）",
        type: "enum",
        enum: "computeUse",
        width: 12,
        required: "expected",
      },
      amount("contractAmount", "合同金额（万元）"),
      text("settlementNo", "结算凭证编号", 18, "notice"),
      amount("settledAmount", "结算金额（万元）"),
    ],
  },
  {
    id: "related-parties",
    title: "关联方清单",
    yearInTitle: false,
    lines: ["企业名称：（公章）"],
    total: "none",
    totalLabel: "合计",
    source: "附件1 三(七)",
    special: "技术创新牵引专项",
    purpose:
      "人工智能（算力服务）：申报企业的关联方，用于核对算力供给方不得存在关联关系（本工具拟定）",
    sheetName: "关联方清单",
    continuationRows: false,
    ourLayout: true,
    columns: [
      text("name", "关联方名称", 28, "notice"),
      {
        key: "code",
        header: "统一社会信用代码",
        type: "code",
        width: 22,
        required: "expected",
      },
      {
        key: "relation",
        header: "关联关系",
        type: "enum",
        enum: "relation",
        width: 20,
        required: "expected",
      },
    ],
  },
] as const satisfies readonly TableDef[];

/** Every table of the catalog, in the order of the notice's attachments. */
export const TABLES: readonly TableDef[] = CATALOG;

/** One table of the catalog with its columns' keys as literal types. */
type CatalogTable = (typeof CATALOG)[number];

/** The column keys of table `T`, e.g. `ColumnKey<"loan-interest">` includes `"purpose"` (checked where rules read cells). */
export type ColumnKey<T extends TableId> = Extract<
  CatalogTable,
  { id: T }
>["columns"][number]["key"];

/** The definition of a table. @throws Error for an unknown id (a programming error). */
export function getTable(id: TableId | string): TableDef {
  const t = TABLES.find((x) => x.id === id);
  if (!t) throw new Error(`未知的表格：${id}`);
  return t;
}

/** True when `id` names a table of the catalog. */
export function isTableId(id: string): id is TableId {
  return TABLES.some((t) => t.id === id);
}

/** The title with the year blank filled (`____` → `2024`) for T4/T5; other titles unchanged. */
export function titleFor(table: TableDef, year?: number): string {
  if (!table.yearInTitle) return table.title;
  return table.title.replace(
    "____",
    year === undefined ? "____" : String(year),
  );
}

/** The sheet name to insert a table under (T4/T5 get their year appended). */
export function sheetNameFor(table: TableDef, year?: number): string {
  return table.yearInTitle && year !== undefined
    ? `${table.sheetName}${year}`
    : table.sheetName;
}

/** A column of a table by key, or undefined. */
export function columnOf(table: TableDef, key: string): ColumnDef | undefined {
  return table.columns.find((c) => c.key === key);
}
