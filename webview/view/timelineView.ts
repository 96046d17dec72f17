/**
 * The throughput test's stream timeline (core's streamTimeline data) as inline SVG built
 * element by element: text goes in as text nodes, so data from report files cannot become
 * markup, and the text takes the theme's colour (currentColor) without a redraw.
 */
import type { Timeline, TimelineSpan } from "../../src/core/view";

const SVG = "http://www.w3.org/2000/svg";
const LAYOUT = { width: 900, left: 150, right: 20, top: 16, lane: 16, laneGap: 4, groupGap: 12, axis: 24 };
const KIND_CLASS: Record<TimelineSpan["kind"], string> = { query: "span-query", refresh: "span-refresh", failed: "span-failed", wrong: "span-wrong" };

function svg(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.appendChild(document.createTextNode(text));
  return element;
}

export function timelineView(timeline: Timeline): SVGElement {
  const { width, left, right, top, lane, laneGap, groupGap, axis } = LAYOUT;
  const end = timeline.end > 0 ? timeline.end : 1;
  const x = (s: number) => left + (Math.max(0, s) / end) * (width - left - right);
  const parts: SVGElement[] = [];
  let y = top;
  for (const group of timeline.groups) {
    parts.push(svg("text", { x: 4, y: y + 12, class: "group" }, group.label));
    for (const l of group.lanes) {
      parts.push(svg("text", { x: left - 6, y: y + lane - 4, "text-anchor": "end" }, l.label));
      for (const span of l.spans) {
        const rect = svg("rect", { x: x(span.start).toFixed(1), y, width: Math.max(1, x(span.end) - x(span.start)).toFixed(1), height: lane, fill: group.colour, class: KIND_CLASS[span.kind] });
        rect.appendChild(svg("title", {}, span.title));
        parts.push(rect);
      }
      y += lane + laneGap;
    }
    y += groupGap;
  }
  for (let i = 0; i <= 4; i++) {
    const s = (end / 4) * i;
    parts.push(svg("text", { x: x(s), y: y + 14, "text-anchor": "middle" }, `${s.toFixed(s >= 10 ? 0 : 1)} s`));
  }
  const root = svg("svg", { role: "img", "aria-label": timeline.title, viewBox: `0 0 ${width} ${y + axis}`, class: "timeline", fill: "currentColor" });
  parts.forEach((p) => root.appendChild(p));
  return root;
}
