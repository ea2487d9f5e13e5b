/** The moments at which a scenario records a queue's master and mirrors. */
export type QueueMoment = "before-fault" | "during-fault" | "after-heal";

/** The final-counter samples of a counter process (`<process>:<part>`). */
export type CounterPart = "nodes" | "per-node" | "final";

/** What a sample observed: one member per subject the harness records, typed by kind. */
export type Subject =
  /** Holder host names of a VIP: `vip:<vip>`. */
  | { kind: "vip"; vip: string }
  /** The hosts that gave no VIP answer in a sampling round: `vip-unanswered`. */
  | { kind: "vip-unanswered" }
  /** A Galera node's wsrep status: `wsrep:<host>`. */
  | { kind: "wsrep"; host: string }
  /** Pacemaker placement as `host` sees it: `placement:<host>`. */
  | { kind: "placement"; host: string }
  /** A RabbitMQ node's own cluster view: `rabbit:<host>`. */
  | { kind: "rabbit"; host: string }
  /** A sampled queue's master and mirrors: `rabbit-queue:<queue>`. */
  | { kind: "rabbit-queue"; queue: string }
  /** A scenario's reading of the queue mirrors at a moment: `rabbit-queue:<at>`. */
  | { kind: "queue-mirrors"; at: QueueMoment }
  /** A Clusterware node's Pacemaker operation list: `pcmk-ops:<host>`. */
  | { kind: "pcmk-ops"; host: string }
  /** Final rows read from a node (`mysql` for the Clusterware VIP read): `rows:<host>`. */
  | { kind: "rows"; host: string }
  /** Final rows of the direct minority writer's table on a node: `minority-rows:<host>`. */
  | { kind: "minority-rows"; host: string }
  /** A brick's sha256 of an image: `brick-sha:<host>`. */
  | { kind: "brick-sha"; host: string }
  /** Entries pending GlusterFS self-heal: `gluster:heal-pending`. */
  | { kind: "heal-pending" }
  /** Image id -> expected sha256: `glance:expected`. */
  | { kind: "glance-expected" }
  /** The consumer drained the queue: `amqp:drained`. */
  | { kind: "amqp-drained" }
  /** The brokers in the order the AMQP clients try them: `amqp:broker-order`. */
  | { kind: "amqp-broker-order" }
  /** A counter process's final reads: `<process>:<part>` (default `counter:final`). */
  | { kind: "counter"; process: string; part: CounterPart }
  /** One in-place restart of mysql: `mysql:restart`. */
  | { kind: "mysql-restart" }
  /** Where mysql went after its restarts: `mysql:relocation`. */
  | { kind: "mysql-relocation" }
  /** A chaos run's schedule: `chaos:schedule`. */
  | { kind: "chaos-schedule" }
  /** One chaos step's outcome: `chaos:step`. */
  | { kind: "chaos-step" }
  /** A wait observed to time out: `wait-timeout`. */
  | { kind: "wait-timeout" };

/** Every subject kind. */
export type SubjectKind = Subject["kind"];

/** Selects samples by kind, and by any of that kind's fields given (exact, never by prefix). */
export type SubjectPattern = { [K in SubjectKind]: { kind: K } & Partial<Omit<Extract<Subject, { kind: K }>, "kind">> }[SubjectKind];

// The one table of key spellings; history.jsonl files written before typed subjects use exactly these.
const FIXED = {
  "vip-unanswered": "vip-unanswered",
  "heal-pending": "gluster:heal-pending",
  "glance-expected": "glance:expected",
  "amqp-drained": "amqp:drained",
  "amqp-broker-order": "amqp:broker-order",
  "mysql-restart": "mysql:restart",
  "mysql-relocation": "mysql:relocation",
  "chaos-schedule": "chaos:schedule",
  "chaos-step": "chaos:step",
  "wait-timeout": "wait-timeout",
} as const satisfies Record<string, string>;
const HOSTED = ["wsrep", "placement", "rabbit", "pcmk-ops", "rows", "minority-rows", "brick-sha"] as const;
const MOMENTS: readonly string[] = ["before-fault", "during-fault", "after-heal"] satisfies QueueMoment[];
const PARTS: readonly string[] = ["nodes", "per-node", "final"] satisfies CounterPart[];

/** The history key of `s`, the one place subjects are spelled; pure. */
export function subjectKey(s: Subject): string {
  switch (s.kind) {
    case "vip":
      return `vip:${s.vip}`;
    case "rabbit-queue":
      return `rabbit-queue:${s.queue}`;
    case "queue-mirrors":
      return `rabbit-queue:${s.at}`;
    case "counter":
      return `${s.process}:${s.part}`;
    case "wsrep":
    case "placement":
    case "rabbit":
    case "pcmk-ops":
    case "rows":
    case "minority-rows":
    case "brick-sha":
      return `${s.kind}:${s.host}`;
    default:
      return FIXED[s.kind];
  }
}

/** The typed subject a history key spells, or undefined for a key no kind spells; pure, inverse of {@link subjectKey}. */
export function parseSubject(key: string): Subject | undefined {
  for (const [kind, k] of Object.entries(FIXED)) if (key === k) return { kind } as Subject;
  const at = key.indexOf(":");
  if (at <= 0 || at === key.length - 1) return undefined;
  const head = key.slice(0, at);
  const rest = key.slice(at + 1);
  if (head === "vip") return { kind: "vip", vip: rest };
  // The scenarios' moments share the sampler's prefix; no queue is named after a moment.
  if (head === "rabbit-queue") return MOMENTS.includes(rest) ? { kind: "queue-mirrors", at: rest as QueueMoment } : { kind: "rabbit-queue", queue: rest };
  if ((HOSTED as readonly string[]).includes(head)) return { kind: head as (typeof HOSTED)[number], host: rest };
  if (PARTS.includes(rest)) return { kind: "counter", process: head, part: rest as CounterPart };
  return undefined;
}

/** Whether the sample key `key` is of `pattern`'s kind with every field `pattern` gives equal; pure. */
export function matches(key: string, pattern: SubjectPattern): boolean {
  const s = parseSubject(key) as Record<string, unknown> | undefined;
  if (s?.kind !== pattern.kind) return false;
  return Object.entries(pattern).every(([k, v]) => v === undefined || s[k] === v);
}

/** The host a key's subject names (wsrep, placement, rabbit, rows... observers), or undefined; pure. */
export function subjectHost(key: string): string | undefined {
  const s = parseSubject(key);
  return s && "host" in s ? s.host : undefined;
}
