import { chineseYearMonth } from "../../core/forms/date";
import { FORMS_PANEL_TEXT } from "../text.forms.zh";
import type { FileProcessor } from "../worker/client";
import type { Job } from "../worker/protocol";
import { saveBytes } from "../workbench/download";
import {
  isOperationError,
  OperationError,
  type FormOperations,
} from "../../ports";

/**
 * {@link FormOperations} of the browser (审核工作台): the file is made by the page's file processor and offered as a
 * download; nothing leaves the machine.
 */
export function createBrowserFormOperations(
  processor: FileProcessor,
  save: (bytes: Uint8Array, fileName: string) => void = saveBytes,
  now: () => Date = () => new Date(),
): FormOperations {
  const make = async (
    job: Extract<Job, { op: "forms" }>,
  ): Promise<string[]> => {
    try {
      const { fileName, bytes } = await processor.run(job);
      save(bytes, fileName);
      return [fileName];
    } catch (err) {
      if (isOperationError(err)) throw err;
      throw new OperationError(
        "Unknown",
        FORMS_PANEL_TEXT.failed(
          err instanceof Error ? err.message : String(err),
        ),
        {
          cause: err,
        },
      );
    }
  };
  return {
    reportForms: () => {
      const d = now();
      return make({
        op: "forms",
        form: "report-forms",
        date: chineseYearMonth(d.getFullYear(), d.getMonth() + 1),
      });
    },
    exemptApplication: () => make({ op: "forms", form: "exempt-application" }),
    eligibility: (direction, answers, chain) =>
      make({
        op: "forms",
        form: "eligibility",
        direction,
        answers: { ...answers },
        ...(chain ? { chain } : {}),
      }),
  };
}
