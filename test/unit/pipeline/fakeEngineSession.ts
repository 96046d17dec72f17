/** An engine session for planning tests: an EngineSession is an interface, and this one never runs anything. */
import type { EngineSession } from "../../../src/core/engines";
import type { EngineSessions } from "../../../src/core/pipeline/plan";

export function fakeEngineSession(settings: unknown = { master: "local[*]" }): EngineSession {
  const refuse = async (): Promise<never> => {
    throw new Error("the fake engine session runs nothing");
  };
  return { id: "spark", measurementSettings: () => settings, beforePhase: refuse, load: refuse, runQueries: refuse, runRefreshTest: refuse, runLifecycle: refuse, close: async () => {} };
}

export const fakeSessions = (settings?: unknown): EngineSessions => ({ spark: fakeEngineSession(settings) });
