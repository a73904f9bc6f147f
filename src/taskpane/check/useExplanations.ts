import { useCallback, useEffect, useMemo, useState } from "react";
import {
  explanationKey,
  withExplanation,
  withoutExplanation,
} from "../../core/review/explanations";
import type { CheckOperations, Explanation, Finding } from "../../ports";
import { errorText } from "./useCheck";

/** The explanations (核实性说明) stored in the workbook, and saving and removing them. */
export interface ExplanationsState {
  /** In the order saved. */
  list: Explanation[];
  /** The explanation of a finding, if any. */
  of(finding: Finding): Explanation | undefined;
  /** Saves the text for the finding; rejects with a Chinese message (the caller validated it with explanationProblem). */
  save(finding: Finding, text: string): Promise<void>;
  /** Removes the finding's explanation; rejects with a Chinese message. */
  remove(finding: Finding): Promise<void>;
  /** Why the stored explanations could not be read (Chinese). */
  error?: string;
}

/** The key of a finding's explanation: sheet, cell ('' for a finding without one) and rule. */
function keyOf(f: Finding) {
  return { sheet: f.sheet, cell: f.cell ?? "", rule: f.rule };
}

/** Reads the workbook's explanations once, then keeps the list in step with what is saved and removed. */
export function useExplanations(
  operations: CheckOperations,
): ExplanationsState {
  const [list, setList] = useState<Explanation[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let active = true;
    operations.listExplanations().then(
      (l) => active && setList(l),
      (err: unknown) => active && setError(errorText(err)),
    );
    return () => {
      active = false;
    };
  }, [operations]);

  const byKey = useMemo(
    () => new Map(list.map((e) => [explanationKey(e), e])),
    [list],
  );
  const of = useCallback(
    (f: Finding) => byKey.get(explanationKey(keyOf(f))),
    [byKey],
  );

  const save = useCallback(
    async (f: Finding, text: string) => {
      const e: Explanation = {
        ...keyOf(f),
        text: text.trim(),
        time: new Date().toISOString(),
      };
      await operations.saveExplanation(e, f.severity);
      setList((l) => withExplanation(l, e));
    },
    [operations],
  );

  const remove = useCallback(
    async (f: Finding) => {
      await operations.removeExplanation(keyOf(f));
      setList((l) => withoutExplanation(l, keyOf(f)));
    },
    [operations],
  );

  return { list, of, save, remove, ...(error !== undefined ? { error } : {}) };
}
