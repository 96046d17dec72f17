import { describe, expect, it } from "vitest";
import { mergeChanges, sameShape } from "../../../src/extension/tree/treeDiff";
import type { TreeNodeModel } from "../../../src/extension/tree/treeNode";

const node = (id: string, description = "", children?: TreeNodeModel[]): TreeNodeModel => ({
  id,
  label: id,
  status: "pending",
  description,
  tooltip: { title: id, fields: [] },
  contextValue: "phase",
  children,
});

describe("tree refreshes", () => {
  it("reports only the nodes that changed, updating them in place", () => {
    const current = [node("bronze"), node("silver", "", [node("load@spark.iceberg"), node("load@spark.delta")])];
    const child = current[1].children![0];
    const next = [node("bronze"), node("silver", "", [node("load@spark.iceberg", "q05 0.4 s"), node("load@spark.delta")])];
    expect(sameShape(current, next)).toBe(true);
    const changed = mergeChanges(current, next);
    expect(changed).toEqual([child]);
    expect(changed[0]).toBe(child);
    expect(child.description).toBe("q05 0.4 s");
  });

  it("sees a new or removed node as a change of shape", () => {
    expect(sameShape([node("a")], [node("a"), node("b")])).toBe(false);
    expect(sameShape([node("g", "", [node("x")])], [node("g", "", [node("y")])])).toBe(false);
  });
});
