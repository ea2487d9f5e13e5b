import { parse as parseYaml } from "yaml";

/** An Ansible inventory reduced to what a site needs: each group's hosts (children resolved) and each host's vars. */
export interface Inventory {
  groups: Record<string, string[]>;
  hostvars: Record<string, Record<string, unknown>>;
}

/** An inventory that cannot be read; names the source and the reason. */
export class InventoryError extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(`inventory ${source}: ${reason}`);
    this.name = "InventoryError";
  }
}

interface RawGroup {
  hosts: Set<string>;
  children: Set<string>;
  vars: Record<string, unknown>;
}

const raw = (groups: Map<string, RawGroup>, name: string): RawGroup => {
  const known = groups.get(name);
  if (known) return known;
  const g: RawGroup = { hosts: new Set(), children: new Set(), vars: {} };
  groups.set(name, g);
  return g;
};

/** `web[01:03]` -> web01, web02, web03 (numeric ranges keep their zero padding); other names as they are. Pure. */
export function expandHostPattern(pattern: string): string[] {
  const m = pattern.match(/^(.*)\[(\d+):(\d+)\](.*)$/);
  if (!m) return [pattern];
  const [, pre, from, to, post] = m;
  const width = from.length;
  const out: string[] = [];
  for (let i = Number(from); i <= Number(to); i++) out.push(...expandHostPattern(`${pre}${String(i).padStart(width, "0")}${post}`));
  return out;
}

function inlineVars(fields: string[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((f) => {
      const i = f.indexOf("=");
      return i < 0 ? [f, true] : [f.slice(0, i), f.slice(i + 1).replace(/^(["'])(.*)\1$/, "$2")];
    }),
  );
}

/** Parses a static INI inventory (`[group]`, `[group:children]`, `[group:vars]`, inline host vars, ranges). Pure. */
export function parseIniInventory(text: string, source = "inventory"): Inventory {
  const groups = new Map<string, RawGroup>();
  const hostvars: Record<string, Record<string, unknown>> = {};
  let section = { group: "ungrouped", kind: "hosts" };
  text.split(/\r?\n/).forEach((line, n) => {
    const l = line.replace(/\s[#;].*$/, "").trim();
    if (!l || l.startsWith("#") || l.startsWith(";")) return;
    const head = l.match(/^\[([^\]:]+)(?::(children|vars))?\]$/);
    if (head) {
      section = { group: head[1], kind: head[2] ?? "hosts" };
      raw(groups, section.group);
      return;
    }
    if (l.startsWith("[")) throw new InventoryError(source, `line ${n + 1}: malformed section header "${l}"`);
    const g = raw(groups, section.group);
    const fields = l.split(/\s+/);
    if (section.kind === "children") g.children.add(fields[0]);
    else if (section.kind === "vars") Object.assign(g.vars, inlineVars([l.replace(/\s*=\s*/, "=")]));
    else
      for (const h of expandHostPattern(fields[0])) {
        g.hosts.add(h);
        hostvars[h] = { ...hostvars[h], ...inlineVars(fields.slice(1)) };
      }
  });
  return resolve(groups, hostvars, source);
}

/** Parses a static YAML inventory (`all: { hosts, children, vars }`, nested). Pure. */
export function parseYamlInventory(text: string, source = "inventory"): Inventory {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new InventoryError(source, `not YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  if (!doc || typeof doc !== "object") throw new InventoryError(source, "expected a mapping of groups at the top");
  const groups = new Map<string, RawGroup>();
  const hostvars: Record<string, Record<string, unknown>> = {};
  const walk = (name: string, node: unknown) => {
    const g = raw(groups, name);
    if (node === null || node === undefined) return;
    if (typeof node !== "object") throw new InventoryError(source, `group ${name}: expected a mapping`);
    const n = node as { hosts?: Record<string, unknown>; children?: Record<string, unknown>; vars?: Record<string, unknown> };
    for (const [pattern, vars] of Object.entries(n.hosts ?? {})) {
      for (const h of expandHostPattern(pattern)) {
        g.hosts.add(h);
        hostvars[h] = { ...hostvars[h], ...((vars as Record<string, unknown>) ?? {}) };
      }
    }
    Object.assign(g.vars, n.vars ?? {});
    for (const [child, body] of Object.entries(n.children ?? {})) {
      g.children.add(child);
      walk(child, body);
    }
  };
  for (const [name, body] of Object.entries(doc as Record<string, unknown>)) walk(name, body);
  return resolve(groups, hostvars, source);
}

/** Reads `ansible-inventory --list` JSON (every inventory format, dynamic ones included). Pure. */
export function fromInventoryList(json: string, source = "ansible-inventory --list"): Inventory {
  type ListGroup = { hosts?: string[]; children?: string[]; vars?: Record<string, unknown> };
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new InventoryError(source, `not JSON: ${(e as Error).message}`);
  }
  const groups = new Map<string, RawGroup>();
  for (const [name, body] of Object.entries(doc)) {
    if (name === "_meta" || !body || typeof body !== "object") continue;
    const b = body as ListGroup;
    const g = raw(groups, name);
    for (const h of b.hosts ?? []) g.hosts.add(h);
    for (const c of b.children ?? []) g.children.add(c);
    Object.assign(g.vars, b.vars ?? {});
  }
  const meta = doc._meta as { hostvars?: Record<string, Record<string, unknown>> } | undefined;
  return resolve(groups, { ...(meta?.hostvars ?? {}) }, source);
}

function resolve(groups: Map<string, RawGroup>, hostvars: Record<string, Record<string, unknown>>, source: string): Inventory {
  const out: Record<string, string[]> = {};
  const hostsOf = (name: string, path: string[]): string[] => {
    if (path.includes(name)) throw new InventoryError(source, `group ${name} is its own child (${[...path, name].join(" > ")})`);
    const g = groups.get(name);
    if (!g) return [];
    return [...new Set([...g.hosts, ...[...g.children].flatMap((c) => hostsOf(c, [...path, name]))])];
  };
  for (const name of groups.keys()) out[name] = hostsOf(name, []);
  // As in Ansible, `all` holds every host, and its vars rank below every other group's.
  out.all = [...new Set([...(out.all ?? []), ...Object.values(out).flat(), ...Object.keys(hostvars)])];
  // Group vars apply to every host of the group; as in Ansible, a child group's vars override its parents',
  // and a host's own vars override every group's.
  const depth = (name: string, seen: string[] = []): number => {
    const parents = [...groups]
      .filter(([, g]) => g.children.has(name))
      .map(([p]) => p)
      .filter((p) => !seen.includes(p));
    if (name === "all") return -1;
    return parents.length ? 1 + Math.max(...parents.map((p) => depth(p, [...seen, name]))) : 0;
  };
  const vars: Record<string, Record<string, unknown>> = {};
  for (const name of [...groups.keys()].sort((a, b) => depth(a) - depth(b))) {
    for (const h of out[name] ?? []) vars[h] = { ...vars[h], ...groups.get(name)!.vars };
  }
  for (const h of Object.values(out).flat()) vars[h] = { ...vars[h], ...hostvars[h] };
  return { groups: out, hostvars: vars };
}
