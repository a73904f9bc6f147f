import { createRoot } from "react-dom/client";
import { createExcelOperations } from "../excel/operations";
import { App } from "./App";
import { watchHost, type OfficeLike } from "./host";

/** Entry of taskpane.html: renders at once (detecting…), then in the mode host detection chooses. */
const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  const operations = createExcelOperations();
  root.render(<App host={null} operations={operations} />);
  void watchHost(
    (globalThis as unknown as { Office?: OfficeLike }).Office,
    (host) => root.render(<App host={host} operations={operations} />),
  );
}
