/** Parsers of single raw values, each with the "what is allowed" text shown when it fails. */
import { z } from "zod";
import { JVM_MEMORY_ALLOWED, MAX_JVM_MEMORY_MIB, memoryMiB, MIN_JVM_MEMORY_MIB } from "./memorySize";

/** A field parsed from a string; `allowed` is shown to the user when parsing fails. */
export function field<T>(allowed: string, parse: (raw: string) => T | undefined) {
  return z.string().transform((raw, ctx) => {
    const value = parse(raw.trim());
    if (value === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: allowed });
      return z.NEVER;
    }
    return value;
  });
}

/** Digits only, within [min, max]: no signs, exponents or values past what the key can mean. */
export function parseInteger(raw: string, min: number, max: number): number | undefined {
  if (!/^\d{1,16}$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
}

export const integerIn = (min: number, max: number, unit = "") =>
  field(`an integer from ${min} to ${max}${unit ? ` (${unit})` : ""}`, (raw) => parseInteger(raw, min, max));

export const oneOf = <T extends string>(values: readonly T[]) =>
  field(`one of ${values.join(", ")}`, (raw) => values.find((v) => v === raw));

export const jvmMemory = field(JVM_MEMORY_ALLOWED, (raw) => {
  const mib = memoryMiB(raw);
  return mib !== undefined && mib >= MIN_JVM_MEMORY_MIB && mib <= MAX_JVM_MEMORY_MIB ? raw.toLowerCase() : undefined;
});

/** A plain decimal ("0.1", ".5", "10"): no exponent, sign, Infinity or hex. */
export const decimal = (raw: string): number | undefined => (/^\d{1,16}(\.\d{1,16})?$|^\.\d{1,16}$/.test(raw) ? Number(raw) : undefined);

/** Decimals written, trailing zeros aside: "0.010" has 2. */
export const decimalPlaces = (raw: string): number => (raw.split(".")[1] ?? "").replace(/0+$/, "").length;

// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export const path = field("a non-empty path without control characters", (raw) => (raw && !CONTROL_CHARACTERS.test(raw) ? raw : undefined));
