/**
 * The 资格自检 sheet of one 申报方向 (our layout): the inputs the direction's conditions need (yellow cells with
 * dropdowns for 是/否, 所属行业 and 试点示范), then each condition with its verdict formula (eligibility/formula.ts),
 * the notice's words and section, the overall verdict, and whom to call (附件5). The verdicts are formulas so that the
 * sheet keeps answering as figures change, in Excel or WPS, with or without the add-in; each carries as cached result
 * what the core evaluator gives for the answers known when the sheet was made.
 */
import { contactsFor } from "../catalog/contacts";
import {
  eligibilityFor,
  inputsFor,
  type EligibilityInput,
} from "../catalog/eligibility";
import { DEMO_PROGRAMMES } from "../catalog/enums";
import { listName } from "../template/lists";
import { a1, type Cell } from "../model/grid";
import { dateToSerial, readDate, readNumber, readPercent } from "../parse";
import { evaluateEligibility, type Answers } from "../eligibility/evaluate";
import { overallFormula, verdictFormula } from "../eligibility/formula";
import {
  BOX,
  linesFor,
  linesHeight,
  type FormCell,
  type FormLayout,
  type FormValidation,
} from "./layout";

/**
 * What an input cell holds for a typed answer: a number for figures (so that the formulas see a number: text
 * "200000" is not one), a date serial for dates, the trimmed text otherwise; undefined when empty or unreadable
 * (an unreadable figure stays out of the sheet rather than in it as text the formulas would not count).
 */
function cellValue(
  input: EligibilityInput,
  cell: Cell | undefined,
): string | number | undefined {
  if (!cell || cell.v === null || cell.v === "") return undefined;
  if (
    input.kind === "amount" ||
    input.kind === "number" ||
    input.kind === "percent"
  ) {
    const read =
      input.kind === "percent" ? readPercent(cell) : readNumber(cell);
    return read.ok ? read.value : undefined;
  }
  if (input.kind === "date") {
    const read = readDate(cell, false);
    return read.ok ? dateToSerial(read.value, false) : undefined;
  }
  return String(cell.v).trim();
}

/** Title of the sheet. */
export const ELIGIBILITY_TITLE = "山西省技术改造专项资金事项类项目资格自检表";

/** The 试点示范 of 附件1 六(七) as an in-cell list (`"企业技术中心,…"`, under Excel's 255 characters). */
export function programmeList(): string {
  return `"${Object.values(DEMO_PROGRAMMES).flat().join(",")}"`;
}

const WIDTHS = [34, 16, 64, 18];

/**
 * The sheet for `direction`.
 * @param answers the figures already typed (task pane), by input key: written into the input cells
 * (the 所属行业 dropdown uses the list sheet's defined name: the writer adds that sheet)
 * @param chain the 省级重点产业链, for a chain direction's 专班 contact
 * @throws Error for a direction that is not one of the notice (a programming error: callers offer the list)
 */
