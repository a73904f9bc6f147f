// The Content-Security-Policy of every page we serve or build (审核工作台 / 任务窗格), in one place: webpack puts it in
// taskpane.html as a meta tag and the dev server sends it as a header; scripts/serve-static.js sends it; the one-file
// workbench (scripts/build-workbench.js) puts it in its meta tag with the hash of its one inline script.
// Scripts only from the page's own origin (office.js is a local copy: no Office CDN), no eval, nothing fetched from
// elsewhere. Styles may be inline: Fluent UI (Griffel) inserts its rules at run time. Workers come from the page's own
// origin or, in the one-file page, from a blob: URL made of its own inline text.

/**
 * The policy text.
 * @param {{ scriptHash?: string }} [options] `scriptHash` (base64 SHA-256 of an inline script) replaces 'self' for
 *   scripts: the one-file page has no script file, only that inline script.
 * @returns {string}
 */
function contentSecurityPolicy({ scriptHash } = {}) {
  const scripts = scriptHash ? `'sha256-${scriptHash}'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    `worker-src ${scriptHash ? "blob:" : "'self'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = { contentSecurityPolicy };
