/**
 * A PDF that LibreOffice prints from our workbooks, read back: its page sizes, its text (poppler's pdftotext), and its
 * pages as PNG (pdftoppm) kept in test-artifacts/ to look at.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { promisify } from "util";
import { convertWithLibreOffice } from "./libreoffice";

const run = promisify(execFile);

/**
 * Prints a workbook with LibreOffice (calc_pdf_Export) and writes the PDF beside it, named `<stem>.pdf`.
 * @returns the PDF's path
 */
export async function printToPdf(file: string): Promise<string> {
  const [pdf] = await convertWithLibreOffice(
    [file],
    "pdf:calc_pdf_Export",
    "pdf",
  );
  const stem = path.basename(file, path.extname(file));
  const pdfFile = path.join(path.dirname(file), `${stem}.pdf`);
  await fs.writeFile(pdfFile, pdf!);
  return pdfFile;
}

/**
 * The printed text of the PDF, or of its page `page` (1-based), without white space: wrapped text is split over lines,
 * so a text is printed whole when the result includes it without its spaces.
 */
export async function printedText(
  pdfFile: string,
  page?: number,
): Promise<string> {
  const only =
    page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  const { stdout } = await run("pdftotext", [...only, pdfFile, "-"]);
  return stdout.replace(/\s+/g, "");
}

/** A4 in points (210 × 297 mm), as {@link pageSizes} gives it: landscape and portrait. */
export const A4_LANDSCAPE = "842x595";
export const A4_PORTRAIT = "595x842";

/**
 * Each page's size in points, rounded: `842x595` is A4 landscape, `595x842` A4 portrait. Read from the page objects'
 * MediaBox (the page tree has its own, larger one).
 */
export function pageSizes(pdf: Buffer): string[] {
  return [
    ...pdf
      .toString("latin1")
      .matchAll(
        /\/Type\s*\/Page\b(?!s)[^>]*?\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g,
      ),
  ].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
}

/**
 * Keeps the PDF's pages (or only page `page`) as PNG at `dpi` in test-artifacts/`folder`/, named `<stem>-N.png`.
 * @returns that folder
 */
export async function keepPngs(
  pdfFile: string,
  folder: string,
  stem: string,
  options: { dpi?: number; page?: number } = {},
): Promise<string> {
  const out = path.resolve(__dirname, "../../test-artifacts", folder);
  await fs.mkdir(out, { recursive: true });
  const only =
    options.page === undefined
      ? []
      : ["-f", String(options.page), "-l", String(options.page)];
  await run("pdftoppm", [
    ...only,
    "-png",
    "-r",
    String(options.dpi ?? 60),
    pdfFile,
    path.join(out, stem),
  ]);
  return out;
}
