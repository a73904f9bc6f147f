/** compareRows: 所在市 in the official order, 所在县 in the city's official order, file name, then the row's place. */
import { compareRows, type RowOrderKey } from "../../../src/core/merge";

function key(
  city: string,
  county: string,
  file = "a.xlsx",
  over: Partial<RowOrderKey> = {},
): RowOrderKey {
  return { city, county, file, fileIndex: 0, sheetIndex: 0, row: 3, ...over };
}

function sorted(keys: RowOrderKey[]): string[] {
  return [...keys]
    .sort(compareRows)
    .map(
      (k) =>
        `${k.city}/${k.county}/${k.file}/${k.fileIndex}/${k.sheetIndex}/${k.row}`,
    );
}

test("cities in the official order (太原, 大同, … 吕梁), typed variants with them, others (and empty) last by text", () => {
  const cities = [
    ...[
      key("吕梁市", ""),
      key("北京市", ""),
      key("大同", ""),
      key(" 太原市", ""),
      key("", ""),
      key("阿城", ""),
    ],
  ]
    .sort(compareRows)
    .map((k) => k.city);
  expect(cities).toEqual([" 太原市", "大同", "吕梁市", "", "北京市", "阿城"]);
});

test("counties in the city's official order (小店区 before 迎泽区 before 古交市), unknown counties last", () => {
  expect(
    sorted([
      key("太原市", "古交市"),
      key("太原市", "某某县"),
      key("太原市", "迎泽区"),
      key("太原市", "小店区"),
    ]),
  ).toEqual([
    "太原市/小店区/a.xlsx/0/0/3",
    "太原市/迎泽区/a.xlsx/0/0/3",
    "太原市/古交市/a.xlsx/0/0/3",
    "太原市/某某县/a.xlsx/0/0/3",
  ]);
});

test("then file name (by code point), input index, sheet, row", () => {
  expect(
    sorted([
      key("太原市", "小店区", "b.xlsx"),
      key("太原市", "小店区", "a.xlsx", { fileIndex: 2 }),
      key("太原市", "小店区", "a.xlsx", { fileIndex: 1, row: 9 }),
      key("太原市", "小店区", "a.xlsx", {
        fileIndex: 1,
        sheetIndex: 1,
        row: 3,
      }),
      key("太原市", "小店区", "a.xlsx", { fileIndex: 1, row: 4 }),
    ]),
  ).toEqual([
    "太原市/小店区/a.xlsx/1/0/4",
    "太原市/小店区/a.xlsx/1/0/9",
    "太原市/小店区/a.xlsx/1/1/3",
    "太原市/小店区/a.xlsx/2/0/3",
    "太原市/小店区/b.xlsx/0/0/3",
  ]);
});