export function eligibilitySheetLayout(
  direction: string,
  answers: Answers,
  chain?: string,
): FormLayout {
  const e = eligibilityFor(direction);
  if (!e) throw new Error(`未知的申报方向：${direction}`);
  const cells: FormCell[] = [];
  const heights: { r: number; height: number }[] = [];
  const validations: FormValidation[] = [];
  let r = 0;
  const row = (height: number, ...cs: Omit<FormCell, "r">[]) => {
    heights.push({ r, height });
    for (const c of cs) cells.push({ ...c, r });
    return r++;
  };
  const box = { borders: BOX };
  row(36, { c: 0, cols: 4, style: "title", value: ELIGIBILITY_TITLE });
  row(
    24,
    { c: 0, style: "label", value: "申报方向", ...box },
    { c: 1, cols: 3, style: "value", value: direction, ...box },
  );
  row(
    24,
    { c: 0, style: "label", value: "申报专项", ...box },
    { c: 1, cols: 3, style: "value", value: e.special, ...box },
  );
  row(linesHeight(2), {
    c: 0,
    cols: 4,
    style: "note",
    value:
      "请在黄色单元格中填写或选择（金额单位：万元）。通知中的“以上”“不低于”“达”“及以上”均含本数。结论由公式按通知条件计算，仅供自检，以审核结果为准。",
  });
  row(
    24,
    ...["填写项目", "填写内容", "单位", ""].map((v, c) => ({
      c,
      style: "heading" as const,
      value: v,
      ...(v ? box : {}),
    })),
  );
  const inputCell = new Map<string, string>();
  for (const input of inputsFor(direction)) {
    const typed = cellValue(input, answers[input.key]);
    const r0 = row(
      linesHeight(linesFor(input.label, WIDTHS[0]!)),
      { c: 0, style: "value", value: input.label, ...box },
      {
        c: 1,
        style: "input",
        ...(typed !== undefined && typed !== null && typed !== ""
          ? { value: typeof typed === "boolean" ? String(typed) : typed }
          : {}),
        ...(input.kind === "date"
          ? { numFmt: 'yyyy"年"m"月"d"日"' }
          : input.kind === "amount"
            ? { numFmt: "#,##0.00" }
            : {}),
        ...box,
      },
      {
        c: 2,
        style: "value",
        value: input.kind === "yesNo" ? "选择“是”或“否”" : (input.unit ?? ""),
        ...box,
      },
    );
    inputCell.set(input.key, a1(r0, 1));
    if (input.kind === "yesNo")
      validations.push({ r: r0, c: 1, list: '"是,否"' });
    if (input.kind === "industry")
      validations.push({ r: r0, c: 1, list: listName("industry") });
    if (input.kind === "programme")
      validations.push({ r: r0, c: 1, list: programmeList() });
  }
  row(12);
  row(
    24,
    ...["条件", "结论", "通知原文", "通知出处"].map((v, c) => ({
      c,
      style: "heading" as const,
      value: v,
      ...box,
    })),
  );
  const result = evaluateEligibility(direction, answers)!;
  const first = r;
  for (const res of result.results) {
    const c = res.condition;
    row(
      linesHeight(
        Math.max(linesFor(c.quote, WIDTHS[2]!), linesFor(c.label, WIDTHS[0]!)),
      ),
      { c: 0, style: "value", value: c.label, ...box },
      {
        c: 1,
        style: "label",
        formula: verdictFormula(c.test, (k) => inputCell.get(k)!),
        result: res.verdict,
        ...box,
      },
      { c: 2, style: "value", value: c.quote, ...box },
      { c: 3, style: "value", value: c.source, ...box },
    );
  }
  const last = r - 1;
  row(
    28,
    { c: 0, style: "heading", value: "总体结论", ...box },
    {
      c: 1,
      style: "heading",
      formula: overallFormula(`${a1(first, 1)}:${a1(last, 1)}`),
      result: result.overall,
      horizontalAlign: "center",
      ...box,
    },
    { c: 2, cols: 2, style: "note", value: e.note ?? "", ...box },
  );
  const contacts = contactsFor(direction, {
    ...(typeof answers.industry?.v === "string"
      ? { industry: answers.industry.v }
      : {}),
    ...(typeof answers.demonstrationProgramme?.v === "string"
      ? { programme: answers.demonstrationProgramme.v }
      : {}),
    ...(chain ? { chain } : {}),
  });
  if (contacts) {
    row(12);
    row(24, { c: 0, cols: 4, style: "heading", value: "咨询联系人（附件5）" });
    row(
      24,
      ...["负责处室", "联系人", "联系电话", ""].map((v, c) => ({
        c,
        style: "heading" as const,
        value: v,
        ...(v ? box : {}),
      })),
    );
    for (const x of contacts.contacts)
      row(
        22,
        { c: 0, style: "value", value: x.office, ...box },
        { c: 1, style: "value", value: x.person, ...box },
        { c: 2, style: "value", value: x.phone, ...box },
      );
    if (contacts.chainDesk) {
      const d = contacts.chainDesk;
      row(
        22,
        {
          c: 0,
          style: "value",
          value: `${d.chain}专班（${d.office}）`,
          ...box,
        },
        { c: 1, style: "value", value: d.person, ...box },
        { c: 2, style: "value", value: d.phone, ...box },
      );
    } else if (contacts.row.chainDesks) {
      row(22, {
        c: 0,
        cols: 4,
        style: "note",
        value:
          "产业链专班联系人：见通知附件5“省级重点产业链各专班处室联系人”。",
      });
    }
  }
  return {
    formId: "eligibility",
    sheetName: "资格自检",
    title: ELIGIBILITY_TITLE,
    columnWidths: WIDTHS,
    rowHeights: heights,
    cells,
    validations,
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
    },
  };
}
