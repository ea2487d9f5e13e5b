/** Escapes text for XML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Rounds a coordinate to 0.1 px so the markup stays short and stable across runs. */
export function px(n: number): number {
  return Math.round(n * 10) / 10;
}

/** One SVG element as markup; undefined attributes are left out, numbers are rounded by {@link px}. */
export function el(tag: string, attrs: Record<string, string | number | undefined>, children = ""): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? px(v) : esc(v!)}"`)
    .join("");
  return children === "" ? `<${tag}${a}/>` : `<${tag}${a}>${children}</${tag}>`;
}
