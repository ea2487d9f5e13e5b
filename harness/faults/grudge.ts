/**
 * A partition as data: each node maps to the nodes whose packets it drops (it "does not hear"
 * them). Direction matters: `{ b: ["a"] }` loses a -> b traffic while b -> a still flows.
 */
export type Grudge = Record<string, string[]>;

/** A grudge cutting every component off from every other; each node of `all` gets a key. */
export function fromComponents(components: readonly (readonly string[])[], all?: readonly string[]): Grudge {
  const g: Grudge = {};
  for (const n of all ?? components.flat()) g[n] = [];
  components.forEach((mine, i) => {
    const others = components.filter((_, j) => j !== i).flat();
    for (const n of mine) g[n] = unique([...(g[n] ?? []), ...others]);
  });
  return g;
}

/** Cuts `node` off from all other nodes, both ways. Throws RangeError if `node` is not in `all`. */
export function isolate(node: string, all: readonly string[]): Grudge {
  requireMembers([node], all);
  return fromComponents([[node], all.filter((n) => n !== node)], all);
}

/** Splits `all` in two, both ways: the first floor(n/2) nodes (the minority) against the rest. */
export function halves(all: readonly string[]): Grudge {
  const cut = Math.floor(all.length / 2);
  return fromComponents([all.slice(0, cut), all.slice(cut)], all);
}

/** Cuts `minority` off from the rest, both ways. Throws RangeError unless it is a non-empty strict minority of `all`. */
export function majorityMinority(all: readonly string[], minority: readonly string[]): Grudge {
  requireMembers(minority, all);
  const small = unique(minority);
  if (small.length === 0 || small.length * 2 >= all.length) {
    throw new RangeError(`${small.length} of ${all.length} nodes is not a strict minority`);
  }
  return fromComponents([small, all.filter((n) => !small.includes(n))], all);
}

/** One-way: every node in `to` drops packets from every node in `from`; traffic to -> from still flows. */
export function oneWay(from: readonly string[], to: readonly string[]): Grudge {
  const overlap = from.filter((n) => to.includes(n));
  if (overlap.length) throw new RangeError(`nodes on both sides of a one-way cut: ${overlap.join(", ")}`);
  const g: Grudge = {};
  for (const n of from) g[n] = [];
  for (const n of to) g[n] = unique(from);
  return g;
}

/** A copy of `map` as a grudge, with duplicate entries removed; validate it with {@link validateGrudge}. */
export function explicit(map: Readonly<Record<string, readonly string[]>>): Grudge {
  return Object.fromEntries(Object.entries(map).map(([n, drops]) => [n, unique(drops)]));
}

/**
 * Jepsen's bridge: halves of `all` cut from each other, except the first node of the second half,
 * which still talks to everyone both ways. Throws RangeError with fewer than 3 nodes.
 */
export function bridge(all: readonly string[]): Grudge {
  if (all.length < 3) throw new RangeError(`a bridge needs at least 3 nodes, got ${all.length}`);
  const cut = Math.floor(all.length / 2);
  const middle = all[cut]!;
  const g = fromComponents([all.slice(0, cut), all.slice(cut)], all);
  return Object.fromEntries(Object.entries(g).map(([n, drops]) => [n, n === middle ? [] : drops.filter((d) => d !== middle)]));
}

/** Problems with `grudge` against the node list `all` (unknown nodes, a node dropping itself); empty when valid. */
export function validateGrudge(grudge: Grudge, all: readonly string[]): string[] {
  const known = new Set(all);
  const problems: string[] = [];
  for (const [node, drops] of Object.entries(grudge)) {
    if (!known.has(node)) problems.push(`unknown node ${node}`);
    for (const d of drops) {
      if (d === node) problems.push(`${node} drops its own packets`);
      else if (!known.has(d)) problems.push(`${node} drops unknown node ${d}`);
    }
  }
  return problems;
}

/** The symmetric closure of `grudge`: whenever a drops b, b drops a too. Pure; idempotent. */
export function complete(grudge: Grudge): Grudge {
  const g: Grudge = explicit(grudge);
  for (const [node, drops] of Object.entries(grudge)) {
    for (const d of drops) g[d] = unique([...(g[d] ?? []), node]);
  }
  return g;
}

/** True when the grudge drops nothing at all (healing applies the empty grudge). */
export function isEmptyGrudge(grudge: Grudge): boolean {
  return Object.values(grudge).every((d) => d.length === 0);
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function requireMembers(nodes: readonly string[], all: readonly string[]): void {
  const missing = nodes.filter((n) => !all.includes(n));
  if (missing.length) throw new RangeError(`not in the node list: ${missing.join(", ")}`);
}
