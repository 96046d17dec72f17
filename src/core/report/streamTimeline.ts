/**
 * The throughput test as a timeline: per target, one lane per query stream (each query a
 * span) and one for the refresh stream (each set's RF1 and RF2), on one time axis shared by
 * every target so their lengths compare. Standalone SVG, no script, every text escaped.
 */
import { escapeHtml as e } from "./escape";
import type { ReportModel } from "./model";

export interface TimelineSpan {
  start: number;
  end: number;
  /** Shown on hover: "stream 1 q14: 0.512 s". */
  title: string;
  kind: "query" | "refresh" | "failed" | "wrong";
}

export interface TimelineLane {
  label: string;
  spans: TimelineSpan[];
}

export interface TimelineGroup {
  label: string;
  colour: string;
  lanes: TimelineLane[];
}

export interface Timeline {
  title: string;
  /** Seconds: the longest throughput test shown. */
  end: number;
  groups: TimelineGroup[];
}

export function streamTimeline(model: ReportModel): Timeline {
  const groups = model.targets.flatMap((t): TimelineGroup[] => {
    const q = model.qphh?.[t.id];
    if (!q) return [];
    const streams = q.throughput.streams.map((s): TimelineLane => ({
      label: `stream ${s.stream}`,
      spans: s.queries.flatMap((x) =>
        x.startedAt === undefined || x.endedAt === undefined
          ? []
          : [{ start: x.startedAt, end: x.endedAt, title: `${t.label} stream ${s.stream} ${x.query}: ${(x.endedAt - x.startedAt).toFixed(3)} s${x.status === "failed" ? " (failed)" : x.answer === "mismatch" ? " (wrong answer)" : ""}`, kind: x.status === "failed" ? "failed" : x.answer === "mismatch" ? "wrong" : "query" }],
      ),
    }));
    const refresh: TimelineLane = {
      label: "refresh",
      spans: q.throughput.refresh.flatMap((r): TimelineSpan[] => [
        { start: r.startedAt, end: Math.min(r.endedAt, r.startedAt + r.rf1Seconds), title: `${t.label} RF1 set ${r.set}: ${r.rf1Seconds.toFixed(3)} s`, kind: "refresh" },
        { start: Math.max(r.startedAt, r.endedAt - r.rf2Seconds), end: r.endedAt, title: `${t.label} RF2 set ${r.set}: ${r.rf2Seconds.toFixed(3)} s`, kind: "refresh" },
      ]),
    };
    return [{ label: t.label, colour: t.colour, lanes: [...streams, refresh] }];
  });
  const end = Math.max(0, ...groups.flatMap((g) => g.lanes.flatMap((l) => l.spans.map((s) => s.end))), ...Object.values(model.qphh ?? {}).map((q) => q?.throughput.seconds ?? 0));
  return { title: "Throughput test: query streams and the refresh stream", end, groups };
}

const LAYOUT = { width: 900, left: 150, right: 20, top: 40, lane: 18, laneGap: 4, groupGap: 14, axis: 30 };
const KIND_STYLE: Record<TimelineSpan["kind"], string> = {
  query: "",
  refresh: ' fill-opacity="0.45" stroke="currentColor" stroke-width="0.5"',
  failed: ' fill="#d1242f"',
  wrong: ' stroke="#d1242f" stroke-width="2"',
};

export function renderTimeline(timeline: Timeline): string {
  const { width, left, right, top, lane, laneGap, groupGap, axis } = LAYOUT;
  const plot = width - left - right;
  const scaleEnd = timeline.end > 0 ? timeline.end : 1;
  const x = (s: number) => left + (Math.max(0, s) / scaleEnd) * plot;
  const parts: string[] = [];
  let y = top;
  for (const group of timeline.groups) {
    parts.push(`<text x="4" y="${y + 12}" font-size="12" font-weight="bold">${e(group.label)}</text>`);
    for (const l of group.lanes) {
      parts.push(`<text x="${left - 6}" y="${y + lane - 5}" text-anchor="end" font-size="11">${e(l.label)}</text>`);
      parts.push(`<line x1="${left}" x2="${width - right}" y1="${y + lane / 2}" y2="${y + lane / 2}" stroke="#8884" />`);
      for (const span of l.spans) {
        const w = Math.max(1, x(span.end) - x(span.start));
        parts.push(`<rect x="${x(span.start).toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${lane}" fill="${e(group.colour)}"${KIND_STYLE[span.kind]}><title>${e(span.title)}</title></rect>`);
      }
      y += lane + laneGap;
    }
    y += groupGap;
  }
  const height = y + axis;
  for (let i = 0; i <= 4; i++) {
    const s = (scaleEnd / 4) * i;
    parts.push(`<line x1="${x(s)}" x2="${x(s)}" y1="${top - 4}" y2="${y}" stroke="#8882" />`);
    parts.push(`<text x="${x(s)}" y="${y + 14}" text-anchor="middle" font-size="11">${s.toFixed(s >= 10 ? 0 : 1)} s</text>`);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" fill="currentColor">`,
    `<title>${e(timeline.title)}</title>`,
    `<text x="4" y="20" font-size="14" font-weight="bold">${e(timeline.title)}</text>`,
    ...parts,
    "</svg>",
  ].join("\n");
}
