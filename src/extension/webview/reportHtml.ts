/**
 * The report webview's page: a strict Content-Security-Policy (no inline code, scripts only
 * with this page's nonce, everything else only from the extension's own files), one
 * bundled script and stylesheets. The data arrives later by postMessage, never in the HTML.
 */
import { escapeHtml } from "../../core";

export interface ReportPageResources {
  /** webview.cspSource: the origin the extension's local files are served from. */
  cspSource: string;
  nonce: string;
  script: string;
  stylesheet: string;
  codicons: string;
}

export function contentSecurityPolicy({ cspSource, nonce }: Pick<ReportPageResources, "cspSource" | "nonce">): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join("; ");
}

export function reportHtml(resources: ReportPageResources): string {
  const attr = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(resources))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${attr(resources.codicons)}" id="vscode-codicon-stylesheet">
  <link rel="stylesheet" href="${attr(resources.stylesheet)}">
  <title>Lakehouse Bench report</title>
</head>
<body>
  <main id="app" aria-live="polite"><p class="placeholder">Loading the report…</p></main>
  <script nonce="${attr(resources.nonce)}" src="${attr(resources.script)}"></script>
</body>
</html>
`;
}
