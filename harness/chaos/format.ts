import { formatDuration } from "./duration.ts";
import type { Schedule, Step, Target } from "./schedule.ts";

/** A target in words: its hosts, or what the runner resolves ("the db VIP holder"); pure. */
export function targetText(t: Target): string {
  return t.pick === "hosts" ? `${t.hosts.join(", ")} (${t.label})` : t.label;
}

/** One step in words: "+0:42.3  kill     vm-2 (a RabbitMQ node) for 12.5 s"; pure. */
export function stepText(s: Step): string {
  const at = `${Math.floor(s.atMs / 60_000)}:${((s.atMs % 60_000) / 1000).toFixed(1).padStart(4, "0")}`;
  const what = s.kind === "process" ? `process ${s.process} on` : s.kind === "netem" ? `netem ${s.netem!.delayMs}±${s.netem!.jitterMs} ms ${s.netem!.lossPercent}% loss on` : s.kind;
  return `+${at}  ${what.padEnd(9)} ${targetText(s.target)} for ${(s.holdMs / 1000).toFixed(1)} s`;
}

/** The schedule as printed at the start of a run: a header with seed and options, one line per step; pure. */
export function formatSchedule(s: Schedule): string {
  const head = `chaos schedule: topology ${s.topology}, seed ${s.seed}, ${formatDuration(s.durationMs)}, intensity ${s.intensity}, faults ${s.faults.join(",")}: ${s.steps.length} steps`;
  return [head, ...s.steps.map((st, i) => `  ${String(i + 1).padStart(2)}. ${stepText(st)}`)].join("\n");
}

/** The npm command that draws `s` again from its seed and options; pure. */
export function generateCommand(s: Schedule): string {
  return `npm run chaos -- --topology ${s.topology} --seed ${s.seed} --duration ${formatDuration(s.durationMs)} --faults ${s.faults.join(",")} --intensity ${s.intensity}`;
}

/** The npm command that replays the saved schedule file `file` step by step; pure. */
export function replayCommand(file: string): string {
  return `npm run chaos -- --replay ${file}`;
}
