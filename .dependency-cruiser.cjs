// Import rules for src/ and webview/, checked in CI by `npm run lint:layers` (scripts/test.sh).
// Why: issue 8 makes src/core one-way layers (docs/architecture.md); an import that runs back
// up is how the old tangle (phases <-> pipeline, runners <-> spark) grew, so it fails the build.
/* global module -- CommonJS: dependency-cruiser require()s this file. */

/** A folder of src/core, as the regex dependency-cruiser matches module paths with. */
const folder = (name) => `^src/core/${name}/`;
/** A single file directly in src/core. */
const file = (name) => `^src/core/${name}\\.ts$`;

// The layers of src/core, bottom -> top (docs/architecture.md). A module may import its own layer
// or a lower one, never a higher one. Adding a folder to src/core means adding it here.
const LAYERS = [
  {
    name: "foundation",
    paths: ["config", "runners", "state", "environment", "docker", "metrics", "cluster"].map(folder),
  },
  { name: "phase", paths: [folder("phase")] },
  { name: "formats-engines-workloads", paths: ["formats", "engines", "workloads"].map(folder) },
  { name: "phases", paths: ["phases", "answers", "report", "datagen"].map(folder) },
  { name: "pipeline", paths: ["pipeline", "status"].map(folder) },
  // The public entries: index.ts for Node (CLI, extension), view.ts for the browser (webview).
  { name: "entry", paths: [file("index"), file("view")] },
];

const CORE_ENTRY = file("index");
// The webview bundle runs in a browser (esbuild platform "browser"): index.ts re-exports the
// pipeline, which reaches node:fs, execa and dockerode; esbuild cannot bundle those for the
// browser. So the webview (and src/shared, which is bundled into it) gets its own entry that
// exposes only browser-safe code: the report model types, formatting and verdict text.
const VIEW_ENTRY = file("view");
// That view.ts reaches no Node-only code at run time is checked by the build itself: esbuild
// fails on node:fs & co. for platform "browser". A reachability rule here cannot tell
// type-only arrows (erased, harmless) from value imports, so it would flag the report model's
// type imports today.

const allLayerPaths = LAYERS.flatMap((layer) => layer.paths);

const upwardImportRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${index}-${layer.name}-imports-upward`,
  comment:
    `src/core layer ${index} (${layer.name}) may import only layers 0..${index}: an import of a ` +
    "higher layer runs back up and makes the layers a tangle again (docs/architecture.md).",
  severity: "error",
  from: { path: layer.paths },
  to: { path: LAYERS.slice(index + 1).flatMap((higher) => higher.paths) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upwardImportRules,
    {
      name: "core-module-outside-layers",
      comment:
        "Every src/core module belongs to a layer in LAYERS at the top of this file; a module " +
        "outside them escapes the upward-import rules, so add its folder to a layer.",
      severity: "error",
      from: { path: "^src/core/", pathNot: allLayerPaths },
      to: {},
    },
    {
      name: "core-imports-module-outside-layers",
      comment: "The other side of core-module-outside-layers: an import of a src/core module that is in no layer.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: "^src/core/", pathNot: allLayerPaths },
    },
    {
      name: "core-imports-its-users",
      comment: "src/core is the bottom of the whole program: the CLI, the extension and the webview build on it, never the reverse.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: "^(src/(cli|extension|shared)|webview)/" },
    },
    {
      name: "cli-or-extension-imports-core-internals",
      comment:
        "The CLI and the extension use core only through src/core/index.ts, its one public " +
        "surface, so core can move files inside without touching them.",
      severity: "error",
      from: { path: "^src/(cli|extension)/" },
      to: { path: "^src/core/", pathNot: CORE_ENTRY },
    },
    {
      name: "webview-imports-core-beyond-view-entry",
      comment:
        "The webview (and src/shared, bundled into it) uses core only through src/core/view.ts: " +
        "index.ts would drag Node-only modules into the browser bundle.",
      severity: "error",
      from: { path: "^(webview|src/shared)/" },
      to: { path: "^src/core/", pathNot: VIEW_ENTRY },
    },
    {
      name: "import-not-resolved",
      comment:
        "An import dependency-cruiser cannot resolve escapes every rule above, so the check " +
        "would pass without checking it (a file moved, its importers not yet updated).",
      severity: "error",
      from: { path: "^(src|webview)/" },
      to: { couldNotResolve: true },
    },
    {
      name: "core-imports-vscode",
      comment: "src/core stays free of VS Code so the CLI runs it in plain Node: pass plain values, an AbortSignal and callbacks.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: ["^vscode$", "(^|/)node_modules/@types/vscode/"] },
    },
    {
      name: "core-circular",
      comment: "A cycle inside src/core means two modules cannot be understood, tested or moved apart; the layers forbid it across layers, this catches it within one.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: "^src/core/", circular: true },
    },
  ],
  options: {
    // Type-only imports count: a type import still ties a lower layer to a higher one's
    // shape, and after issue 8 the webview takes the report model as types only.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    // The resolver settings of the project's own bundler (esbuild, moduleResolution Bundler).
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
