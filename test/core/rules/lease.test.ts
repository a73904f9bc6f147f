/**
 * LEASE-* rules (T3 融资租赁补贴明细表 and 融资租赁设备明细表, ../shared/spec/tables.md) through the engine.
 * T3 as the notice prints it: title, 单位：万元, header (row 3), 合计 (row 4), data from row 5; columns A序号 B企业名称
 * C建设项目名称 D融资租赁公司名称 E设备租赁合同编号 F设备租赁合同额度 G合同签订时间 H融资租赁起止时间 I发票编号 J支付金额.
 * 融资租赁设备明细表 (our layout): title, 企业名称：（公章）, header (row 3), data from row 4, 合计 below; columns
 * A序号 B设备名称 C设备型号 D数量 E单价 F金额 G用途 H使用地点 I设备租赁合同编号.
 */
import {
  brief,
  findingsOf,
  noticeSheet,
  workbookOf,
  type RowSpec,
} from "../../helpers/rows";
import { MESSAGES_ZH } from "../../../src/core/messages";
import { ruleByCode } from "../../../src/core/rules/registry";
import { LEASE_RULES } from "../../../src/core/rules/lease";
import { checkWorkbook } from "../../../src/core/check/engine";
import { readLocation } from "../../../src/core/rules/lease";

/** A clean direct lease: contract 3000 万元, 600 万元 paid in 2024 against one invoice. */
const GOOD: RowSpec = {
  enterpriseName: "阳泉市东方新材料有限公司",
  projectName: "年产5万吨碳纤维项目",
  lessor: "山西金融租赁有限公司",
  contractNo: "JZ-2024-018",
  contractAmount: 3000,
  signDate: "2024年5月6日",
  leasePeriod: "2024年5月10日—2027年5月9日",
  invoiceNo: "No.00112233",
  paid: 600,
};
/** A continuation row: another payment of the record above. */
const more = (invoiceNo: string | null, paid: number): RowSpec => ({
  seq: null,
  invoiceNo,
  paid,
});

/** Two 碳化炉 at 750 万元 = 1500 万元, used in 阳泉. */
const MACHINE: RowSpec = {
  equipmentName: "碳化炉",
  model: "TH-3000",
  quantity: 2,
  unitPrice: 750,
  amount: 1500,
  use: "碳纤维碳化",
  location: "山西省阳泉市城区",
  contractNo: "JZ-2024-018",
};

const lease = (...rows: RowSpec[]) =>
  workbookOf(noticeSheet("finance-lease", { rows }));
const equipment = (...rows: RowSpec[]) =>
  noticeSheet("lease-equipment", { rows });
const T3 = "融资租赁补贴明细表";
const EQ = "融资租赁设备明细表";
const at = (cell: string, rule: string, severity: string, sheet = T3) => ({
  sheet,
  cell,
  rule,
  severity,
});

describe("clean T3 and equipment tables", () => {
  it("have no finding but the equipment total beside the contract's 额度", () => {
    // 1500 + 1500 = 3000 万元 of equipment under JZ-2024-018.
    const wb = workbookOf(
      noticeSheet("finance-lease", { rows: [GOOD, more("No.00112234", 600)] }),
      equipment(MACHINE, {
        ...MACHINE,
        equipmentName: "氧化炉",
        model: "YH-1",
        location: "阳泉市郊区",
      }),
    );
    const report = checkWorkbook(wb);
    expect(report.tables.map((t) => t.table)).toEqual([
      "finance-lease",
      "lease-equipment",
    ]);
    const all = [
      ...report.findings,
      ...report.tables.flatMap((t) => t.findings),
    ];
    expect(all.map(brief)).toEqual([at("F5", "LEASE-EQUIP-TOTAL", "info")]);
  });
});

describe("LEASE-SIGN-YEAR", () => {
  it("reports a 合同签订时间 outside 2024 as 错误", () => {
    const f = findingsOf(
      lease(GOOD, {
        ...GOOD,
        contractNo: "B",
        signDate: "2023年12月1日",
        leasePeriod: "2023年12月5日—2026年12月4日",
      }),
      "LEASE-SIGN-YEAR",
    );
    expect(f.map(brief)).toEqual([at("G6", "LEASE-SIGN-YEAR", "error")]);
    expect(f[0]!.quote).toContain("融资租赁合同签订时间须为2024年度");
  });
});

