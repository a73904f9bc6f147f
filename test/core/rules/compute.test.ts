/**
 * COMPUTE-* rules (T9 算力服务项目明细表 and 关联方清单, 附件1 三(七); 附件2 四(四)3(7)) through the engine.
 * 明细表 columns: C 算力供给方名称, D 算力供给方统一社会信用代码, E 服务合同编号, H 算力类型, K 用途, L 合同金额,
 * M 结算凭证编号, N 结算金额; data from row 5. 关联方清单: B 关联方名称, C 统一社会信用代码, D 关联关系.
 */
import type { Finding } from "../../../src/core/model/finding";
import type { Sheet } from "../../../src/core/model/grid";
import {
  findingsOf,
  tableSheet,
  workbookOf,
  type RowSpec,
} from "../../helpers/coop";

/** Credit codes with valid check characters (GB 32100). */
const B_USC = "91140105234567894Y";
const C_USC = "91140105MA0K12348G";
const D_USC = "9114010575309876XU";
const APPLICANT = "山西太钢不锈钢股份有限公司";
const S = "算力服务项目明细表";
const R = "关联方清单";

let seq = 0;
/** A complete 明细表 row with its own contract and settlement numbers, overridden by `over`. */
function service(over: RowSpec): RowSpec {
  seq++;
  return {
    projectName: "焊缝缺陷识别大模型训练",
    supplierName: "北京智算云服务有限公司",
    supplierCode: D_USC,
    contractNo: `HT-2024-${seq}`,
    signDate: "2024年3月1日",
    servicePeriod: "2024年3月1日—2024年12月31日",
    computeType: "智能算力",
    domestic: "是",
    framework: "昇思MindSpore",
    use: "训练",
    contractAmount: 100,
    settlementNo: `JS-2024-${seq}`,
    settledAmount: 100,
    ...over,
  };
}

function services(rows: RowSpec[], enterprise = APPLICANT): Sheet {
  return tableSheet("compute-services", {
    enterprise,
    rows: rows.map(service),
  });
}

function related(rows: RowSpec[]): Sheet {
  return tableSheet("related-parties", { enterprise: APPLICANT, rows });
}

const PARTIES = related([
  { name: "山西云算科技有限公司", code: B_USC, relation: "子公司" },
]);

function where(
  findings: Finding[],
): { sheet: string; cell?: string; severity: string }[] {
  return findings.map((f) => ({
    sheet: f.sheet,
    ...(f.cell ? { cell: f.cell } : {}),
    severity: f.severity,
  }));
}

describe("COMPUTE-RELATED (算力需求方与算力供给方不得存在关联关系)", () => {
  it("accepts a supplier that is neither a related party nor the applicant", () => {
    expect(
      findingsOf(workbookOf(services([{}]), PARTIES), "COMPUTE-RELATED"),
    ).toEqual([]);
  });

  it("reports a related party by name (有限责任公司 variant), by code, and the applicant itself (错误)", () => {
    const wb = workbookOf(
      services([
        { supplierName: "山西云算科技有限责任公司", supplierCode: "" },
        { supplierName: "云算（太原）数据有限公司", supplierCode: B_USC },
        { supplierName: "山西太钢不锈钢股份有限公司", supplierCode: C_USC },
      ]),
      PARTIES,
    );
    const found = findingsOf(wb, "COMPUTE-RELATED");
    expect(where(found)).toEqual([
      { sheet: S, cell: "C5", severity: "error" },
      { sheet: S, cell: "D6", severity: "error" },
      { sheet: S, cell: "C7", severity: "error" },
    ]);
    expect(found[0]!.message).toContain(
      "关联方清单中的“山西云算科技有限公司”（关联关系：子公司）",
    );
    expect(found[0]!.quote).toContain("算力需求方与算力供给方不得存在关联关系");
    expect(found[2]!.message).toContain("算力供给方就是申报企业本身");
  });
});

describe("COMPUTE-RELATED-NAME (字号)", () => {
  it("accepts a supplier whose 字号 differs", () => {
    expect(
      findingsOf(workbookOf(services([{}]), PARTIES), "COMPUTE-RELATED-NAME"),
    ).toEqual([]);
  });

  it("warns when the supplier shares the applicant's or a related party's 字号 (警告)", () => {
    const wb = workbookOf(
      services([
        { supplierName: "太钢云计算（北京）有限公司", supplierCode: C_USC },
        { supplierName: "北京云算信息技术有限公司", supplierCode: C_USC },
      ]),
      PARTIES,
    );
    const found = findingsOf(wb, "COMPUTE-RELATED-NAME");
    expect(where(found)).toEqual([
      { sheet: S, cell: "C5", severity: "warning" },
      { sheet: S, cell: "C6", severity: "warning" },
    ]);
    expect(found[0]!.message).toContain(
      "字号“太钢”与申报企业“山西太钢不锈钢股份有限公司”的字号相同",
    );
    expect(found[1]!.message).toContain(
      "字号“云算”与关联方（子公司）“山西云算科技有限公司”的字号相同",
    );
  });
});

describe("COMPUTE-RELATED-LIST (提示 when the 关联方清单 is absent)", () => {
  it("says nothing when the workbook has a 关联方清单", () => {
    expect(
      findingsOf(workbookOf(services([{}]), PARTIES), "COMPUTE-RELATED-LIST"),
    ).toEqual([]);
  });

  it("gives a 提示, never more, without one", () => {
    const found = findingsOf(
      workbookOf(services([{}])),
      "COMPUTE-RELATED-LIST",
    );
    expect(where(found)).toEqual([{ sheet: S, severity: "info" }]);
    expect(found[0]!.message).toContain("只能核对算力供给方是否为申报企业本身");
  });
});

