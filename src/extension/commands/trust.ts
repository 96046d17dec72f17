/** The guard every executing command passes: in Restricted Mode nothing runs, and the user is told why. */
import type { Ui } from "../ui/ui";

export async function refuseUntrusted(ui: Ui): Promise<boolean> {
  if (ui.isTrusted()) return false;
  await ui.warn("Lakehouse Bench runs nothing in Restricted Mode: it would start Spark, tpchgen-cli and scripts chosen by this workspace. Trust the workspace to use it.");
  return true;
}
