/**
 * The manifest of the TPC-H refresh sets (spark-jobs/refresh/refresh_sets.py): written last,
 * so its presence means every listed set is complete. Every format and the oracle read the
 * same sets through it.
 */
import path from "node:path";
import { z } from "zod";

const count = z.number().int().nonnegative();
const keyRange = z
  .object({ min: z.number().int().positive(), max: z.number().int().positive() })
  .refine((range) => range.min <= range.max, { message: "min must not exceed max" });

export const refreshSetSchema = z
  .object({
    set: z.number().int().positive(),
    /** RF1: new orders (SF * 1500, clause 2.27) ... */
    orders: z.number().int().positive(),
    /** ... with 1..7 lineitems each (clause 4.2.3) ... */
    lineitem: count,
    /** RF2: order keys to delete with their lineitems. */
    deletes: count,
    insertKeys: keyRange,
    deleteKeys: keyRange,
  })
  .refine((set) => set.lineitem >= set.orders && set.lineitem <= 7 * set.orders, {
    message: "every order has 1 to 7 lineitems",
    path: ["lineitem"],
  });

export const refreshManifestSchema = z.object({
  generator: z.string().min(1),
  specVersion: z.string().min(1),
  scaleFactor: z.number().positive(),
  seed: z.number().int().nonnegative(),
  sets: z
    .array(refreshSetSchema)
    .min(1)
    .refine((sets) => sets.every((entry, i) => entry.set === i + 1), { message: "sets are numbered 1..N in order" }),
  createdAt: z.string().min(1),
});
export type RefreshManifest = z.infer<typeof refreshManifestSchema>;
export type RefreshSet = z.infer<typeof refreshSetSchema>;

/** The three files of refresh set n: orders and lineitem rows to insert, order keys to delete. */
export function refreshSetFiles(refreshDir: string, set: number): { orders: string; lineitem: string; delete: string } {
  const dir = path.join(refreshDir, `set-${String(set).padStart(3, "0")}`);
  return { orders: path.join(dir, "orders.parquet"), lineitem: path.join(dir, "lineitem.parquet"), delete: path.join(dir, "delete.parquet") };
}
