// A minimal runner for the ordered steps of an end-to-end scenario: each step is named, timed
// and counted; the summary line is the plain "N passed, N failed" that CI reads.
interface Result {
  name: string;
  ok: boolean;
}

const results: Result[] = [];

/** Runs one step; a failed step is counted and rethrown (later steps of the scenario depend on it). */
export async function check(name: string, step: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await step();
    results.push({ name, ok: true });
    console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`✖ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { counted: true });
  }
}

/** Whether a step already counted this failure. */
export const counted = (error: unknown): boolean => Boolean((error as { counted?: boolean })?.counted);

/** Prints the closing line; `unexpected` counts failures outside any step (a host that did not start). */
export function summary(label: string, unexpected = 0): void {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed + unexpected;
  console.log(`${label}: ${passed} passed, ${failed} failed`);
  if (failed) process.exitCode = 1;
}
