/** Text normalisation shared by the value parsers. */

/**
 * Full-width ASCII forms (U+FF01–U+FF5E: `０-９`, `Ａ-Ｚ`, `ａ-ｚ`, `％`, `（）`, `，`, `．`, `－`, `／`, `～`, `：`…) and the
 * ideographic space U+3000 → their half-width ASCII characters. Chinese characters and Chinese punctuation outside
 * that block (`、`, `。`, `—`) are untouched.
 * @example toHalfWidth("２０２４年３月５日") === "2024年3月5日"
 */
export function toHalfWidth(s: string): string {
  // A plain loop (faster than a replace with a callback; every header and cell text passes here): the string
  // itself when it has nothing to change.
  let i = 0;
  while (i < s.length && !isWide(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const code = s.charCodeAt(i);
    out +=
      code === 0x3000
        ? " "
        : isWide(code)
          ? String.fromCharCode(code - 0xfee0)
          : s[i];
  }
  return out;
}

/** U+FF01–U+FF5E (full-width ASCII forms) or U+3000 (ideographic space). */
function isWide(code: number): boolean {
  return (code >= 0xff01 && code <= 0xff5e) || code === 0x3000;
}

/** Every kind of white space people leave in cells: ASCII, no-break, ideographic, zero-width, BOM. */
const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]/g;

/**
 * {@link toHalfWidth}, then remove all white space (spaces, `\n`, `\r`, `\t`, U+3000, no-break and zero-width spaces).
 * @example compact(" １ ２３４．５\n") === "1234.5"
 */
export function compact(s: string): string {
  // Most cell texts have nothing to change: one scan, and the string itself.
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code <= 0x20 || (code >= 0x7f && mayChange(code)))
      return toHalfWidth(s).replace(WHITESPACE, "");
  }
  return s;
}

/** A character outside printable ASCII that {@link compact} may change: a control or white space, or full-width. */
function mayChange(code: number): boolean {
  // None between U+3000 and U+FEFF (CJK ideographs, kana, CJK punctuation): one test for most of a Chinese text.
  if (code > 0x3000 && code < 0xfeff) return false;
  return code <= 0xa0 || code === 0x200b || isWhiteSpace(code) || isWide(code);
}

/** A character of JavaScript's `\s` (white space and line breaks, U+3000 and the BOM included). */
export function isWhiteSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Digits of a mainland mobile number, allowing `-` or a space after the 3rd and 7th digit, and a `+86`/`86` prefix. */
const MOBILE =
  /(?:(?<!\d)\+?86[-\s]?|(?<!\d-?))(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!-?\d)/;

/**
 * 手机号码: the first 11-digit mainland mobile number (`1[3-9]` + 9 digits) in a text such as `张三 13800000000`,
 * `张三138-0000-0000`, `138 0000 0000` (full-width digits too). A digit run longer than 11 digits (an ID card number,
 * a bank account) does not count.
 * @returns the 11 digits without separators, or undefined when there is none.
 */
export function findMobile(s: string): string | undefined {
  const m = MOBILE.exec(toHalfWidth(s));
  return m ? `${m[1]}${m[2]}${m[3]}` : undefined;
}