describe("LEASE-FORM", () => {
  it("reports 售后回租 named in any text of the row as 错误", () => {
    const f = findingsOf(
      lease(GOOD, { ...GOOD, projectName: "碳纤维生产线售后回租项目" }),
      "LEASE-FORM",
    );
    expect(f.map(brief)).toEqual([at("C6", "LEASE-FORM", "error")]);
    expect(f[0]!.message).toContain(
      "建设项目名称填写“碳纤维生产线售后回租项目”，含“售后回租”",
    );
    expect(f[0]!.quote).toContain("融资租赁形式须为直租形式");
  });
  it("gives a 警告 with a negation, also in an extra column (a row-level finding), and ignores 资产转让协议", () => {
    const wb = workbookOf(
      noticeSheet("finance-lease", {
        rows: [
          GOOD,
          { ...GOOD, contractNo: "B" },
          { ...GOOD, contractNo: "C", projectName: "回租业务" },
        ],
        extra: [
          {
            header: "备注",
            values: ["含资产转让协议", "非售后回租", null],
          },
        ],
      }),
    );
    const f = findingsOf(wb, "LEASE-FORM");
    // The 错误 first (findings are sorted by severity, then cell).
    expect(f.map((x) => ({ ...brief(x), row: x.row }))).toEqual([
      { ...at("C7", "LEASE-FORM", "error"), row: 7 },
      { sheet: T3, rule: "LEASE-FORM", severity: "warning", row: 6 },
    ]);
    expect(f[1]!.message).toContain("备注填写“非售后回租”");
    expect(f[1]!.message).toContain("否定词“非”");
  });
  it("allows a direct lease that says it is no leaseback (直租（非售后回租）), and reads a leaseback in any word order", () => {
    const wb = workbookOf(
      noticeSheet("finance-lease", {
        rows: [
          GOOD,
          { ...GOOD, contractNo: "B" },
          { ...GOOD, contractNo: "C" },
        ],
        extra: [
          {
            header: "租赁方式",
            values: [
              "直租（非售后回租）",
              "将设备出售给租赁公司后再租回使用",
              "直租",
            ],
          },
        ],
      }),
    );
    const f = findingsOf(wb, "LEASE-FORM");
    expect(f.map((x) => ({ ...brief(x), row: x.row }))).toEqual([
      { sheet: T3, rule: "LEASE-FORM", severity: "error", row: 6 },
    ]);
    expect(f[0]!.message).toContain(
      "租赁方式填写“将设备出售给租赁公司后再租回使用”",
    );
    expect(f[0]!.quote).toContain("融资租赁形式须为直租形式");
  });
});

describe("LEASE-PAID-OVER", () => {
  it("warns when a contract's 2024 payments exceed its 额度, adding up continuation rows", () => {
    // Record 2: 1600 + 1600 = 3200 > 3000.
    const wb = lease(
      { ...GOOD, paid: 3000 },
      { ...GOOD, contractNo: "B", paid: 1600 },
      more("No.2", 1600),
    );
    const f = findingsOf(wb, "LEASE-PAID-OVER");
    expect(f.map(brief)).toEqual([at("J6", "LEASE-PAID-OVER", "warning")]);
    expect(f[0]!.message).toContain(
      "2024年支付租赁费用3200万元，超过设备租赁合同额度3000万元",
    );
  });
});

describe("LEASE-PERIOD", () => {
  it("warns on an unreadable range, an end not after the start, a start before the signing", () => {
    const wb = lease(
      GOOD,
      { ...GOOD, contractNo: "B", leasePeriod: "三年" },
      { ...GOOD, contractNo: "C", leasePeriod: "2027年5月9日—2024年5月10日" },
      { ...GOOD, contractNo: "D", leasePeriod: "2024年5月1日—2027年4月30日" },
    );
    const f = findingsOf(wb, "LEASE-PERIOD");
    expect(f.map(brief)).toEqual([
      at("H6", "LEASE-PERIOD", "warning"),
      at("H7", "LEASE-PERIOD", "warning"),
      at("H8", "LEASE-PERIOD", "warning"),
    ]);
    expect(f[2]!.message).toContain("早于合同签订时间2024年5月6日");
  });
});

describe("LEASE-INVOICE", () => {
  it("reports a payment without an invoice number as 错误, on continuation rows too", () => {
    const wb = lease(GOOD, more(null, 300), {
      ...GOOD,
      contractNo: "B",
      invoiceNo: null,
    });
    const f = findingsOf(wb, "LEASE-INVOICE");
    expect(f.map(brief)).toEqual([
      at("I6", "LEASE-INVOICE", "error"),
      at("I7", "LEASE-INVOICE", "error"),
    ]);
    expect(f[0]!.message).toContain("租赁费用发票");
  });
});

