#!/usr/bin/env node
// Offline check of the add-in manifest (manifest.xml): what Microsoft's online validator cannot be asked
// without a network, plus what its XSDs do not check (icon files and sizes, resource ids).
// Usage: node scripts/manifest-check.js [manifest.xml]   (exit 1 when a check fails)
const fs = require("fs");
const path = require("path");
const { validateXML } = require("xmllint-wasm");

const ROOT = path.resolve(__dirname, "..");
/** Where the shared Office manifest XSDs live when the project sits beside ../shared (see its SOURCES.md). */
const DEFAULT_SCHEMA_DIR = path.resolve(
  ROOT,
  "..",
  "shared",
  "schemas",
  "office-addin-manifest",
);
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Elements whose value is a URL: `<X DefaultValue="…">` (and `<Override Value="…">` inside them). */
const URL_ELEMENTS = [
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "SourceLocation",
  "bt:Image",
  "bt:Url",
];
/** Pixel size each icon element must have (Microsoft's manifest reference; the 2020 XSDs do not check it). */
const ICON_SIZES = { IconUrl: 32, HighResolutionIconUrl: 64 };

/**
 * @typedef {object} ManifestReport
 * @property {boolean} ok            true when no error was found
 * @property {string[]} errors       one Chinese sentence per problem
 * @property {string[]} notes        what was checked or skipped
 * @property {Record<string, string>} requirementSets  declared sets, e.g. { ExcelApi: "1.9" }
 */

/** Attributes of the first `<name …>` start tag in `tag` as a map. */
function attributes(tag) {
  const out = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** Every start tag `<name …>` of the document, with its attributes. */
function startTags(xml, name) {
  const re = new RegExp(`<${name.replace(".", "\\.")}(?=[\\s/>])[^>]*>`, "g");
  return [...xml.matchAll(re)].map((m) => attributes(m[0]));
}

/** Text content of every `<name>…</name>`. */
function texts(xml, name) {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, "g"))].map(
    (m) => m[1].trim(),
  );
}

/** Width and height of a PNG file, or undefined when it is not a PNG. */
function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.toString("latin1", 1, 4) !== "PNG") return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * The file under `assetsDir` an icon URL points to (`https://host/assets/icon-32.png` → `<assetsDir>/icon-32.png`;
 * a deployment under a path, `https://host/techfund/assets/icon-32.png`, too).
 * @returns {string|undefined} undefined when the URL's path is not under …/assets/
 */
function assetFile(url, assetsDir) {
  const m = /^(?:\/[^/]+)*\/assets\/([^?#/]+)$/.exec(url.pathname);
  return m ? path.join(assetsDir, decodeURIComponent(m[1])) : undefined;
}

/** Well-formedness through libxml2 (xmllint-wasm). */
async function wellFormedErrors(xml) {
  const r = await validateXML({
    xml: { fileName: "manifest.xml", contents: xml },
    normalization: "format",
  });
  return r.valid
    ? []
    : r.errors
        .filter((e) => e.rawMessage.trim())
        .map((e) => `XML 格式错误：${e.rawMessage}`);
}

/** XSD validation against the shared Office schemas (all files of `schemaDir` preloaded for the imports). */
async function xsdErrors(xml, schemaDir) {
  const files = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".xsd"));
  const load = (f) => ({
    fileName: f,
    contents: fs.readFileSync(path.join(schemaDir, f), "utf8"),
  });
  const r = await validateXML({
    xml: { fileName: "manifest.xml", contents: xml },
    schema: load(MAIN_SCHEMA),
    preload: files.filter((f) => f !== MAIN_SCHEMA).map(load),
  });
  return r.valid ? [] : r.errors.map((e) => `不符合 XSD：${e.rawMessage}`);
}

/**
 * Checks a manifest's text offline.
 * @param {string} xml  the manifest's XML text
 * @param {{assetsDir?: string, schemaDir?: string}} [options]  assetsDir: where icon files are (default
 *   `<repo>/assets`); schemaDir: folder of the Office XSDs (default `<repo>/../shared/schemas/office-addin-manifest`;
 *   XSD validation is skipped, with a note, when it does not exist)
 * @returns {Promise<ManifestReport>}
 */
