import { describe, expect, it } from "vitest";
import { escapeHtml, escapeMarkdownCell } from "../../../src/core/report/escape";
import { FORMAT_IDS } from "../../../src/core/config/keys";
import { FORMATS } from "../../../src/core/formats";
import { bytes, percent, seconds } from "../../../src/core/report/format";

describe("seconds", () => {
  it("formats with three decimals by default and a unit", () => {
    expect(seconds(1.23456)).toBe("1.235 s");
    expect(seconds(12.3, 1)).toBe("12.3 s");
  });

  it("shows a dash for a missing value, but formats zero", () => {
    expect(seconds(null)).toBe("–");
    expect(seconds(undefined)).toBe("–");
    expect(seconds(0)).toBe("0.000 s");
  });
});

describe("bytes", () => {
  it("uses binary units with one decimal above bytes", () => {
    expect(bytes(0)).toBe("0 B");
    expect(bytes(1023)).toBe("1023 B");
    expect(bytes(1024)).toBe("1.0 KiB");
    expect(bytes(1536)).toBe("1.5 KiB");
    expect(bytes(5 * 2 ** 20)).toBe("5.0 MiB");
    expect(bytes(2 ** 30)).toBe("1.0 GiB");
  });

  it("stops at TiB", () => {
    expect(bytes(2 * 2 ** 50)).toBe("2048.0 TiB");
  });

  it("shows a dash for a missing value", () => {
    expect(bytes(undefined)).toBe("–");
  });
});

describe("percent", () => {
  it("formats a fraction as a percentage with one decimal", () => {
    expect(percent(0.0512)).toBe("5.1 %");
    expect(percent(0)).toBe("0.0 %");
  });

  it("shows a dash for a null cv", () => {
    expect(percent(null)).toBe("–");
  });
});

describe("format colours (the descriptors' colour, which the report draws a target in)", () => {
  it("gives every format variant a different colour", () => {
    const colors = Object.values(FORMATS).map((f) => f.colour);
    expect(new Set(colors).size).toBe(FORMAT_IDS.length);
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("escapes an ampersand once, so existing entities stay visible as text", () => {
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
  });

  it("turns null and undefined into an empty string and numbers into text", () => {
    expect(escapeHtml(null)).toBe("");
    expect(escapeHtml(undefined)).toBe("");
    expect(escapeHtml(0)).toBe("0");
  });
});

describe("escapeMarkdownCell", () => {
  it("escapes pipes and backslashes so a value stays in its cell", () => {
    expect(escapeMarkdownCell("a|b\\c")).toBe("a\\|b\\\\c");
  });

  it("joins lines with spaces", () => {
    expect(escapeMarkdownCell("line 1\nline 2\r\nline 3")).toBe("line 1 line 2 line 3");
  });

  it("escapes angle brackets so no HTML tag can be injected", () => {
    expect(escapeMarkdownCell("<script>")).toBe("&lt;script&gt;");
  });

  it("turns null and undefined into an empty cell", () => {
    expect(escapeMarkdownCell(undefined)).toBe("");
  });
});
