/**
 * Which nodes of a tree changed between two builds. VS Code knows tree elements by object
 * identity, so a changed node is updated in place and reported, rather than replaced.
 */
import { sameLook, type TreeNodeModel } from "./treeNode";

/** The same ids in the same places, all the way down. */
export function sameShape(a: readonly TreeNodeModel[], b: readonly TreeNodeModel[]): boolean {
  return a.length === b.length && a.every((node, i) => node.id === b[i].id && sameShape(node.children ?? [], b[i].children ?? []));
}

/** Copies what changed from `next` into `current` (same shape) and returns the nodes it changed. */
export function mergeChanges<N extends TreeNodeModel>(current: N[], next: N[]): N[] {
  const changed: N[] = [];
  current.forEach((node, i) => {
    const fresh = next[i];
    if (!sameLook(node, fresh)) {
      Object.assign(node, { ...fresh, children: node.children });
      changed.push(node);
    }
    if (node.children && fresh.children) changed.push(...mergeChanges(node.children as N[], fresh.children as N[]));
  });
  return changed;
}
