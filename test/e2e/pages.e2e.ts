/**
 * End-to-end: the two pages of one build. addin.html is the add-in's page (the manifest's SourceLocation): office.js
 * in its <head>, before every other script, from the build's own copy (no CDN), under the page's CSP; taskpane.html
 * (the 审核工作台 served to a browser) and the one-file workbench.html never reference office.js. Opened in a plain
 * Chromium, addin.html still ends in browser mode and every request stays on the local server.
 */
import * as fs from "fs";
import * as path from "path";
import { BUILD, startSession, WAIT, type Session } from "./harness";

const read = (file: string) => fs.readFileSync(path.join(BUILD, file), "utf8");

/** The tags of the page's <head>, in order (`<meta …>`, `<script …>`, …), comments left out, spaces collapsed. */
function headTags(html: string): string[] {
  const head = /<head>([\s\S]*?)<\/head>/
    .exec(html)![1]!
    .replace(/<!--[\s\S]*?-->/g, "");
  return [...head.matchAll(/<(meta|script|link|title)\b[^>]*>/g)].map((m) =>
    m[0].replace(/\s+/g, " "),
  );
}

describe("the built pages", () => {
  it("addin.html: the CSP first, then office.js (local, not deferred) before every other script", () => {
    const tags = headTags(read("addin.html"));
    expect(tags[0]).toBe('<meta charset="UTF-8" />');
    expect(tags[1]).toMatch(
      /^<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self';/,
    );
    const scripts = tags.filter((t) => t.startsWith("<script"));
    expect(scripts[0]).toBe('<script src="office-js/office.js">');
    expect(
      scripts.slice(1).every((t) => / defer src="[\w.-]+\.js"/.test(t)),
    ).toBe(true);
    expect(scripts.length).toBeGreaterThan(1);
    // No script from another site (the Office CDN included).
    expect(scripts.filter((t) => /src="(https?:)?\/\//.test(t))).toEqual([]);
    expect(fs.existsSync(path.join(BUILD, "office-js", "office.js"))).toBe(
      true,
    );
  });

  it("taskpane.html and workbench.html (the 审核工作台) never reference office.js", () => {
    expect(read("taskpane.html")).not.toMatch(/office\.js/);
    expect(
      headTags(read("taskpane.html")).filter((t) => t.startsWith("<script")),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ defer src="taskpane\.\w+\.js"/),
      ]),
    );
    expect(read("workbench.html")).not.toMatch(/office-js\/|office\.js"/);
  });

  it("the manifest opens addin.html as the task pane", () => {
    const manifest = read("manifest.xml");
    expect(manifest).toContain(
      '<SourceLocation DefaultValue="https://localhost:3000/addin.html"/>',
    );
    expect(manifest).toContain(
      '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/addin.html"/>',
    );
  });
});

describe("addin.html opened in a plain browser (no Office)", () => {
  let s: Session;
  const requests: string[] = [];
  beforeAll(async () => {
    s = await startSession();
    s.page.on("request", (r) => requests.push(r.url()));
    await s.page.goto(`${s.baseUrl}/addin.html`);
  });
  afterAll(async () => s?.close());

  it("loads the local office.js, falls back to the 审核工作台, and requests nothing from another site", async () => {
    await s.page.getByRole("heading", { name: "审核工作台" }).waitFor(WAIT);
    expect(requests).toContain(`${s.baseUrl}/office-js/office.js`);
    expect(await s.page.evaluate(() => "Office" in window)).toBe(true);
    expect(
      requests.filter(
        (u) =>
          !u.startsWith(`${s.baseUrl}/`) &&
          !u.startsWith("blob:") &&
          !u.startsWith("data:"),
      ),
    ).toEqual([]);
    expect(
      await s.page.getByRole("button", { name: "加载项自检" }).count(),
    ).toBe(0);
  });
});
