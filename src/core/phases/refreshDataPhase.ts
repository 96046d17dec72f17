/**
 * Refresh data: the TPC-H refresh sets (RF1 inserts, RF2 deletes), written once under the
 * bronze tree by a Python job and reused while their manifest covers the sets a run needs.
 */
import { promises as fs } from "node:fs";
import { z } from "zod";
import { refreshManifestSchema } from "../datagen/refreshManifest";
import { readJobOutput } from "../engines/jobOutput";
import { runPhaseCommand, type PhaseContext } from "../phase/context";
import { PhaseFailedError } from "../phase/errors";
import { pythonJobCommand } from "../runners/pythonJob";

/** dbgen's key rule for update sets holds for sets 1..999 (spark-jobs/refresh/refresh_keys.py). */
export const MAX_REFRESH_SETS = 999;

/** What the phase records in the state; readers parse it with this schema. */
export const refreshDataResultSchema = z.object({
  manifest: z.string(),
  sets: z.number().int().positive(),
  /** Rows the run's sets insert: orders plus lineitems of sets 1..sets. */
  rows: z.number().int().nonnegative(),
  reused: z.boolean(),
  seconds: z.number().nonnegative(),
});
export type RefreshDataResult = z.infer<typeof refreshDataResultSchema>;

export async function runRefreshDataPhase(ctx: PhaseContext, sets: number): Promise<RefreshDataResult> {
  const { layout, config } = ctx;
  if (!Number.isInteger(sets) || sets < 1 || sets > MAX_REFRESH_SETS) {
    throw new PhaseFailedError(ctx.phase, `sets=${sets} is not allowed: an integer in 1..${MAX_REFRESH_SETS}`);
  }
  // --force: the job keeps covering sets, so remove them (they sit in DATA_DIR, which the run owns).
  if (ctx.forced) await fs.rm(layout.refreshDir, { recursive: true, force: true });
  const args = ["--bronze-dir", layout.bronzeDir, "--scale-factor", String(config.scaleFactor), "--sets", String(sets), "--output-dir", layout.refreshDir];
  let reused = false;
  const started = performance.now();
  await runPhaseCommand(ctx, pythonJobCommand("refresh/refresh_sets.py", args, ctx.toolchain), (event) => {
    if (event.event === "refresh_set_written") {
      ctx.progress(`${ctx.phase}: set ${String(event.set)} written (${String(event.orders)} orders, ${String(event.lineitem)} lineitems, ${String(event.deletes)} deletes)`);
    } else if (event.event === "refresh_sets_done") {
      reused = event.reused === true;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const manifest = await readJobOutput(ctx.phase, layout.refreshManifest, refreshManifestSchema);
  if (manifest.scaleFactor !== config.scaleFactor || manifest.sets.length < sets) {
    throw new PhaseFailedError(
      ctx.phase,
      `${layout.refreshManifest} holds ${manifest.sets.length} set(s) for SF ${manifest.scaleFactor}; this run needs ${sets} for SF ${config.scaleFactor}`,
    );
  }
  const rows = manifest.sets.slice(0, sets).reduce((sum, set) => sum + set.orders + set.lineitem, 0);
  ctx.progress(reused ? `${ctx.phase}: ${sets} refresh set(s) already generated; nothing to do` : `${ctx.phase}: ${sets} refresh set(s) generated in ${seconds.toFixed(1)} s`);
  return { manifest: layout.refreshManifest, sets, rows, reused, seconds };
}
