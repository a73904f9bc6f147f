import * as fs from "fs";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { contentSecurityPolicy } from "../../scripts/csp";
import { createStaticServer } from "../../scripts/serve-static";

/** The directives of a policy, by name. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows scripts and connections only from the page's own origin, no eval, no plugins", () => {
    const d = directives(contentSecurityPolicy());
    expect(d["script-src"]).toEqual(["'self'"]);
    expect(d["connect-src"]).toEqual(["'self'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval|\*/);
  });

  it("for the one-file page allows exactly its inline script by hash and blob: workers", () => {
    const d = directives(contentSecurityPolicy({ scriptHash: "abc+/=" }));
    expect(d["script-src"]).toEqual(["'sha256-abc+/='"]);
    expect(d["worker-src"]).toEqual(["blob:"]);
  });
});

describe("serve-static", () => {
  let dir: string;
  let base: string;
  let running: ReturnType<typeof createStaticServer>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "techfund-static-"));
    fs.writeFileSync(
      path.join(dir, "taskpane.html"),
      "<!doctype html><p>审核工作台</p>",
    );
    running = createStaticServer(dir);
    await new Promise<void>((resolve) =>
      running.listen(0, "127.0.0.1", resolve),
    );
    base = `http://127.0.0.1:${(running.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => running.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("sends the CSP with every file and no CORS header", async () => {
    const res = await fetch(`${base}/taskpane.html`, {
      headers: { Origin: "https://evil.example" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe(
      contentSecurityPolicy(),
    );
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("webpack dev server", () => {
  it("sends the CSP and no wildcard CORS header", async () => {
    const config = await require("../../webpack.config.js")(
      { WEBPACK_SERVE: true },
      { mode: "development" },
    );
    expect(config.devServer.headers["Content-Security-Policy"]).toBe(
      contentSecurityPolicy(),
    );
    expect(
      config.devServer.headers["Access-Control-Allow-Origin"],
    ).toBeUndefined();
  });
});