async function checkManifest(xml, options = {}) {
  const assetsDir = options.assetsDir ?? path.join(ROOT, "assets");
  const schemaDir = options.schemaDir ?? DEFAULT_SCHEMA_DIR;
  const errors = [];
  const notes = [];
  const requirementSets = {};

  const syntax = await wellFormedErrors(xml);
  if (syntax.length > 0)
    return { ok: false, errors: syntax, notes, requirementSets };
  const doc = xml.replace(/<!--[\s\S]*?-->/g, "");

  const ids = texts(doc, "Id");
  if (ids.length !== 1 || !GUID.test(ids[0]))
    errors.push(`<Id> 必须是一个 GUID，现为：${ids.join("、") || "（缺失）"}`);

  // URLs: every one https (localhost included), icons present under assets/ at the right size.
  const resources = new Set(
    startTags(doc, "bt:(?:Image|Url|String)")
      .map((a) => a.id)
      .filter(Boolean),
  );
  const urlValues = [];
  for (const name of URL_ELEMENTS) {
    for (const a of startTags(doc, name))
      if (a.DefaultValue !== undefined) urlValues.push({ name, attrs: a });
  }
  for (const a of startTags(doc, "Override"))
    if (/^\w+:\/\//.test(a.Value ?? ""))
      urlValues.push({ name: "Override", attrs: { DefaultValue: a.Value } });
  for (const d of texts(doc, "AppDomain"))
    urlValues.push({ name: "AppDomain", attrs: { DefaultValue: d } });

  for (const { name, attrs } of urlValues) {
    let url;
    try {
      url = new URL(attrs.DefaultValue);
    } catch {
      errors.push(`<${name}> 的地址无效：${attrs.DefaultValue}`);
      continue;
    }
    if (url.protocol !== "https:")
      errors.push(`<${name}> 必须使用 https：${attrs.DefaultValue}`);
    const isIcon =
      name === "IconUrl" ||
      name === "HighResolutionIconUrl" ||
      name === "bt:Image";
    if (!isIcon) continue;
    const file = assetFile(url, assetsDir);
    if (!file || !fs.existsSync(file)) {
      errors.push(
        `<${name}> 指向的图标文件在 assets/ 中不存在：${attrs.DefaultValue}`,
      );
      continue;
    }
    const want = ICON_SIZES[name] ?? iconSizeOfImage(doc, attrs.id);
    const got = pngSize(file);
    if (!got) errors.push(`图标不是 PNG 文件：${path.basename(file)}`);
    else if (
      want !== undefined &&
      (got.width !== want || got.height !== want)
    ) {
      errors.push(
        `<${name}> 的图标应为 ${want}×${want} 像素，${path.basename(file)} 为 ${got.width}×${got.height}`,
      );
    }
  }

  // Every resid names a resource.
  for (const m of doc.matchAll(/resid="([^"]*)"/g)) {
    if (!resources.has(m[1]))
      errors.push(`resid="${m[1]}" 在 <Resources> 中没有定义`);
  }

  for (const a of startTags(doc, "Set"))
    if (a.Name) requirementSets[a.Name] = a.MinVersion ?? "1.1";
  if (!requirementSets.ExcelApi)
    errors.push(
      '<Requirements> 中没有声明 ExcelApi 要求集（<Set Name="ExcelApi" MinVersion=…/>）',
    );
  if (!/<Host\s+Name="Workbook"\s*\/>/.test(doc))
    errors.push('<Hosts> 中没有 Excel（<Host Name="Workbook"/>）');

  if (fs.existsSync(path.join(schemaDir, MAIN_SCHEMA))) {
    errors.push(...(await xsdErrors(xml, schemaDir)));
    notes.push(`已按 XSD 校验（${schemaDir}）`);
  } else {
    notes.push(
      `未找到 Office 清单 XSD（${schemaDir}），跳过 XSD 校验 / XSD folder not found, schema validation skipped`,
    );
  }
  return { ok: errors.length === 0, errors, notes, requirementSets };
}

/** The size a `<bt:Image id=…>` must have: the `size` of the `<bt:Image size=… resid=id>` that uses it. */
function iconSizeOfImage(doc, id) {
  const use = startTags(doc, "bt:Image").find((a) => a.resid === id && a.size);
  return use ? Number(use.size) : undefined;
}

/**
 * Checks a manifest file and prints the result (Chinese).
 * @param {string} file  path to manifest.xml
 * @returns {Promise<boolean>} true when the check passed
 */
async function runManifestCheck(file) {
  const report = await checkManifest(fs.readFileSync(file, "utf8"));
  for (const n of report.notes) console.log(`说明：${n}`);
  for (const e of report.errors) console.error(`错误：${e}`);
  console.log(
    report.ok
      ? `离线检查通过：${file}`
      : `离线检查未通过：${file}（${report.errors.length} 个问题）`,
  );
  return report.ok;
}

module.exports = { checkManifest, runManifestCheck };

if (require.main === module) {
  runManifestCheck(
    path.resolve(process.argv[2] ?? path.join(ROOT, "manifest.xml")),
  ).then((ok) => {
    process.exitCode = ok ? 0 : 1;
  });
}
