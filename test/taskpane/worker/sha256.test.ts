import { createHash } from "crypto";
import fc from "fast-check";
import { sha256Fallback, sha256Hex } from "../../../src/taskpane/worker/sha256";

const nodeSha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("sha256", () => {
  it("gives the FIPS 180-4 test vectors", async () => {
    const abc = new TextEncoder().encode("abc");
    const want =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    expect(sha256Fallback(abc)).toBe(want);
    expect(await sha256Hex(abc)).toBe(want);
    expect(sha256Fallback(new Uint8Array())).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });

  it("the fallback agrees with crypto at every padding boundary (55, 56, 63, 64, 65 bytes …)", () => {
    for (const n of [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_000]) {
      const bytes = Uint8Array.from(
        { length: n },
        (_, i) => (i * 31 + n) & 0xff,
      );
      expect([n, sha256Fallback(bytes)]).toEqual([n, nodeSha(bytes)]);
    }
  });

  it("the fallback agrees with crypto on any bytes", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        (b) => sha256Fallback(b) === nodeSha(b),
      ),
    );
  });

  it("uses the fallback where crypto.subtle is missing (pages served over http from another machine)", async () => {
    const original = globalThis.crypto;
    Object.defineProperty(globalThis, "crypto", {
      value: {},
      configurable: true,
    });
    try {
      const bytes = new TextEncoder().encode("技改填报助手");
      expect(await sha256Hex(bytes)).toBe(nodeSha(bytes));
    } finally {
      Object.defineProperty(globalThis, "crypto", {
        value: original,
        configurable: true,
      });
    }
  });
});
