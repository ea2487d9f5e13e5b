import type { ChaosTopology } from "./catalog.ts";
import { parseJsonWith } from "../validation/index.ts";
import { ScheduleSchema, type Schedule } from "./schedule.ts";
import { scheduleProblems } from "./survivability.ts";

/** A schedule file or text that does not describe a usable schedule; `problems` lists each, with its path; the message is one line. */
export class ScheduleError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    // One line, as every usage error: the problems joined, each with its path.
    super(`${source} is not a valid chaos schedule: ${problems.join("; ")}`);
    this.name = "ScheduleError";
  }
}

/**
 * Parses schedule JSON text (from `source`, for messages) and validates it: its shape, and when
 * `topology` is given, that every host, VIP and process fits it and a low-intensity schedule
 * respects the survivability limits. Returns the schedule; throws ScheduleError listing every problem.
 */
export function parseSchedule(text: string, source = "schedule", topology?: ChaosTopology): Schedule {
  const r = parseJsonWith(ScheduleSchema, text);
  if (!r.ok) throw new ScheduleError(source, r.problems);
  if (topology) {
    const problems = scheduleProblems(r.data, topology);
    if (problems.length) throw new ScheduleError(source, problems);
  }
  return r.data;
}

/** The schedule as the JSON text saved in schedule.json (2-space indent, trailing newline); parseSchedule reads it back equal. */
export function scheduleJson(schedule: Schedule): string {
  return `${JSON.stringify(schedule, null, 2)}\n`;
}
