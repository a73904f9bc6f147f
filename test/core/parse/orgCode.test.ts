import * as fc from "fast-check";
import type { Cell } from "../../../src/core/model/grid";
import {
  creditCodeCheckChar,
  isValidCreditCode,
  isValidOrgCode,
  orgCodeCheckChar,
  readOrgCode as readOrgCodeCoded,
} from "../../../src/core/parse";
import { worded } from "./helpers";

/** readOrgCode, its note and reason worded by the catalog (helpers.ts). */
const readOrgCode = worded(readOrgCodeCoded);

const cell = (v: Cell["v"], extra: Partial<Cell> = {}): Cell =>
  Object.freeze({ v, ...extra });
const USC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** 统一社会信用代码 as published for well-known enterprises, and a widely cited example code. */
const PUBLIC_CREDIT_CODES = [
  "914403001922038216", // 华为技术有限公司
  "91440300708461136T", // 深圳市腾讯计算机系统有限公司
  "911000001000013428", // 中国银行股份有限公司
  "91110000802100433B", // 中国石油化工股份有限公司
  "91350100M000100Y43", // example code cited in descriptions of GB 32100-2015
];

describe("统一社会信用代码 check character (GB 32100-2015)", () => {
  it("computes the example by hand", () => {
    // 91350100M000100Y4: values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4 with weights
    // 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 → 9+3+27+135+26+420+8+900+112 = 1640;
    // 1640 mod 31 = 28; 31 − 28 = 3.
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
    // 91440300708461136: 9+3+36+108+0+78+0+0+140+0+200+52+48+24+10+90+168 = 966; 966 mod 31 = 5; 31 − 5 = 26 → "T".
    expect(creditCodeCheckChar("91440300708461136")).toBe("T");
    // Sum ≡ 0 (mod 31) gives 31 → 0: "00000000000000000" sums to 0.
    expect(creditCodeCheckChar("00000000000000000")).toBe("0");
  });

  it("validates published codes", () => {
    for (const code of PUBLIC_CREDIT_CODES)
      expect(isValidCreditCode(code)).toBe(true);
  });

  it("refuses codes with a wrong check character, length or character set", () => {
    expect(isValidCreditCode("914403001922038217")).toBe(false);
    expect(isValidCreditCode("91440300708461136")).toBe(false);
    expect(isValidCreditCode("9144030070846113I6")).toBe(false);
    expect(isValidCreditCode("91440300708461136t")).toBe(false); // lower case
    expect(creditCodeCheckChar("91440300O08461136")).toBeUndefined();
  });

  it("accepts generated codes and rejects every single-character change", () => {
    const body = fc
      .array(fc.constantFrom(...USC_CHARS), { minLength: 17, maxLength: 17 })
      .map((a) => a.join(""));
    fc.assert(
      fc.property(
        body,
        fc.nat(17),
        fc.integer({ min: 1, max: 30 }),
        (b, pos, shift) => {
          const code = b + creditCodeCheckChar(b)!;
          expect(isValidCreditCode(code)).toBe(true);
          const changed =
            USC_CHARS[(USC_CHARS.indexOf(code[pos]!) + shift) % 31]!;
          const broken = code.slice(0, pos) + changed + code.slice(pos + 1);
          expect(isValidCreditCode(broken)).toBe(false);
        },
      ),
    );
  });
});

describe("组织机构代码 check character (GB 11714-1997)", () => {
  it("computes examples by hand", () => {
    // 12345678: 1·3+2·7+3·9+4·10+5·5+6·8+7·4+8·2 = 201; 201 mod 11 = 3; 11 − 3 = 8.
    expect(orgCodeCheckChar("12345678")).toBe("8");
    // 00000006: 6·2 = 12 ≡ 1; 11 − 1 = 10 → X.
    expect(orgCodeCheckChar("00000006")).toBe("X");
    // 00000000: 0; 11 − 0 = 11 → 0.
    expect(orgCodeCheckChar("00000000")).toBe("0");
    // A0000000: A = 10, 10·3 = 30 ≡ 8; 11 − 8 = 3.
    expect(orgCodeCheckChar("A0000000")).toBe("3");
    // 70846113 (Tencent's, positions 9–17 of its credit code): 21+0+72+40+30+8+4+6 = 181 ≡ 5; 11 − 5 = 6.
    expect(orgCodeCheckChar("70846113")).toBe("6");
  });

  it("validates the organisation codes inside published credit codes", () => {
    for (const code of PUBLIC_CREDIT_CODES)
      expect(isValidOrgCode(code.slice(8, 17))).toBe(true);
  });

  it("refuses wrong check characters and forms", () => {
    expect(isValidOrgCode("123456789")).toBe(false);
    expect(isValidOrgCode("12345678-8")).toBe(false); // the hyphen is for readOrgCode to strip
    expect(isValidOrgCode("00000006X")).toBe(true);
    expect(isValidOrgCode("00000006x")).toBe(false);
  });

  it("rejects every single-digit change of a generated all-digit code", () => {
    const body = fc
      .array(fc.constantFrom(..."0123456789"), { minLength: 8, maxLength: 8 })
      .map((a) => a.join(""));
    fc.assert(
      fc.property(
        body,
        fc.nat(7),
        fc.integer({ min: 1, max: 9 }),
        (b, pos, shift) => {
          const code = b + orgCodeCheckChar(b)!;
          expect(isValidOrgCode(code)).toBe(true);
          const broken =
            code.slice(0, pos) +
            String((Number(code[pos]) + shift) % 10) +
            code.slice(pos + 1);
          expect(isValidOrgCode(broken)).toBe(false);
        },
      ),
    );
  });
});

