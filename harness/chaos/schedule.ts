import { z } from "zod";

/** Fault kinds a chaos schedule draws from; each maps to a fault builder of harness/faults. */
export const FAULT_KINDS = ["kill", "stop", "pause", "process", "partition", "netem"] as const;
/** One fault kind. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Processes a `process` step may kill, by the role that runs them (see the process catalog). */
export const PROCESS_NAMES = ["mysqld", "rabbitmq", "haproxy", "glusterfsd", "keystone", "glance"] as const;
/** One killable process. */
export type ProcessName = (typeof PROCESS_NAMES)[number];

// A topology role name; whether the topology has it is checked against the topology (scheduleProblems).
const role = z.string().regex(/^[a-z][a-z0-9-]*$/, "roles are lower-case names");
const hostName = z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, "host names are lower-case DNS labels");

/**
 * What a step hits. `hosts` names them outright (drawn by the generator); `vip-holder` and
 * `galera-writer` need live state, so the runner resolves them when the step starts.
 */
export const TargetSchema = z.discriminatedUnion("pick", [
  z.object({ pick: z.literal("hosts"), role, hosts: z.array(hostName).min(1), label: z.string() }).strict(),
  z.object({ pick: z.literal("vip-holder"), role, vip: z.string().min(1), label: z.string() }).strict(),
  z.object({ pick: z.literal("galera-writer"), role: z.literal("datahost"), label: z.string() }).strict(),
]);
/** A step's target description. */
export type Target = z.infer<typeof TargetSchema>;

/** Link degradation of a netem step. */
export const NetemStepSchema = z
  .object({
    delayMs: z.number().int().min(0).max(10_000),
    jitterMs: z.number().int().min(0).max(10_000),
    lossPercent: z.number().min(0).max(100),
  })
  .strict();

/** One fault of a schedule: injected `atMs` after the chaos phase starts, healed `holdMs` later. */
export const StepSchema = z
  .object({
    atMs: z.number().int().min(0),
    kind: z.enum(FAULT_KINDS),
    target: TargetSchema,
    holdMs: z.number().int().min(1),
    process: z.enum(PROCESS_NAMES).optional(),
    netem: NetemStepSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if ((s.kind === "process") !== (s.process !== undefined))
      ctx.addIssue({ code: "custom", path: ["process"], message: s.kind === "process" ? "a process step names its process" : `only process steps name a process (this is ${s.kind})` });
    if ((s.kind === "netem") !== (s.netem !== undefined))
      ctx.addIssue({ code: "custom", path: ["netem"], message: s.kind === "netem" ? "a netem step gives its delay/loss" : `only netem steps give a delay/loss (this is ${s.kind})` });
  });
/** One scheduled fault. */
export type Step = z.infer<typeof StepSchema>;

/** Low: never more than a minority of any quorum group at once, one fault at a time. High: overlaps and majorities. */
export const IntensitySchema = z.enum(["low", "high"]);
/** Chaos intensity. */
export type Intensity = z.infer<typeof IntensitySchema>;

/** A whole chaos schedule as saved in schedule.json: the options it was drawn from and its steps in start order. */
export const ScheduleSchema = z
  .object({
    version: z.literal(1),
    topology: z.string().regex(/^[a-z][a-z0-9-]*$/),
    seed: z.number().int().min(0).max(0xffffffff),
    durationMs: z.number().int().min(1),
    intensity: IntensitySchema,
    faults: z.array(z.enum(FAULT_KINDS)).min(1),
    steps: z.array(StepSchema),
  })
  .strict()
  .superRefine((s, ctx) => {
    s.steps.forEach((step, i) => {
      if (!s.faults.includes(step.kind)) ctx.addIssue({ code: "custom", path: ["steps", i, "kind"], message: `${step.kind} is not among the schedule's faults (${s.faults.join(", ")})` });
      if (step.atMs + step.holdMs > s.durationMs) ctx.addIssue({ code: "custom", path: ["steps", i, "holdMs"], message: `ends at ${step.atMs + step.holdMs} ms, after durationMs ${s.durationMs}` });
      if (i > 0 && step.atMs < s.steps[i - 1]!.atMs) ctx.addIssue({ code: "custom", path: ["steps", i, "atMs"], message: "steps must be in start order" });
    });
  });
/** A validated chaos schedule; plain JSON data. */
export type Schedule = z.infer<typeof ScheduleSchema>;
