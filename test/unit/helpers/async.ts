/** Waiting helpers shared by the unit tests. */

// Taken before any test fakes the clock, so waiting works while setTimeout is faked.
const realSetTimeout = globalThis.setTimeout;

/**
 * Polls until the condition holds or the time is up; returns the final answer. The limit is
 * generous on purpose: it only catches a hang, and a loaded 2-core machine can be slow.
 */
export async function until(condition: () => boolean, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await pause(20);
  }
  return condition();
}

/** Waits real milliseconds, even while a test fakes setTimeout. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, ms));
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}
