import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

type Json = Record<string, unknown>;
const rec = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Test files whose results are acceptance evidence: the scenarios, the negative controls and the chaos runs. The other
 * integration tests (faults, calibration, prisma-up, report-render) prove the harness itself, and stay out with the unit tests.
 */
export const ACCEPTANCE_TEST_FILE = /(?:^|\/)(?:scenarios\/(?:[^/]+\/)*[^/]+\.scenario\.ts|tests\/(?:controls|chaos)\.it\.ts)$/;

/**
 * The repository-relative test file an allure-vitest result came from ("scenarios/lb-failover.scenario.ts"), read from
 * its fullName (`<package>:<file>#<title>`), else its titlePath, else its `package` label; undefined when none names one. Pure.
 */
export function allureResultFile(result: unknown): string | undefined {
  if (!rec(result)) return undefined;
  if (typeof result.fullName === "string" && result.fullName.includes("#")) {
    const head = result.fullName.slice(0, result.fullName.indexOf("#"));
    const file = head.slice(head.indexOf(":") + 1);
    if (/\.[cm]?[jt]sx?$/.test(file)) return file;
  }
  const titles = arr(result.titlePath).filter((t): t is string => typeof t === "string");
  const at = titles.findIndex((t) => /\.[cm]?[jt]sx?$/.test(t));
  // titlePath starts with the package name, then the file's directories: [haproof, scenarios, x.scenario.ts, suite...].
  if (at > 0) return titles.slice(1, at + 1).join("/");
  const pkg = arr(result.labels).find((l) => rec(l) && l.name === "package");
  if (rec(pkg) && typeof pkg.value === "string") {
    const m = /^(?:[^.]+\.)?((?:[^.]+\.)*?)([^.]+\.(?:scenario|it|test|spec)\.[cm]?[jt]sx?)$/.exec(pkg.value);
    if (m) return `${m[1]!.split(".").filter(Boolean).join("/")}${m[1] ? "/" : ""}${m[2]}`;
  }
  return undefined;
}

/** True when an Allure result is acceptance evidence ({@link ACCEPTANCE_TEST_FILE}); unit tests (`*.test.ts`) and results naming no file are not. Pure. */
export function isAcceptanceResult(result: unknown): boolean {
  const file = allureResultFile(result);
  return file !== undefined && ACCEPTANCE_TEST_FILE.test(file);
}

function attachmentSources(node: unknown, out: Set<string>): Set<string> {
  if (!rec(node)) return out;
  for (const a of arr(node.attachments)) if (rec(a) && typeof a.source === "string") out.add(a.source);
  for (const key of ["steps", "befores", "afters"]) for (const child of arr(node[key])) attachmentSources(child, out);
  return out;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined; // a half-written result is not evidence
  }
}

/** What {@link stageAcceptanceResults} copied: acceptance results kept, other results left out. */
export interface StagedResults {
  kept: number;
  dropped: number;
}

/**
 * Copies into `to` (emptied first) the acceptance results of the Allure results dir `from` ({@link isAcceptanceResult}),
 * the attachments they and their containers reference, the containers of kept results, and every file that is not
 * a result, container or attachment (categories.json, environment.properties, executor.json, history/). Reads `from` only.
 */
export function stageAcceptanceResults(from: string, to: string): StagedResults {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const names = readdirSync(from);
  const keptIds = new Set<string>();
  const sources = new Set<string>();
  let kept = 0;
  let dropped = 0;
  for (const name of names.filter((n) => n.endsWith("-result.json"))) {
    const result = readJson(path.join(from, name));
    if (!isAcceptanceResult(result)) {
      dropped++;
      continue;
    }
    kept++;
    if (rec(result) && typeof result.uuid === "string") keptIds.add(result.uuid);
    attachmentSources(result, sources);
    cpSync(path.join(from, name), path.join(to, name));
  }
  for (const name of names.filter((n) => n.endsWith("-container.json"))) {
    const container = readJson(path.join(from, name));
    if (!rec(container) || !arr(container.children).some((c) => typeof c === "string" && keptIds.has(c))) continue;
    attachmentSources(container, sources);
    cpSync(path.join(from, name), path.join(to, name));
  }
  for (const name of names) {
    const isAttachment = /-attachment(?:\.|$)/.test(name);
    if (name.endsWith("-result.json") || name.endsWith("-container.json") || (isAttachment && !sources.has(name))) continue;
    if (existsSync(path.join(from, name))) cpSync(path.join(from, name), path.join(to, name), { recursive: true });
  }
  return { kept, dropped };
}
