import { describe, expect, it } from "vitest";
import { compareAnswers, NUMERIC_TOLERANCE, valuesEqual, type Answer } from "../../../src/core/answers/compare";

const ORACLE = "duckdb";
const columns = ["l_returnflag", "l_linestatus", "sum_qty", "avg_price"];
const oracle: Answer = {
  columns,
  rows: [
    ["A", "F", 37734107, 38273.13],
    ["N", "F", 991417, 38284.47],
    ["R", "F", 37719753, 38250.85],
  ],
  hash: "h-oracle",
};

const withRows = (rows: Answer["rows"], hash = "h-different"): Answer => ({ columns, rows, hash });

describe("compareAnswers", () => {
  it("matches when the hashes are equal, without looking at the rows", () => {
    expect(compareAnswers({ rows: [], hash: "h-oracle" }, oracle, ORACLE)).toEqual({ status: "match" });
  });

  it("does not treat two missing hashes as equal", () => {
    const check = compareAnswers({ rows: [["X", "F", 1, 1]] }, { columns, rows: [["A", "F", 1, 1]] }, ORACLE);
    expect(check.status).toBe("mismatch");
  });

  it("matches equal rows when the hashes differ", () => {
    expect(compareAnswers(withRows(oracle.rows!.map((r) => [...r])), oracle, ORACLE)).toEqual({ status: "match" });
  });

  it("reports a row-count mismatch with both counts and who expected them", () => {
    const check = compareAnswers(withRows(oracle.rows!.slice(0, 2)), oracle, ORACLE);
    expect(check).toEqual({ status: "mismatch", detail: `2 rows, ${ORACLE} returned 3` });
  });

  it("reports a value mismatch naming the column and both values", () => {
    const rows = oracle.rows!.map((r) => [...r]);
    rows[1][3] = 40000.5;
    const check = compareAnswers(withRows(rows), oracle, ORACLE);
    expect(check.status).toBe("mismatch");
    if (check.status !== "mismatch") return;
    expect(check.detail).toBe(`avg_price: 40000.5, ${ORACLE} has 38284.47`);
  });

  it("names the column by position when the expected answer has no column names", () => {
    const check = compareAnswers({ rows: [["A", 2]] }, { rows: [["A", 3]] }, ORACLE);
    expect(check).toEqual({ status: "mismatch", detail: `column 2: 2, ${ORACLE} has 3` });
  });

  it("reports a string mismatch", () => {
    const rows = oracle.rows!.map((r) => [...r]);
    rows[2][1] = "O";
    const check = compareAnswers(withRows(rows), oracle, ORACLE);
    expect(check).toMatchObject({ status: "mismatch", detail: expect.stringContaining("l_linestatus") });
  });

  it("matches 12.345 against 12.3449999: a value on a rounding boundary is within tolerance", () => {
    const check = compareAnswers({ columns: ["x"], rows: [[12.345]], hash: "a" }, { columns: ["x"], rows: [[12.3449999]], hash: "b" }, ORACLE);
    expect(check).toEqual({ status: "match" });
  });

  it("does not match a value off by more than a cent", () => {
    const check = compareAnswers({ columns: ["x"], rows: [[12.3]], hash: "a" }, { columns: ["x"], rows: [[12.35]], hash: "b" }, ORACLE);
    expect(check).toEqual({ status: "mismatch", detail: `x: 12.3, ${ORACLE} has 12.35` });
  });

  it("does not depend on the order of the rows", () => {
    const shuffled = [oracle.rows![2], oracle.rows![0], oracle.rows![1]];
    expect(compareAnswers(withRows(shuffled), oracle, ORACLE)).toEqual({ status: "match" });
  });

  it("does not depend on the order of the rows when a leading number column has values closer than the tolerance", () => {
    // Identical row sets; only the order differs. 1.000 ~ 1.008 ~ 1.016 within 0.01 each, but 1.000 !~ 1.016.
    const rows: Answer["rows"] = [[1.0, "c"], [1.008, "b"], [1.016, "a"]];
    const actual: Answer = { rows: [rows[0], rows[1], rows[2]], hash: "x" };
    const expected: Answer = { columns: ["x", "y"], rows: [rows[1], rows[0], rows[2]], hash: "y" };
    expect(compareAnswers(actual, expected, ORACLE)).toEqual({ status: "match" });
  });

  it("pairs rows by content even when the numbers differ within tolerance", () => {
    const expected: Answer = { columns: ["k", "v"], rows: [["b", 2.004], ["a", 1.001]] };
    const actual: Answer = { columns: ["k", "v"], rows: [["a", 1.0], ["b", 2.0]], hash: "x" };
    expect(compareAnswers(actual, expected, ORACLE)).toEqual({ status: "match" });
  });

  it("compares nulls and booleans exactly", () => {
    expect(compareAnswers({ rows: [[null, true]] }, { rows: [[null, true]] }, ORACLE)).toEqual({ status: "match" });
    expect(compareAnswers({ rows: [[null]] }, { columns: ["c"], rows: [["null"]] }, ORACLE).status).toBe("mismatch");
    expect(compareAnswers({ rows: [[0]] }, { rows: [[null]] }, ORACLE).status).toBe("mismatch");
    expect(compareAnswers({ rows: [[false]] }, { rows: [[true]] }, ORACLE).status).toBe("mismatch");
  });

  it("does not match a number against the same number as a string", () => {
    expect(compareAnswers({ rows: [["1"]] }, { rows: [[1]] }, ORACLE).status).toBe("mismatch");
  });

  it("reports a row with a missing column as a mismatch", () => {
    const check = compareAnswers({ rows: [["A"]] }, { columns: ["k", "v"], rows: [["A", 1]] }, ORACLE);
    expect(check.status).toBe("mismatch");
  });

  it("matches two empty answers", () => {
    expect(compareAnswers({ rows: [], hash: "a" }, { rows: [], hash: "b" }, ORACLE)).toEqual({ status: "match" });
  });

  it("gives unchecked, with the oracle's error, when the oracle failed on the query", () => {
    const check = compareAnswers(withRows(oracle.rows!), { error: "Binder Error: column not found" }, ORACLE);
    expect(check).toEqual({ status: "unchecked", detail: `${ORACLE} has no answer: Binder Error: column not found` });
  });

  it("gives unchecked when the oracle has no answer for the query", () => {
    expect(compareAnswers(withRows(oracle.rows!), undefined, ORACLE)).toEqual({ status: "unchecked", detail: `${ORACLE} has no answer` });
    expect(compareAnswers(withRows(oracle.rows!), { hash: "h-oracle" }, ORACLE).status).toBe("unchecked");
  });

  it("gives unchecked when the oracle errored, even if the hashes are equal", () => {
    expect(compareAnswers({ rows: [], hash: "h" }, { rows: [], hash: "h", error: "timeout" }, ORACLE).status).toBe("unchecked");
  });

  it("gives unchecked when the query itself returned no rows to compare", () => {
    expect(compareAnswers(undefined, oracle, ORACLE)).toEqual({ status: "unchecked", detail: "the query returned no answer" });
    expect(compareAnswers({ error: "failed" }, oracle, ORACLE).status).toBe("unchecked");
  });
});

describe("valuesEqual", () => {
  it("allows an absolute difference of one cent", () => {
    expect(NUMERIC_TOLERANCE.absolute).toBe(0.01);
    expect(valuesEqual(100.0, 100.009)).toBe(true);
    expect(valuesEqual(100.0, 100.02)).toBe(false);
  });

  it("scales the tolerance with large sums so float64 rounding does not count as wrong", () => {
    // 1e12 * 1e-12 = 1: a unit off in a 13-digit sum is rounding, two units are not.
    expect(valuesEqual(1e12, 1e12 + 0.5)).toBe(true);
    expect(valuesEqual(1e12, 1e12 + 2)).toBe(false);
  });

  it("compares non-numbers strictly", () => {
    expect(valuesEqual("a", "a")).toBe(true);
    expect(valuesEqual("a", "A")).toBe(false);
    expect(valuesEqual(null, null)).toBe(true);
  });
});
