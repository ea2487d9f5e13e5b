/** An INI document: section -> key -> value. Sections and keys keep insertion order. */
export type IniDoc = Readonly<Record<string, Readonly<Record<string, string | number | boolean>>>>;

/** Renders an oslo.config-style INI file; rejects values with newlines (they would inject keys). Pure. */
export function renderIni(doc: IniDoc, header = "# Written by haproof formation."): string {
  const out = [header];
  for (const [section, kv] of Object.entries(doc)) {
    out.push("", `[${section}]`);
    for (const [k, v] of Object.entries(kv)) {
      const s = String(v);
      if (/[\r\n]/.test(s)) throw new Error(`[${section}] ${k}: value contains a newline`);
      out.push(`${k} = ${s}`);
    }
  }
  return `${out.join("\n")}\n`;
}
