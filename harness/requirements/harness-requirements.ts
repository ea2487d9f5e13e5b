import type { Requirement } from "./requirement.ts";

const CHAOS = "haproof design §Chaos: a seeded random fault schedule judged on its whole history";
const CALIBRATION = "haproof design §Open-loop probes";
const chaos = { scenario: "chaos" } as const;

/** Requirements of haproof's own runs that are no scenario of the guides: the chaos run and the probe calibration. */
export const HARNESS_REQUIREMENTS = [
  {
    ...chaos,
    id: "CHAOS-STEPS-APPLIED",
    title: "every scheduled fault applied, or skipped for a stated reason",
    text: "every step of the schedule was injected, or skipped for a stated reason (unsupported here, no live target)",
    source: CHAOS,
  },
  { ...chaos, id: "CHAOS-ACKED-WRITES", title: "no acknowledged DB write lost", text: "no acknowledged MySQL write is lost over the whole schedule", source: CHAOS },
  { ...chaos, id: "CHAOS-CONFIRMED", title: "no confirmed message lost (duplicates counted)", text: "no confirmed RabbitMQ message is lost over the whole schedule", source: CHAOS },
  { ...chaos, id: "CHAOS-IMAGES", title: "Glance downloads keep the original checksum", text: "every Glance image download keeps the checksum of the uploaded image", source: CHAOS },
  chaosVip("CHAOS-VIP-DB", "db"),
  chaosVip("CHAOS-VIP-CONTROLLER", "controller"),
  chaosVip("CHAOS-VIP-NETWORK", "network"),
  {
    ...chaos,
    id: "CHAOS-TOKENS",
    title: "tokens issued before the first fault validate after the last heal",
    text: "Keystone tokens issued before the first fault still validate after the last heal",
    source: CHAOS,
  },
  {
    ...chaos,
    id: "CHAOS-GALERA-CONVERGED",
    title: "Galera back to all nodes Synced after the last heal",
    text: "after the last heal every Galera node is Synced in one Primary component",
    source: CHAOS,
  },
  { ...chaos, id: "CHAOS-RABBIT-CONVERGED", title: "RabbitMQ back to all nodes running after the last heal", text: "after the last heal every RabbitMQ node sees all nodes running", source: CHAOS },
  {
    ...chaos,
    id: "CHAOS-CONTROLLERS-CONVERGED",
    title: "every controller online and quorate after the last heal",
    text: "after the last heal every controller is online in a quorate Pacemaker cluster",
    source: CHAOS,
  },
  {
    ...chaos,
    id: "CHAOS-AVAILABILITY",
    title: "availability (reported; judged only against configured thresholds)",
    text: "each probe's availability is reported, and judged only against the thresholds the run was given",
    source: CHAOS,
  },

  {
    id: "HAPROOF-CALIBRATION",
    scenario: "calibration",
    title: "measured outage matches the freeze within one period plus reconnect",
    text: "a frozen node's measured outage matches the freeze within one probe period plus the reconnect time",
    source: CALIBRATION,
  },
] as const satisfies readonly Requirement[];

/** The chaos run's requirement that VIP `vip` is never on two hosts or a disallowed one; `id` kept literal so it is a RequirementId. */
function chaosVip<I extends string>(id: I, vip: string) {
  return {
    ...chaos,
    id,
    title: `VIP ${vip} never on two hosts or a disallowed one, and held at the end`,
    text: `the ${vip} VIP is never held by two hosts nor by a disallowed one, and has a holder at the end`,
    source: CHAOS,
  } satisfies Requirement;
}
