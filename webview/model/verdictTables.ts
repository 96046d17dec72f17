/**
 * The verdict of each run on show, as grids for the panel: one per figure (query time, load,
 * storage) with the sentence and interval note the Markdown and HTML reports show. DOM-free.
 */
import {
  intervalSourceText,
  intervalText,
  methodParagraphs,
  NO_VERDICT,
  rankedValue,
  RANKINGS,
  rankingSentence,
  rankingTitle,
  ratioText,
  standingText,
  verdictOf,
  type Ranking,
} from "../../src/core/view";
import type { FigureTable, Tone } from "./figureTables";
import { roles, type ReportPair, type RunRole } from "./reportPair";

export interface RankingView {
  sentence: string;
  note: string;
  table: FigureTable;
}

export interface RunVerdict {
  role: RunRole;
  /** Present when the run has no verdict (an older report). */
  missing?: string;
  rankings: RankingView[];
  method: string[];
}

const TONES: Partial<Record<string, Tone>> = { best: "good", behind: "bad", "within noise": "muted", unjudged: "muted" };

export function verdictViews(pair: ReportPair): RunVerdict[] {
  return roles(pair).map(({ role, model }) => {
    const verdict = verdictOf(model);
    if (!verdict) return { role, missing: NO_VERDICT, rankings: [], method: [] };
    return { role, rankings: RANKINGS.map((key) => rankingView(verdict[key], role, Boolean(pair.compare))), method: methodParagraphs(verdict) };
  });
}

function rankingView(ranking: Ranking, role: RunRole, comparing: boolean): RankingView {
  const table: FigureTable = {
    id: `verdict-${ranking.figure}${comparing ? `-${role}` : ""}`,
    title: comparing ? `Run ${role} · ${rankingTitle(ranking)}` : rankingTitle(ranking),
    columns: [
      { title: "Rank", numeric: true },
      { title: "Format", numeric: false },
      { title: "Value", numeric: true },
      { title: "Ratio to best", numeric: true },
      { title: "95 % interval", numeric: true },
      { title: "Standing", numeric: false },
    ],
    rows: ranking.formats.map((f) => ({
      key: `verdict/${ranking.figure}/${f.target}/${role}`,
      cells: [
        { text: String(f.rank), value: f.rank },
        { text: f.label, value: f.target },
        { text: rankedValue(ranking, f.value), value: f.value },
        { text: ratioText(f), value: f.ratio },
        { text: intervalText(ranking, f), value: f.interval ? `${f.interval.low}–${f.interval.high}` : undefined },
        { text: standingText(ranking, f), value: f.standing, tone: TONES[f.standing] },
      ],
    })),
  };
  return { sentence: rankingSentence(ranking), note: intervalSourceText(ranking), table };
}
