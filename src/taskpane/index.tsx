import { createRoot } from "react-dom/client";
import { createCheckOperations } from "../excel/check/operations";
import { createFormOperations } from "../excel/formOperations";
import { createTemplateOperations } from "../excel/operations";
import { createMergeOperations } from "../excel/writeMerged";
import { App } from "./App";
import { CheckPanel } from "./check/CheckPanel";
import { createBrowserFormOperations } from "./forms/browserOperations";
import { HOST_TIMEOUT_MS, watchHost, type HostInfo } from "./host";
import { MergePanel } from "./merge/MergePanel";
import { loadOfficeScript, plausiblyInOffice } from "./officeScript";
import { createFileProcessor } from "./worker/client";
import { spawnWorker } from "./worker/spawn";
import { Workbench } from "./workbench/Workbench";

/**
 * Entry of taskpane.html: renders at once (detecting…), then in the mode host detection chooses. office.js is loaded
 * only when the page is plausibly inside Office (officeScript.ts); in a plain browser it is never requested.
 */
const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  const operations = createTemplateOperations();
  const processor = createFileProcessor(spawnWorker);
  // The dev server's build (`npm start`) opens the workbench with the demo files loaded (webpack.config.js).
  const workbench = <Workbench processor={processor} preloadDemo={process.env.TECHFUND_DEMO_PRELOAD === "1"} />;
  const mergePanel = <MergePanel processor={processor} operations={createMergeOperations()} />;
  const checkPanel = <CheckPanel operations={createCheckOperations()} />;
  const excelForms = createFormOperations();
  const browserForms = createBrowserFormOperations(processor);
  const render = (host: HostInfo | null) =>
    root.render(
      <App
        host={host}
        operations={operations}
        workbench={workbench}
        checkPanel={checkPanel}
        mergePanel={mergePanel}
        formOperations={host?.mode === "excel" ? excelForms : browserForms}
      />,
    );
  render(null);
  if (!plausiblyInOffice(window)) {
    void watchHost(undefined, render);
  } else {
    // The script itself may hang (a stalled connection): browser mode after the same timeout; Excel mode still
    // follows if office.js arrives later and Office answers Excel.
    const timer = setTimeout(() => render({ mode: "browser", reason: "timeout" }), HOST_TIMEOUT_MS);
    void loadOfficeScript(document).then((office) => {
      clearTimeout(timer);
      void watchHost(office, render);
    });
  }
}
