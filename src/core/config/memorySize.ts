/** JVM memory sizes ("512m", "4g"): what we accept and their value in MiB, for bounds and fit checks. */

const MIB_PER_UNIT = { k: 1 / 1024, m: 1, g: 1024, t: 1024 * 1024 } as const;

/** Below this Spark refuses to start a driver or an executor (it needs 1.5 × 300 MiB reserved, plus heap). */
export const MIN_JVM_MEMORY_MIB = 512;
/** A sane ceiling (far below a Java long of bytes): no machine we run on has more per JVM. */
export const MAX_JVM_MEMORY_MIB = 16 * 1024 * 1024;

export const JVM_MEMORY_ALLOWED = "a JVM memory size from 512m to 16t: digits, then k, m, g or t (e.g. 512m, 4g)";

/** "4g" -> 4096; undefined when it is not digits followed by a unit (a bare number is refused: Spark would read it as MiB for some keys and bytes for others). */
export function memoryMiB(size: string): number | undefined {
  const match = /^([1-9]\d{0,15})([kmgt])$/i.exec(size.trim());
  if (!match) return undefined;
  return Number(match[1]) * MIB_PER_UNIT[match[2].toLowerCase() as keyof typeof MIB_PER_UNIT];
}

/** 1664 -> "1664m" (rounded down to whole MiB: never more than what was computed). */
export const formatMiB = (mib: number): string => `${Math.floor(mib)}m`;
