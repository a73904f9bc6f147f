import "./jitless";
import { lazy } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { lazyForms } from "./forms/lazy";
import { watchHost, type HostInfo, type OfficeLike } from "./host";
import type { TemplateOperations } from "../ports";
import { createFileProcessor } from "./worker/client";
import { spawnWorker } from "./worker/spawn";

/**
 * Entry of both pages of the build: addin.html (the add-in's page, office.js in its <head>) and taskpane.html (the
 * 审核工作台 of a plain browser, no office.js). Renders at once (detecting…), then in the mode host detection chooses:
 * without the `Office` global (taskpane.html, or office.js failed to load) browser mode at once. Each mode's panels,
 * the core and the Office.js adapters load when first shown, so the first script stays small.
 */

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  const operations: TemplateOperations = {
    insertTable: (tableId, years) =>
      import("../excel/operations").then((m) =>
        m.createTemplateOperations().insertTable(tableId, years),
      ),
  };
  const processor = createFileProcessor(spawnWorker);
  const Workbench = lazy(() =>
    Promise.all([
      import("./workbench/Workbench"),
      import("./workbench/sampleFiles"),
    ]).then(([w, d]) => ({
      // The dev server's build (`npm start`) opens the workbench with the sample files loaded (webpack.config.js).
      default: () => (
        <w.Workbench
          processor={processor}
          loadSamples={d.loadSampleFiles}
          preloadSamples={process.env.TECHFUND_DEMO_PRELOAD === "1"}
        />
      ),
    })),
  );
  const MergePanel = lazy(() =>
    Promise.all([
      import("./merge/MergePanel"),
      import("../excel/writeMerged"),
    ]).then(([p, w]) => {
      const merge = w.createMergeOperations();
      return {
        default: () => (
          <p.MergePanel processor={processor} operations={merge} />
        ),
      };
    }),
  );
  const CheckPanel = lazy(() =>
    Promise.all([
      import("./check/CheckPanel"),
      import("../excel/check/operations"),
    ]).then(([p, o]) => {
      const check = o.createCheckOperations();
      return {
        default: () => (
          <p.CheckPanel operations={check} processor={processor} />
        ),
      };
    }),
  );
  // The forms' code (Office.js adapter or the page's download) loads with the first form made.
  const excelForms = lazyForms(() =>
    import("../excel/formOperations").then((m) => m.createFormOperations()),
  );
  const browserForms = lazyForms(() =>
    import("./forms/browserOperations").then((m) =>
      m.createBrowserFormOperations(processor),
    ),
  );
  const selfTest = {
    run: () => import("../excel/selfTest").then((m) => m.runSelfTest()),
  };
  const render = (host: HostInfo | null) =>
    root.render(
      <App
        host={host}
        operations={operations}
        workbench={<Workbench />}
        checkPanel={<CheckPanel />}
        mergePanel={<MergePanel />}
        formOperations={host?.mode === "excel" ? excelForms : browserForms}
        selfTest={selfTest}
      />,
    );
  render(null);
  void watchHost(
    (globalThis as unknown as { Office?: OfficeLike }).Office,
    render,
  );
}
