/** Chinese messages of the package rules (core/check/package.ts): across the files of one enterprise, and across enterprises. */
import type { MessageEntry } from "./types";

const CONTRACT_WORDS: Record<string, string> = {
  loan: "借款合同编号",
  policy: "保险单号",
  lease: "设备租赁合同编号",
};

/** The params of each package rule's findings (the package rules are not rules of the registry). */
export interface PackageParams {
  "PACKAGE-TABLES": { direction: string; missing: string; files: number };
  "PACKAGE-DIRECTION": { table: string; direction: string; applied: string };
  "MERGE-CONTRACT-DUP": {
    /** What the number identifies (core/check/package.ts `ContractKind`). */
    kind: "loan" | "policy" | "lease";
    number: string;
    other: string;
    otherFile: string;
    otherPlace: string;
  };
}

/** The code of a package rule. */
export type PackageCode = keyof PackageParams;

export const PACKAGE_MESSAGES: {
  readonly [C in PackageCode]: MessageEntry<PackageParams[C]>;
} = {
  "PACKAGE-TABLES": (p) =>
    `申报方向为“${p.direction}”，但${p.files > 1 ? `同一企业的${p.files}个文件` : "本次检查的文件"}中没有${p.missing}，请补交该明细表。`,
  "PACKAGE-DIRECTION": (p) =>
    `本表为${p.table}，对应申报方向“${p.direction}”，而项目情况表的申报方向为“${p.applied}”，请核对申报方向或撤下无关的表格。`,
  "MERGE-CONTRACT-DUP": (p) =>
    `${CONTRACT_WORDS[p.kind]}“${p.number}”${p.kind === "loan" ? "（同一借款银行）" : ""}也出现在“${p.other}”的文件“${p.otherFile}”${p.otherPlace}中，同一笔业务只能由一家企业申报，请核实。`,
};