describe("readOrgCode", () => {
  it("reads a 统一社会信用代码", () => {
    expect(readOrgCode(cell("91440300708461136T"))).toEqual({
      ok: true,
      value: { kind: "usc", code: "91440300708461136T" },
    });
  });

  it("reads a 组织机构代码 with or without the hyphen", () => {
    expect(readOrgCode(cell("70846113-6"))).toEqual({
      ok: true,
      value: { kind: "org", code: "708461136" },
    });
    expect(readOrgCode(cell("708461136"))).toEqual({
      ok: true,
      value: { kind: "org", code: "708461136" },
    });
    expect(readOrgCode(cell(708461136))).toEqual({
      ok: true,
      value: { kind: "org", code: "708461136" },
    });
  });

  it("normalises spaces, full-width and lower-case characters, saying so", () => {
    expect(readOrgCode(cell("91440300708461136t"))).toEqual({
      ok: true,
      value: { kind: "usc", code: "91440300708461136T" },
      note: "“91440300708461136t”按91440300708461136T读取",
    });
    expect(
      readOrgCode(cell("９１４４ ０３００ ７０８４ ６１１３ ６Ｔ")),
    ).toMatchObject({
      ok: true,
      value: { kind: "usc", code: "91440300708461136T" },
    });
    expect(readOrgCode(cell(" 91440300708461136T "))).toEqual({
      ok: true,
      value: { kind: "usc", code: "91440300708461136T" },
    });
  });

  it("names the expected check character", () => {
    expect(readOrgCode(cell("914403007084611367"))).toEqual({
      ok: false,
      reason:
        "统一社会信用代码914403007084611367校验不通过：按前17位，第18位应为“T”，填写的是“7”",
    });
    expect(readOrgCode(cell("70846113-5"))).toEqual({
      ok: false,
      reason:
        "组织机构代码708461135校验不通过：按前8位，第9位（校验码）应为“6”，填写的是“5”",
    });
  });

  it("names characters outside the standard's set", () => {
    expect(readOrgCode(cell("9144030070846113IT"))).toEqual({
      ok: false,
      reason:
        "统一社会信用代码9144030070846113IT的第17位“I”不是允许的字符（不使用I、O、Z、S、V）",
    });
    expect(readOrgCode(cell("7084611#-6"))).toEqual({
      ok: false,
      reason:
        "代码应为18位统一社会信用代码或9位组织机构代码，填写的“7084611#-6”是10位",
    });
    expect(readOrgCode(cell("7084611#6"))).toEqual({
      ok: false,
      reason: "组织机构代码7084611#6的第8位“#”不是允许的字符",
    });
    expect(readOrgCode(cell("70846113Y"))).toEqual({
      ok: false,
      reason: "组织机构代码70846113Y的第9位“Y”不是允许的字符",
    });
  });

  it("explains wrong lengths", () => {
    expect(readOrgCode(cell("9144030070846113"))).toEqual({
      ok: false,
      reason:
        "代码应为18位统一社会信用代码或9位组织机构代码，填写的“9144030070846113”是16位",
    });
    expect(readOrgCode(cell("440301103456789"))).toEqual({
      ok: false,
      reason:
        "代码应为18位统一社会信用代码或9位组织机构代码，填写的“440301103456789”是15位（15位的是原工商注册号），请填写18位统一社会信用代码",
    });
    // 012345678 typed as a number loses its leading zero.
    expect(readOrgCode(cell(12345678))).toEqual({
      ok: false,
      reason:
        "代码应为18位统一社会信用代码或9位组织机构代码，填写的“12345678”是8位；代码以数字存储，开头的0可能已丢失，请将单元格设为文本后重新录入",
    });
  });

  it("never repairs an 18-digit code stored as a number", () => {
    const lost =
      "18位代码以数字存储，末尾数位已丢失（Excel只保留15位有效数字），请将单元格设为文本后重新录入";
    // 914403001922038216 typed into a General cell is stored as 914403001922038000 (shown 9.14403E+17).
    expect(readOrgCode(cell(914403001922038000, { w: "9.14403E+17" }))).toEqual(
      { ok: false, reason: lost },
    );
    expect(readOrgCode(cell(9.11e17))).toEqual({ ok: false, reason: lost });
    expect(readOrgCode(cell(1.5))).toEqual({
      ok: false,
      reason: "数字1.5不是代码",
    });
  });

  it("says why a blank or error cell has no code", () => {
    expect(readOrgCode(undefined)).toEqual({ ok: false, reason: "单元格为空" });
    expect(readOrgCode(cell(null, { e: "#NAME?" }))).toEqual({
      ok: false,
      reason: "单元格显示错误值#NAME?",
    });
  });
});
