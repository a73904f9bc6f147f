/**
 * Imported first by every entry (the task pane, the one-file page, the file worker): under our CSP (no eval) zod must
 * not even probe `new Function` — Chromium reports the probe as a CSP violation although zod catches the error. Being
 * the first import, this runs before any module builds or uses a schema.
 */
import { config } from "zod/v4/core";

config({ jitless: true });
