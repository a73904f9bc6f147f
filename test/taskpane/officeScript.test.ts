/** @jest-environment jsdom */
import {
  loadOfficeScript,
  OFFICE_SCRIPT,
  plausiblyInOffice,
  type WindowLike,
} from "../../src/taskpane/officeScript";

/** A top-level window opened at `search`/`hash`, with no Office sign unless `extra` adds one. */
function win(
  search = "",
  hash = "",
  extra: Partial<WindowLike> = {},
): WindowLike {
  const w: WindowLike = {
    location: { search, hash },
    parent: undefined,
    name: "",
    ...extra,
  };
  if (!("parent" in extra)) w.parent = w;
  return w;
}

describe("plausiblyInOffice", () => {
  it("is false for a page opened directly in a browser", () => {
    expect(plausiblyInOffice(win())).toBe(false);
    expect(
      plausiblyInOffice(
        win("?demo=1", "#top", {
          external: {},
          sessionStorage: { getItem: () => null },
        }),
      ),
    ).toBe(false);
  });

  it("is true with each sign office.js reads", () => {
    expect(
      plausiblyInOffice(win("?_host_Info=Excel$Win32$16.01$zh-CN$$$$0")),
    ).toBe(true);
    expect(
      plausiblyInOffice(win("", "#_host_Info=Excel|Web|16.00|zh-CN")),
    ).toBe(true);
    expect(plausiblyInOffice(win("?a=1&office=1"))).toBe(true);
    expect(plausiblyInOffice(win("", "", { parent: {} }))).toBe(true);
    expect(plausiblyInOffice(win("", "", { agaveHost: {} }))).toBe(true);
    expect(
      plausiblyInOffice(win("", "", { name: '{"hostInfo":"Excel|Mac"}' })),
    ).toBe(true);
    expect(
      plausiblyInOffice(
        win("", "", { external: { GetHostInfo: () => "Excel$Win32" } }),
      ),
    ).toBe(true);
    expect(
      plausiblyInOffice(
        win("", "", {
          sessionStorage: {
            getItem: (k) => (k === "hostInfoValue" ? "Excel$Web" : null),
          },
        }),
      ),
    ).toBe(true);
  });

  it("does not take office=10 or a blocked sessionStorage for a sign", () => {
    expect(plausiblyInOffice(win("?office=10"))).toBe(false);
    const blocked = {
      getItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(plausiblyInOffice(win("", "", { sessionStorage: blocked }))).toBe(
      false,
    );
  });

  it("reads a real window: the jsdom test page is top-level and unframed, so false", () => {
    expect(plausiblyInOffice(window as unknown as WindowLike)).toBe(false);
  });
});

describe("loadOfficeScript", () => {
  afterEach(() => {
    document.head.innerHTML = "";
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("adds the local office.js and resolves the Office global once it ran", async () => {
    const loaded = loadOfficeScript(document);
    const script = document.head.querySelector("script")!;
    expect(script.getAttribute("src")).toBe(OFFICE_SCRIPT);
    const office = { onReady: () => Promise.resolve({ host: "Excel" }) };
    (globalThis as { Office?: unknown }).Office = office;
    script.dispatchEvent(new Event("load"));
    await expect(loaded).resolves.toBe(office);
  });

  it("resolves undefined when the script fails to load", async () => {
    const loaded = loadOfficeScript(document, "missing.js");
    document.head.querySelector("script")!.dispatchEvent(new Event("error"));
    await expect(loaded).resolves.toBeUndefined();
  });
});
