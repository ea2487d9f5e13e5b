import { z } from "zod";

const mono = z.string().regex(/^\d+$/, "mono is a decimal ns string");
const base = { mono, wall: z.string() };

// Loose objects: a newer writer may add fields, and a reader must not drop them.
const OpSchema = z.looseObject({
  ...base,
  kind: z.literal("op"),
  process: z.string(),
  id: z.number(),
  type: z.enum(["invoke", "ok", "fail", "info"]),
  f: z.string(),
  value: z.unknown().optional(),
  error: z.looseObject({ code: z.union([z.string(), z.number()]).optional(), message: z.string() }).optional(),
  host: z.string().optional(),
});

const FaultSchema = z.looseObject({
  ...base,
  kind: z.literal("fault"),
  fault: z.string(),
  phase: z.enum(["start", "effective", "heal", "healed", "failed"]),
  targets: z.array(z.string()),
  details: z.record(z.string(), z.unknown()).optional(),
});

const SampleSchema = z.looseObject({ ...base, kind: z.literal("sample"), subject: z.string(), value: z.unknown() });

const PhaseSchema = z.looseObject({
  ...base,
  kind: z.literal("phase"),
  name: z.string(),
  status: z.enum(["begin", "end", "error"]),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** Validates one parsed JSONL line as a HistoryEvent (unknown extra fields are kept). */
export const HistoryEventSchema = z.discriminatedUnion("kind", [OpSchema, FaultSchema, SampleSchema, PhaseSchema]);
