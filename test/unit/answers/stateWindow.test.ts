import { describe, expect, it, vi } from "vitest";
import type { Answer } from "../../../src/core/answers/compare";
import { compareAnswers } from "../../../src/core/answers/compare";
import { checkAnswerInWindow, oracleAnswersFor, StateWindowError } from "../../../src/core/answers/stateWindow";

const columns = ["o_orderpriority", "order_count"];
const answer = (count: number, hash: string): Answer => ({ columns, rows: [["1-URGENT", count]], hash });

// Q4-like counts as RF1/RF2 of sets 1 and 2 commit: states 4 and 5 have the same answer, 6 and 7 new ones.
const results: Record<string, Answer> = { h100: answer(100, "h100"), h103: answer(103, "h103"), h98: answer(98, "h98"), h101: answer(101, "h101") };
// The oracle file's shape (spark-jobs/oracle/state_answers.py): stream -> query -> state -> hash, results by hash.
const oracleFile = { answers: { "1": { q04: { "2": "h101", "4": "h100", "5": "h100", "6": "h103", "7": "h98" } } }, results };
const oracle = oracleAnswersFor(oracleFile, 1, "q04");
// The engine's own hash differs from the oracle's (another engine): only the rows decide.
const engine = (count: number): Answer => ({ columns, rows: [["1-URGENT", count]], hash: "h-spark" });

describe("checkAnswerInWindow", () => {
  it("matches at the first state of the window when the query saw no commit", () => {
    expect(checkAnswerInWindow(engine(100), [4, 7], oracle, "duckdb")).toEqual({ status: "match", state: 4 });
  });

  it("matches at a later state of the window when commits landed while the query ran", () => {
    expect(checkAnswerInWindow(engine(103), [4, 7], oracle, "duckdb")).toEqual({ status: "match", state: 6 });
    expect(checkAnswerInWindow(engine(98), [5, 7], oracle, "duckdb")).toEqual({ status: "match", state: 7 });
  });

  it("is a mismatch when the only state with that answer lies outside the window, and names the states compared", () => {
    const check = checkAnswerInWindow(engine(98), [4, 6], oracle, "duckdb");
    expect(check).toMatchObject({ status: "mismatch", window: [4, 6] });
    expect(check.status === "mismatch" && check.detail).toBe(
      "equals duckdb at none of states 4..6 (states 4, 5: order_count: 98, duckdb has 100; state 6: order_count: 98, duckdb has 103)",
    );
  });

  it("checks a window of one state against that state alone", () => {
    expect(checkAnswerInWindow(engine(101), [2, 2], oracle, "duckdb")).toEqual({ status: "match", state: 2 });
    expect(checkAnswerInWindow(engine(100), [6, 6], oracle, "duckdb")).toMatchObject({ status: "mismatch", window: [6, 6] });
  });

  it("uses the numeric tolerance of compareAnswers", () => {
    const money = (value: number, hash: string): Answer => ({ columns: ["revenue"], rows: [[value]], hash });
    const sums = oracleAnswersFor({ answers: { "2": { q06: { "4": "a", "5": "b" } } }, results: { a: money(10.0, "a"), b: money(12.345, "b") } }, 2, "q06");
    expect(checkAnswerInWindow(money(12.3449999, "spark"), [4, 5], sums, "duckdb")).toEqual({ status: "match", state: 5 });
  });

  it("compares states with the same oracle result once", () => {
    const compare = vi.fn(compareAnswers);
    const check = checkAnswerInWindow(engine(98), [4, 7], oracle, "duckdb", compare);
    expect(check).toEqual({ status: "match", state: 7 });
    // States 4 and 5 share h100: three distinct results, three comparisons for four states.
    expect(compare.mock.calls.map((call) => call[1]?.hash)).toEqual(["h100", "h103", "h98"]);
  });

  it("is unchecked when the oracle has no answer in the window or the engine returned none", () => {
    expect(checkAnswerInWindow(engine(100), [4, 5], oracleAnswersFor(oracleFile, 2, "q04"), "duckdb")).toMatchObject({ status: "unchecked" });
    expect(checkAnswerInWindow(engine(100), [8, 9], oracle, "duckdb")).toEqual({
      status: "unchecked", detail: "duckdb has no answer at states 8..9", window: [8, 9],
    });
    expect(checkAnswerInWindow({ error: "AnalysisException" }, [4, 5], oracle, "duckdb")).toEqual({
      status: "unchecked", detail: "the query returned no answer", window: [4, 5],
    });
  });

  it("refuses a window that is not lo <= hi in whole states", () => {
    expect(() => checkAnswerInWindow(engine(100), [5, 4], oracle)).toThrow(StateWindowError);
    expect(() => checkAnswerInWindow(engine(100), [-1, 4], oracle)).toThrow(/\[-1, 4\]/);
    expect(() => checkAnswerInWindow(engine(100), [4, 4.5], oracle)).toThrow(StateWindowError);
  });
});
