import { z } from "zod";
import { parseSets, withMutations } from "./set-option.ts";

/** The one environment variable that carries a haproof command's options to its vitest worker, as JSON. */
export const RUN_OPTIONS_ENV = "HAPROOF_RUN";

/** Options of one scenario, control or chaos run, validated the same way by the CLI that sends them and the worker that reads them. */
export const RunOptionsSchema = z
  .strictObject({
    /** Topology name; absent: the scenario's own default. */
    topology: z.string().min(1).optional(),
    /** `--set path=value` entries, as typed. */
    sets: z.array(z.string()).default([]),
    /** Negative-control mutations to apply. */
    mutations: z.array(z.string()).default([]),
    /** Leave the topology running afterwards. */
    keep: z.boolean().default(false),
    /** One scenario asked for by name: quarantined specs run too. */
    oneScenario: z.boolean().default(false),
    /** The chaos spec's schedule file and availability bounds. */
    chaos: z
      .strictObject({
        schedule: z.string().min(1).optional(),
        minAvailabilityPct: z.number().min(0).max(100).optional(),
        maxOutageMs: z.number().positive().finite().optional(),
      })
      .default({}),
  })
  .superRefine((o, ctx) => {
    // The CLI's own parsers, so a value the CLI would refuse is refused here with the same words.
    try {
      withMutations(parseSets(o.sets), o.mutations);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message });
    }
  });

/** A validated run options value. */
export type RunOptions = z.infer<typeof RunOptionsSchema>;

/** The environment entry handing `options` (validated here; throws on a bad value) to a vitest worker. */
export function runOptionsEnv(options: z.input<typeof RunOptionsSchema>): Record<string, string> {
  return { [RUN_OPTIONS_ENV]: JSON.stringify(RunOptionsSchema.parse(options)) };
}

/**
 * The options this worker was started with: the CLI's JSON value, parsed by the same schema. Under a plain
 * `npm test` (no value) the defaults, with the user's `HAPROOF_KEEP=1` honoured. Throws on a malformed value.
 */
export function runOptions(env: NodeJS.ProcessEnv = process.env): RunOptions {
  const raw = env[RUN_OPTIONS_ENV];
  if (raw) return RunOptionsSchema.parse(JSON.parse(raw));
  return { ...RunOptionsSchema.parse({}), keep: env.HAPROOF_KEEP === "1" };
}