describe("LEASE-EQUIP-AMOUNT", () => {
  it("warns when 金额 ≠ 数量 × 单价, allowing the unit price's rounding", () => {
    // 3 × 33.33 = 99.99 against 100 (within 3 × 0.005 = 0.015): passes. 2 × 750 = 1500 against 1400: fails.
    const wb = workbookOf(
      equipment(
        MACHINE,
        { ...MACHINE, quantity: 3, unitPrice: 33.33, amount: 100 },
        { ...MACHINE, amount: 1400 },
      ),
    );
    const f = findingsOf(wb, "LEASE-EQUIP-AMOUNT");
    expect(f.map(brief)).toEqual([
      at("F6", "LEASE-EQUIP-AMOUNT", "warning", EQ),
    ]);
    expect(f[0]!.message).toContain("2×750万元＝1500万元");
  });
});

describe("LEASE-EQUIP-SHANXI", () => {
  it("reports a place in another province as 错误, a likely one as 警告, nothing for 山西 or an unknown place", () => {
    const wb = workbookOf(
      equipment(
        MACHINE,
        { ...MACHINE, location: "江苏省苏州市工业园区" },
        { ...MACHINE, location: "苏州某工厂" },
        { ...MACHINE, location: "河北" },
        { ...MACHINE, location: "本公司一号车间" },
        { ...MACHINE, location: "太原市小店区（原河北工厂）" },
      ),
    );
    const f = findingsOf(wb, "LEASE-EQUIP-SHANXI");
    expect(f.map(brief)).toEqual([
      at("H5", "LEASE-EQUIP-SHANXI", "error", EQ),
      at("H7", "LEASE-EQUIP-SHANXI", "error", EQ),
      at("H6", "LEASE-EQUIP-SHANXI", "warning", EQ),
      at("H9", "LEASE-EQUIP-SHANXI", "warning", EQ),
    ]);
    expect(f[0]!.message).toContain("在江苏省（苏州市）");
    expect(f[0]!.quote).toContain("融资租赁涉及的设备须在山西省境内使用");
  });
  it("reads 山西 names as 山西, never as another province", () => {
    expect(readLocation("山西省晋中市榆次区")).toEqual({ kind: "none" });
    expect(readLocation("苏州工业园区")).toMatchObject({
      kind: "outside",
      province: "江苏省",
    });
    expect(readLocation("吕梁孝义")).toEqual({ kind: "none" });
    expect(readLocation("内蒙古自治区鄂尔多斯市")).toMatchObject({
      kind: "outside",
      province: "内蒙古自治区",
    });
    expect(readLocation("位于陕西省西安市")).toMatchObject({
      kind: "outside",
      province: "陕西省",
    });
  });
});

describe("LEASE-EQUIP-TOTAL", () => {
  it("shows each contract's equipment total beside its 额度, or says the contract is not in T3", () => {
    const wb = workbookOf(
      noticeSheet("finance-lease", { rows: [GOOD] }),
      equipment(MACHINE, {
        ...MACHINE,
        contractNo: "JZ-2024-099",
        amount: 100,
        quantity: 1,
        unitPrice: 100,
      }),
    );
    const f = findingsOf(wb, "LEASE-EQUIP-TOTAL");
    expect(f.map(brief)).toEqual([
      at("F5", "LEASE-EQUIP-TOTAL", "info"),
      at("I5", "LEASE-EQUIP-TOTAL", "info", EQ),
    ]);
    expect(f[0]!.message).toContain(
      "1项设备金额合计1500万元，本合同额度3000万元",
    );
    expect(f[1]!.message).toContain("融资租赁补贴明细表中没有这个合同编号");
  });
  it("says nothing without a 融资租赁补贴明细表 in the workbook", () => {
    expect(
      findingsOf(workbookOf(equipment(MACHINE)), "LEASE-EQUIP-TOTAL"),
    ).toEqual([]);
  });
});

describe("the LEASE rules", () => {
  it("are exactly the codes of tables.md, registered, each with a message and a seed section", () => {
    expect(LEASE_RULES.map((r) => r.code)).toEqual([
      "LEASE-SIGN-YEAR",
      "LEASE-FORM",
      "LEASE-PAID-OVER",
      "LEASE-PERIOD",
      "LEASE-INVOICE",
      "LEASE-EQUIP-AMOUNT",
      "LEASE-EQUIP-SHANXI",
      "LEASE-EQUIP-TOTAL",
    ]);
    for (const r of LEASE_RULES) {
      expect(ruleByCode(r.code)).toBe(r);
      expect(MESSAGES_ZH[r.code]).toBeDefined();
      expect(r.source).toMatch(/^附件[12] /);
    }
  });
});
