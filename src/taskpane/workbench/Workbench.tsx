import {
  Body1,
  Caption1,
  Subtitle1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TEXT } from "../text.zh";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
});

/**
 * 审核工作台: the browser mode of the task pane (no Excel), where reviewers check files on their own machine.
 * A placeholder until the file-based workbench is built.
 */
export function Workbench() {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={TEXT.workbenchTitle}>
      <Subtitle1 as="h2">{TEXT.workbenchTitle}</Subtitle1>
      <Body1>{TEXT.workbenchIntro}</Body1>
      <Body1>{TEXT.workbenchLocal}</Body1>
      <Caption1>{TEXT.workbenchComing}</Caption1>
    </section>
  );
}
