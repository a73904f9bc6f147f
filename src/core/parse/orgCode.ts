/** 统一社会信用代码 (GB 32100-2015) and 组织机构代码 (GB 11714-1997): format and check character. */
import type { Cell } from "../model/grid";
import { unreadable } from "./cell";
import type { ParseReason } from "./reasons";
import { toHalfWidth } from "./text";
import type { OrgCode, Parsed } from "./types";

/** GB 32100-2015 code characters; a character's value is its index (0–30). I, O, Z, S, V are not used. */
const USC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** GB 32100-2015 weights of positions 1–17: 3^(i−1) mod 31. */
const USC_WEIGHTS = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
/** GB 11714-1997 weights of positions 1–8. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * The 18th (check) character of a 统一社会信用代码 whose first 17 characters are `body` (GB 32100-2015 §5):
 * C18 = 31 − (Σ value(Ci)·Wi mod 31), 31 → 0, written with the code's own character set. Undefined when `body` is not
 * 17 code characters.
 */
export function creditCodeCheckChar(body: string): string | undefined {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++)
    sum += USC_CHARS.indexOf(body[i]!) * USC_WEIGHTS[i]!;
  return USC_CHARS[(31 - (sum % 31)) % 31];
}

/**
 * The 9th (check) character of a 组织机构代码 whose first 8 characters are `body` (GB 11714-1997): digits count as
 * themselves, letters A–Z as 10–35; C9 = 11 − (Σ value(Ci)·Wi mod 11), 10 → `X`, 11 → `0`. Undefined when `body` is
 * not 8 digits/upper-case letters.
 */
export function orgCodeCheckChar(body: string): string | undefined {
  if (!/^[0-9A-Z]{8}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : String(c % 11);
}

/** True for an 18-character upper-case 统一社会信用代码 with the right character set and check character. */
export function isValidCreditCode(code: string): boolean {
  return (
    code.length === 18 && creditCodeCheckChar(code.slice(0, 17)) === code[17]
  );
}

/** True for a 9-character upper-case 组织机构代码 without the hyphen (`123456789`), with the right check character. */
export function isValidOrgCode(code: string): boolean {
  return code.length === 9 && orgCodeCheckChar(code.slice(0, 8)) === code[8];
}

/** The first character outside `allowed` with its 1-based position, or undefined. */
function badChar(
  code: string,
  allowed: RegExp,
): { position: number; char: string } | undefined {
  const i = [...code].findIndex((ch) => !allowed.test(ch));
  return i < 0 ? undefined : { position: i + 1, char: code[i]! };
}

/** Check a normalised (upper-case, no spaces, no hyphen) code; `asNumber` when it came from a number cell. */
function checkCode(code: string, asNumber: boolean): Parsed<OrgCode> {
  if (code.length === 18) {
    const bad = badChar(code, /[0-9A-HJ-NPQRTUWXY]/);
    if (bad)
      return { ok: false, reason: { code: "USC-CHAR", value: code, ...bad } };
    const expected = creditCodeCheckChar(code.slice(0, 17))!;
    if (expected !== code[17])
      return {
        ok: false,
        reason: { code: "USC-CHECK", value: code, expected },
      };
    return { ok: true, value: { kind: "usc", code } };
  }
  if (code.length === 9) {
    const bad =
      badChar(code.slice(0, 8), /[0-9A-Z]/) ??
      (/[0-9X]/.test(code[8]!) ? undefined : { position: 9, char: code[8]! });
    if (bad)
      return { ok: false, reason: { code: "ORG-CHAR", value: code, ...bad } };
    const expected = orgCodeCheckChar(code.slice(0, 8))!;
    if (expected !== code[8])
      return {
        ok: false,
        reason: { code: "ORG-CHECK", value: code, expected },
      };
    return { ok: true, value: { kind: "org", code } };
  }
  const reason: ParseReason["code"] = asNumber
    ? "CODE-LENGTH-NUMBER"
    : /^\d{15}$/.test(code)
      ? "CODE-REGISTRATION"
      : "CODE-LENGTH";
  return { ok: false, reason: { code: reason, value: code } };
}

/**
 * 组织机构代码 column: an 18-character 统一社会信用代码 (GB 32100-2015) or a 9-character 组织机构代码 (GB 11714-1997,
 * `12345678-9` or `123456789`). Spaces and full-width characters are ignored and lower-case letters read as upper-case,
 * with a note; the returned code is upper-case without spaces or hyphen.
 *
 * ok:false for a wrong length, characters outside the standard's set, a failing check character (the
 * reason names the expected one), and a number cell of 16+ digits: an 18-digit code typed as a number keeps only 15
 * significant digits, so the code is never "repaired" from it.
 */
export function readOrgCode(cell: Cell | undefined): Parsed<OrgCode> {
  const bad = unreadable(cell, "code");
  if (bad !== undefined) return { ok: false, reason: bad };
  const v = cell!.v;
  if (typeof v === "number") {
    if (Math.abs(v) >= 1e15) {
      return { ok: false, reason: { code: "CODE-DIGITS-LOST" } };
    }
    if (!Number.isInteger(v) || v < 0)
      return { ok: false, reason: { code: "CODE-NUMBER", value: v } };
    return checkCode(String(v), true);
  }
  const raw = String(v);
  const spaced = toHalfWidth(raw).replace(/[\s\u00a0\u3000]/g, "");
  const upper = spaced.toUpperCase();
  const code = /^[0-9A-Z]{8}-[0-9A-Z]$/.test(upper)
    ? upper.replace("-", "")
    : upper;
  const read = checkCode(code, false);
  const typed = raw.trim();
  if (!read.ok || code === typed || code === typed.replace("-", ""))
    return read;
  return { ...read, note: { code: "CODE-NORMALISED", typed, value: code } };
}
