import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult, type IConfiguration } from "dependency-cruiser";
import { describe, expect, it } from "vitest";

const config = createRequire(import.meta.url)("../../.dependency-cruiser.cjs") as IConfiguration;
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The groups of folders that import each other, directly or round a loop (strongly connected, more than one). Pure. */
function folderCycles(edges: readonly [string, string][]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const [a, b] of edges) if (a !== b) (next.get(a) ?? next.set(a, new Set()).get(a)!).add(b);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe("no two folders import each other", () => {
  it("finds a loop of folders, and none in a one-way graph", () => {
    expect(
      folderCycles([
        ["a", "b"],
        ["b", "c"],
        ["c", "a"],
        ["c", "d"],
      ]),
    ).toEqual([["a", "b", "c"]]);
    expect(
      folderCycles([
        ["a", "b"],
        ["b", "c"],
        ["a", "c"],
      ]),
    ).toEqual([]);
  });

  it("holds for the repository, type-only imports and tests included", async () => {
    const { output } = await cruise(["harness", "scenarios", "tests", "bench", "topologies"], { ...config.options, baseDir: ROOT });
    const edges = (output as ICruiseResult).modules.flatMap((m) =>
      m.dependencies.filter((d) => !d.coreModule && !d.resolved.includes("node_modules/")).map((d): [string, string] => [dirname(m.source), dirname(d.resolved)]),
    );
    expect(edges.length).toBeGreaterThan(1000);
    expect(folderCycles(edges)).toEqual([]);
  }, 60_000);
});