describe("COMPUTE-CODE (统一社会信用代码, GB 32100)", () => {
  it("accepts valid credit codes in both tables", () => {
    expect(
      findingsOf(workbookOf(services([{}]), PARTIES), "COMPUTE-CODE"),
    ).toEqual([]);
  });

  it("reports a failed check character, a 9-character 组织机构代码, and a bad code in the 关联方清单 (错误)", () => {
    const wb = workbookOf(
      services([
        { supplierCode: "91140105234567894X" },
        { supplierCode: "110014526" },
      ]),
      related([{ name: "山西云算科技有限公司", code: "9114010523456789" }]),
    );
    const found = findingsOf(wb, "COMPUTE-CODE");
    expect(where(found)).toEqual([
      { sheet: S, cell: "D5", severity: "error" },
      { sheet: S, cell: "D6", severity: "error" },
      { sheet: R, cell: "B5", severity: "error" },
    ]);
    expect(found[0]!.message).toContain("第18位应为“Y”");
    expect(found[1]!.message).toContain("填写的是9位组织机构代码110014526");
    expect(found[2]!.message).toContain("是16位");
  });
});

describe("COMPUTE-SETTLE-OVER", () => {
  it("accepts settlements up to the contract amount, several settlements of one contract adding up", () => {
    const wb = workbookOf(
      services([
        { contractNo: "HT-1", contractAmount: 100, settledAmount: 60 },
        { contractNo: "HT-1", contractAmount: 100, settledAmount: 40 },
      ]),
      PARTIES,
    );
    expect(findingsOf(wb, "COMPUTE-SETTLE-OVER")).toEqual([]);
  });

  it("warns for a settlement above its contract, and for settlements of one contract adding up above it (警告)", () => {
    const wb = workbookOf(
      services([
        { contractAmount: 100, settledAmount: 120 },
        { contractNo: "HT-9", contractAmount: 100, settledAmount: 60 },
        { contractNo: "ht-9 ", contractAmount: 100, settledAmount: 50.5 },
      ]),
      PARTIES,
    );
    const found = findingsOf(wb, "COMPUTE-SETTLE-OVER");
    expect(where(found)).toEqual([
      { sheet: S, cell: "N5", severity: "warning" },
      { sheet: S, cell: "N7", severity: "warning" },
    ]);
    expect(found[0]!.message).toContain("结算金额120万元大于合同金额100万元");
    expect(found[1]!.message).toContain(
      "同一服务合同的2笔结算金额合计110.5万元，大于合同金额100万元",
    );
  });
});

describe("COMPUTE-DOC-NUMBERS (服务合同和结算凭证编号应与明细表对应)", () => {
  it("accepts rows with both numbers, one contract with two settlements", () => {
    const wb = workbookOf(
      services([
        { contractNo: "HT-1", settlementNo: "JS-1", settledAmount: 50 },
        { contractNo: "HT-1", settlementNo: "JS-2", settledAmount: 50 },
      ]),
      PARTIES,
    );
    expect(findingsOf(wb, "COMPUTE-DOC-NUMBERS")).toEqual([]);
  });

  it("reports a missing contract or settlement number (错误) and a settlement number used twice (警告)", () => {
    const wb = workbookOf(
      services([
        { contractNo: "" },
        { settlementNo: null },
        { settlementNo: "JS-7" },
        { settlementNo: " js-7" },
      ]),
      PARTIES,
    );
    const found = findingsOf(wb, "COMPUTE-DOC-NUMBERS");
    expect(where(found)).toEqual([
      { sheet: S, cell: "E5", severity: "error" },
      { sheet: S, cell: "M6", severity: "error" },
      { sheet: S, cell: "M8", severity: "warning" },
    ]);
    expect(found[0]!.message).toContain("服务合同编号未填写");
    expect(found[1]!.message).toContain("结算凭证编号未填写");
    expect(found[2]!.message).toContain("结算凭证编号“js-7”与第7行重复");
  });
});

describe("COMPUTE-TYPE (采购智能算力开展AI大模型训练、推理)", () => {
  it("accepts 智能算力 for 训练, 推理, 训练和推理", () => {
    const wb = workbookOf(
      services([{ use: "训练" }, { use: "推理" }, { use: "训练和推理" }]),
      PARTIES,
    );
    expect(findingsOf(wb, "COMPUTE-TYPE")).toEqual([]);
  });

  it("warns for 通用算力, another type and another use (警告)", () => {
    const wb = workbookOf(
      services([
        { computeType: "通用算力" },
        { computeType: "GPU算力", use: "渲染" },
      ]),
      PARTIES,
    );
    const found = findingsOf(wb, "COMPUTE-TYPE");
    expect(where(found)).toEqual([
      { sheet: S, cell: "H5", severity: "warning" },
      { sheet: S, cell: "H6", severity: "warning" },
      { sheet: S, cell: "K6", severity: "warning" },
    ]);
    expect(found[0]!.message).toContain("算力类型为通用算力");
    expect(found[1]!.message).toContain("算力类型“GPU算力”不是");
    expect(found[2]!.message).toContain("用途“渲染”不是训练或推理");
  });
});
