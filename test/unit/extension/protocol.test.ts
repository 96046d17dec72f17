import { describe, expect, it } from "vitest";
import { parsePanelState, parseWebviewMessage } from "../../../src/shared/protocol";

describe("messages from the report webview", () => {
  it("accepts ready (with or without restored state), select and openFile", () => {
    expect(parseWebviewMessage({ type: "ready" })).toEqual({ type: "ready" });
    expect(parseWebviewMessage({ type: "ready", state: { selection: { primary: "lb-20260101-000000-abcd" } } })).toEqual({
      type: "ready",
      state: { selection: { primary: "lb-20260101-000000-abcd", compare: undefined } },
    });
    expect(parseWebviewMessage({ type: "select", selection: { primary: "lb-a", compare: "lb-b" } })).toEqual({ type: "select", selection: { primary: "lb-a", compare: "lb-b" } });
    expect(parseWebviewMessage({ type: "openFile", benchmarkId: "lb-a", file: "markdown" })).toEqual({ type: "openFile", benchmarkId: "lb-a", file: "markdown" });
  });

  it("refuses unknown types, paths in place of run ids and unknown files", () => {
    expect(parseWebviewMessage({ type: "runCommand", command: "rm" })).toBeUndefined();
    expect(parseWebviewMessage({ type: "openFile", benchmarkId: "../../etc/passwd", file: "markdown" })).toBeUndefined();
    expect(parseWebviewMessage({ type: "openFile", benchmarkId: "lb-a", file: "/etc/passwd" })).toBeUndefined();
    expect(parseWebviewMessage({ type: "select", selection: { primary: "a b" } })).toBeUndefined();
    expect(parseWebviewMessage(null)).toBeUndefined();
    expect(parseWebviewMessage("ready")).toBeUndefined();
  });

  it("ignores a garbled restored state but still says ready", () => {
    expect(parseWebviewMessage({ type: "ready", state: { selection: { primary: 42 } } })).toEqual({ type: "ready" });
    expect(parsePanelState({ selection: { primary: "lb-a", compare: "lb-a" } })).toEqual({ selection: { primary: "lb-a", compare: undefined } });
    expect(parsePanelState(undefined)).toBeUndefined();
  });
});
