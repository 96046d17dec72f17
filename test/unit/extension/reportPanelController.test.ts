import { describe, expect, it } from "vitest";
import type { ReportModel } from "../../../src/core/report/model";
import type { HostMessage, RunChoice } from "../../../src/shared/protocol";
import { ReportPanelController, type ReportSource } from "../../../src/extension/webview/reportPanelController";
import { reportModel } from "../report/model.fixture";

const choice = (benchmarkId: string): RunChoice => ({ benchmarkId, startedAt: "2026-01-01T00:00:00Z", scaleFactor: 0.01, targets: ["Iceberg"], status: "completed" });

function setup(runs = [choice("lb-new"), choice("lb-old")], selection = {}) {
  const posted: HostMessage[] = [];
  const opened: string[] = [];
  const source: ReportSource = {
    runs: async () => runs,
    load: async (id) => reportModel({ benchmarkId: id }) as ReportModel,
    fileOf: async (id, file) => `/data/gold/reports/${id}/${file === "markdown" ? "report.md" : file}`,
  };
  const controller = new ReportPanelController(source, { post: (m) => void posted.push(m), openFile: async (f) => void opened.push(f) }, selection);
  return { controller, posted, opened };
}

describe("the report panel's conversation", () => {
  it("posts nothing before the webview says ready", async () => {
    const { controller, posted } = setup();
    await controller.select({ primary: "lb-old" });
    await controller.refresh();
    expect(posted).toEqual([]);
  });

  it("answers ready with the run list and the newest report", async () => {
    const { controller, posted } = setup();
    await controller.receive({ type: "ready" });
    expect(posted.map((m) => m.type)).toEqual(["runs", "report"]);
    expect(posted[0]).toMatchObject({ type: "runs", selection: { primary: "lb-new" } });
    expect(posted[1]).toMatchObject({ type: "report", selection: { primary: "lb-new" }, primary: { benchmarkId: "lb-new" } });
  });

  it("shows the runs a restored panel remembers, and two runs when asked to compare", async () => {
    const { controller, posted } = setup();
    await controller.receive({ type: "ready", state: { selection: { primary: "lb-old" } } });
    expect(posted.at(-1)).toMatchObject({ primary: { benchmarkId: "lb-old" } });
    await controller.receive({ type: "select", selection: { primary: "lb-new", compare: "lb-old" } });
    expect(posted.at(-1)).toMatchObject({ type: "report", primary: { benchmarkId: "lb-new" }, compare: { benchmarkId: "lb-old" } });
  });

  it("falls back to the newest run when the remembered one is gone", async () => {
    const { controller, posted } = setup([choice("lb-new")], { primary: "lb-deleted" });
    await controller.receive({ type: "ready" });
    expect(posted.at(-1)).toMatchObject({ selection: { primary: "lb-new" } });
  });

  it("says there is nothing yet when no run has a report", async () => {
    const { controller, posted } = setup([]);
    await controller.receive({ type: "ready" });
    expect(posted).toEqual([{ type: "empty", reason: expect.stringContaining("Run Lakehouse Benchmark") }]);
  });

  it("opens a report file looked up by run id, and ignores messages it does not know", async () => {
    const { controller, opened, posted } = setup();
    await controller.receive({ type: "openFile", benchmarkId: "lb-new", file: "markdown" });
    await controller.receive({ type: "openFile", benchmarkId: "lb-new", file: "/etc/passwd" });
    await controller.receive({ type: "eval", code: "x" });
    expect(opened).toEqual(["/data/gold/reports/lb-new/report.md"]);
    expect(posted).toEqual([]);
  });

  it("reports a summary it cannot read as an error message, not an exception", async () => {
    const { controller, posted } = setup();
    (controller as unknown as { source: ReportSource }).source.load = async () => {
      throw new Error("unexpected end of JSON");
    };
    await controller.receive({ type: "ready" });
    expect(posted.at(-1)).toEqual({ type: "error", message: "Could not read the report: unexpected end of JSON" });
  });
});
