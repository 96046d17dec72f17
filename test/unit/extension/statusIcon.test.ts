import { describe, expect, it } from "vitest";
import { DISPLAY_STATUSES, statusIcon, statusWord } from "../../../src/extension/tree/statusIcon";

describe("statusIcon", () => {
  it("gives every status its own codicon", () => {
    const ids = DISPLAY_STATUSES.map((s) => statusIcon(s).id);
    expect(new Set(ids).size).toBe(DISPLAY_STATUSES.length);
  });

  it("spins for a running phase and uses the testing colours for passed and failed", () => {
    expect(statusIcon("running").id).toBe("loading~spin");
    expect(statusIcon("completed")).toEqual({ id: "pass", color: "testing.iconPassed" });
    expect(statusIcon("failed")).toEqual({ id: "error", color: "testing.iconFailed" });
    expect(statusIcon("pending").id).toBe("circle-outline");
    expect(statusIcon("cancelled").id).toBe("circle-slash");
  });

  it("says 'up to date' for a skipped phase", () => {
    expect(statusWord("skipped")).toContain("up to date");
    expect(statusWord("completed")).toBe("completed");
  });
});
