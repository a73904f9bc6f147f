/**
 * 差错清单 in the workbench: what a reviewer sends back to an enterprise — one workbook per enterprise (core/review/returnList.ts
 * `returnItems` and `returnListLayout`, written by xlsx/returnList.ts as `techfund check --return` writes it), listing
 * the 错误 and the 警告 without an explanation that counts, each with its sheet and cell in the enterprise's own
 * workbook, and an empty 企业答复 column.
 */
import { returnItems, returnListLayout } from "../../core/review/returnList";
import type { FileCheck } from "../../core/review/reviewReport";
import { TEXT } from "../text.zh";
import type { ReturnList } from "./protocol";

/** A checked file and the enterprises it names. */
export interface ReturnSource {
  check: FileCheck;
  enterprises: readonly string[];
}

/** The files grouped by enterprise (the first one each names; a file naming none is its own group, by file name). */
export function byEnterprise(
  sources: readonly ReturnSource[],
): Map<string, ReturnSource[]> {
  const groups = new Map<string, ReturnSource[]>();
  for (const s of sources) {
    const name = s.enterprises[0] ?? s.check.file.replace(/\.[^.]+$/, "");
    groups.set(name, [...(groups.get(name) ?? []), s]);
  }
  return groups;
}

/** Today as the notice writes dates (`2026年3月1日`). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/**
 * One 差错清单 workbook per enterprise with something to fix, named `差错清单_<企业>.xlsx`.
 * @param unit the reviewing unit ('' when not given)
 */
export async function returnLists(
  sources: readonly ReturnSource[],
  unit: string,
): Promise<ReturnList[]> {
  const { writeReturnList } = await import(
    /* webpackChunkName: "write" */ "../../xlsx/returnList"
  );
  const out: ReturnList[] = [];
  for (const [enterprise, group] of byEnterprise(sources)) {
    const items = returnItems(group.map((g) => g.check));
    if (items.length === 0) continue;
    const named = group.some((g) => g.enterprises.length > 0) ? enterprise : "";
    const bytes = await writeReturnList(
      returnListLayout(named, items, { unit, date: today() }),
    );
    out.push({ fileName: TEXT.returnFileName(enterprise), bytes });
  }
  return out;
}
