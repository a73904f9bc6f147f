import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useState } from "react";
import type { FillChange, FillPlan } from "../../ports";
import { TEXT } from "../text.zh";
import { errorText } from "./useCheck";

/** Changes listed in the dialog; a 20,000-row table may plan tens of thousands. */
const LISTED_CHANGES = 200;

/** Props of {@link FillAction}. */
export interface FillActionProps {
  /** Button text and dialog title: 计算天数与利息 or 重排序号. */
  label: string;
  sheet: string;
  /** Makes the plan (writes nothing). */
  plan: (sheet: string) => Promise<FillPlan>;
  /** Writes a plan; resolves with the changes written. */
  apply: (plan: FillPlan) => Promise<FillChange[]>;
  /** Called after a plan was written (re-check: our own writes do not trigger the live check). */
  onApplied: () => void;
}

function shown(v: FillChange["before"]): string {
  return v === null || v === "" ? TEXT.check.fillEmpty : String(v);
}

/**
 * A filler's helper: makes the plan, shows what it will write (cell, value before, value after) and
 * the rows left alone, and writes only after 确认写入.
 */
export function FillAction({ label, sheet, plan, apply, onApplied }: FillActionProps) {
  const [current, setCurrent] = useState<FillPlan>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ intent: "success" | "error"; text: string }>();

  const open = async () => {
    setBusy(true);
    setStatus(undefined);
    try {
      setCurrent(await plan(sheet));
    } catch (err) {
      setStatus({ intent: "error", text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (p: FillPlan) => {
    setBusy(true);
    try {
      const written = await apply(p);
      const skipped = p.changes.length - written.length;
      setStatus({
        intent: "success",
        text: TEXT.check.filled(written.length) + (skipped > 0 ? TEXT.check.fillSkipped(skipped) : ""),
      });
      setCurrent(undefined);
      onApplied();
    } catch (err) {
      setStatus({ intent: "error", text: errorText(err) });
      setCurrent(undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" disabled={busy} onClick={() => void open()}>
        {label}
      </Button>
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={current !== undefined} onOpenChange={(_, d) => !d.open && setCurrent(undefined)}>
        <DialogSurface>
          {current && (
            <DialogBody>
              <DialogTitle>{TEXT.check.fillTitle(label, sheet)}</DialogTitle>
              <DialogContent>
                {current.changes.length === 0 ? (
                  <Body1>{TEXT.check.fillNothing}</Body1>
                ) : (
                  <>
                    <Body1>
                      {current.kind === "interest"
                        ? TEXT.check.fillIntro(current.changes.length)
                        : TEXT.check.renumberIntro(current.changes.length)}
                    </Body1>
                    <Table size="extra-small" aria-label={TEXT.check.fillTitle(label, sheet)}>
                      <TableHeader>
                        <TableRow>
                          <TableHeaderCell>{TEXT.check.fillCell}</TableHeaderCell>
                          <TableHeaderCell>{TEXT.check.fillBefore}</TableHeaderCell>
                          <TableHeaderCell>{TEXT.check.fillAfter}</TableHeaderCell>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {current.changes.slice(0, LISTED_CHANGES).map((c) => (
                          <TableRow key={c.cell}>
                            <TableCell>{c.cell}</TableCell>
                            <TableCell>{shown(c.before)}</TableCell>
                            <TableCell>{c.after}</TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                    {current.changes.length > LISTED_CHANGES && (
                      <Caption1>{TEXT.check.fillMore(current.changes.length - LISTED_CHANGES)}</Caption1>
                    )}
                  </>
                )}
                {current.notes.length > 0 && (
                  <>
                    <Body1>{TEXT.check.fillNotes}</Body1>
                    <ul>
                      {current.notes.map((n) => (
                        <li key={n}>
                          <Caption1>{n}</Caption1>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  disabled={busy || current.changes.length === 0}
                  onClick={() => void confirm(current)}
                >
                  {TEXT.check.fillConfirm}
                </Button>
                <Button disabled={busy} onClick={() => setCurrent(undefined)}>
                  {TEXT.check.cancel}
                </Button>
              </DialogActions>
            </DialogBody>
          )}
        </DialogSurface>
      </Dialog>
    </>
  );
}
