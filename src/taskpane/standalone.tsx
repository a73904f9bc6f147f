import "./jitless";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { OperationError, type TemplateOperations } from "../ports";
import { TEXT } from "./text.zh";
import { createBrowserFormOperations } from "./forms/browserOperations";
import { createFileProcessor } from "./worker/client";
import { Workbench } from "./workbench/Workbench";

/**
 * Entry of the one-file 审核工作台 (dist/workbench.html, scripts/build-workbench.js): the same workbench as the task
 * pane's browser mode, in one HTML file that works opened from disk (file://) with no server and no network. The file
 * worker's code is inlined as text (WORKER_SOURCE, defined by the build) and started from a blob: URL.
 */
declare const WORKER_SOURCE: string;

/** Starts the file worker from its inlined text. */
function spawnInlineWorker(): Worker {
  const url = URL.createObjectURL(
    new Blob([WORKER_SOURCE], { type: "text/javascript" }),
  );
  return new Worker(url);
}

/** The one-file page never runs in Excel: inserting a template there has nothing to insert into. */
const noExcel: TemplateOperations = {
  insertTable: () =>
    Promise.reject(new OperationError("NoExcel", TEXT.noExcelHere)),
};

const container = document.getElementById("root");
if (container) {
  const processor = createFileProcessor(spawnInlineWorker);
  createRoot(container).render(
    <App
      host={{ mode: "browser", reason: "no-office" }}
      operations={noExcel}
      workbench={<Workbench processor={processor} />}
      formOperations={createBrowserFormOperations(processor)}
    />,
  );
}
