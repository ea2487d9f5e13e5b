/** Colours of the timeline, shared by the SVG, its legend and the HTML page. */
export const COLORS = {
  ok: "#2ca02c",
  fail: "#d62728",
  info: "#ff8c00",
  fault: "#7e57c2",
  outage: "#d62728",
  none: "#9e9e9e",
  split: "#d62728",
  handover: "#f0b429",
  grid: "#e6e6e6",
  text: "#222222",
  muted: "#6b6b6b",
  laneOdd: "#f7f7f9",
} as const;

// Light fills so the dark host names written on them stay legible; no pure red/green (they mean fail/ok).
const HOST_PALETTE = ["#9ecae1", "#fdd0a2", "#c5b0d5", "#9edae5", "#f7b6d2", "#e7cb94", "#bcbddc", "#dbdb8d", "#c49c94", "#c6dbef"];

/** The fill of VIP holder `host`, stable for a run given the sorted list of all holders. */
export function hostColor(host: string, hosts: readonly string[]): string {
  const i = hosts.indexOf(host);
  return HOST_PALETTE[(i < 0 ? hosts.length : i) % HOST_PALETTE.length]!;
}

/** Shared SVG <defs>: the hatch pattern for "no VIP holder". */
export const DEFS = `<defs><pattern id="hp-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f0f0f0"/><line x1="0" y1="0" x2="0" y2="6" stroke="${COLORS.none}" stroke-width="2"/></pattern></defs>`;

/** Approximate width in px of `text` at `fontPx` in the sans-serif used (for fitting labels). */
export function textWidth(text: string, fontPx: number): number {
  return text.length * fontPx * 0.58;
}
