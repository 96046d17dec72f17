import { describe, expect, it } from "vitest";
import { createNonce } from "../../../src/extension/webview/nonce";
import { contentSecurityPolicy, reportHtml } from "../../../src/extension/webview/reportHtml";

const resources = {
  cspSource: "https://file+.vscode-resource.vscode-cdn.net",
  nonce: "abc123",
  script: "https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js",
  stylesheet: "https://file+.vscode-resource.vscode-cdn.net/ext/media/report.css",
  codicons: "https://file+.vscode-resource.vscode-cdn.net/ext/dist/codicons/codicon.css",
};

describe("the report webview page", () => {
  it("has a strict CSP: nothing by default, scripts only with the page's nonce, the rest only from the extension", () => {
    const csp = contentSecurityPolicy(resources);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'nonce-abc123'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:/);
    expect(csp).toContain(`style-src ${resources.cspSource}`);
  });

  it("loads one nonce'd script and local stylesheets, no CDN and no inline code", () => {
    const html = reportHtml(resources);
    expect(html).toContain('<script nonce="abc123" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js"></script>');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/cdn\.jsdelivr|unpkg|<style|onload=|style="/);
  });

  it("escapes what it puts into attributes", () => {
    const html = reportHtml({ ...resources, stylesheet: 'x"><script>alert(1)</script>' });
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("x&quot;&gt;&lt;script&gt;");
  });

  it("makes a fresh, unguessable nonce for every page", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});
