import type { Requirement } from "../requirements/index.ts";
import type { CheckResult } from "./summary.ts";

type Named = Pick<CheckResult, "name" | "id">;

/** The check of `checks` reporting requirement `req`: by id; for a summary written before checks carried ids, by title. Pure. */
export function checkFor<C extends Named>(checks: readonly C[], req: Pick<Requirement, "id" | "title">): C | undefined {
  return checks.find((c) => c.id === req.id) ?? checks.find((c) => c.id === undefined && c.name === req.title);
}

/** The requirements of `reqs` that check `c` reports (by id, or by title when `c` has no id). Pure. */
export function requirementsOf<R extends Pick<Requirement, "id" | "title">>(c: Named, reqs: readonly R[]): R[] {
  return reqs.filter((r) => (c.id !== undefined ? c.id === r.id : c.name === r.title));
}
