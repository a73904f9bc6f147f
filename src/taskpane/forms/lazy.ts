import type { FormOperations } from "../../ports";

/**
 * {@link FormOperations} whose implementation is loaded by the first form made (the page's first script stays small).
 * A failed load rejects that form's promise, like a failed form; the next form tries the load again.
 */
export function lazyForms(load: () => Promise<FormOperations>): FormOperations {
  let loading: Promise<FormOperations> | undefined;
  const operations = () => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
  return {
    reportForms: () => operations().then((o) => o.reportForms()),
    exemptApplication: () => operations().then((o) => o.exemptApplication()),
    eligibility: (direction, answers, chain) =>
      operations().then((o) => o.eligibility(direction, answers, chain)),
  };
}
