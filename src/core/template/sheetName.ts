/**
 * Sheet names for inserted templates. Excel compares sheet names without regard to case and allows
 * at most 31 characters; a name already taken gets a suffix the way Excel names copies: `新增贷款明细表(2)`.
 */

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/**
 * `base`, or `base(2)`, `base(3)`… — the first one not in `taken` (compared case-insensitively),
 * shortening `base` so the result stays within 31 characters.
 * @param taken names already in the workbook (any case)
 */
export function uniqueSheetName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const fit = (name: string, suffix: string) =>
    `${[...name].slice(0, MAX_SHEET_NAME - suffix.length).join("")}${suffix}`;
  if (!used.has(fit(base, "").toLowerCase())) return fit(base, "");
  for (let i = 2; ; i++) {
    const name = fit(base, `(${i})`);
    if (!used.has(name.toLowerCase())) return name;
  }
}
