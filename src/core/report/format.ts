/** Number formatting shared by every report rendering (a target's colour is in model.targets). */

export const seconds = (value: number | null | undefined, digits = 3): string =>
  value === null || value === undefined ? "–" : `${value.toFixed(digits)} s`;

export function bytes(value: number | undefined): string {
  if (value === undefined) return "–";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let scaled = value;
  let unit = 0;
  while (scaled >= 1024 && unit < units.length - 1) {
    scaled /= 1024;
    unit++;
  }
  return `${scaled.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export const percent = (value: number | null | undefined): string =>
  value === null || value === undefined ? "–" : `${(value * 100).toFixed(1)} %`;
