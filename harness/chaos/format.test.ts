import { describe, expect, it } from "vitest";
import { formatSchedule, generateCommand, replayCommand, stepText } from "./format.ts";
import type { Schedule } from "./schedule.ts";

const s: Schedule = {
  version: 1,
  topology: "prisma",
  seed: 7,
  durationMs: 120_000,
  intensity: "low",
  faults: ["kill", "process"],
  steps: [
    { atMs: 12_300, kind: "kill", holdMs: 15_000, target: { pick: "hosts", role: "datahost", hosts: ["vm-2"], label: "a RabbitMQ node" } },
    { atMs: 62_000, kind: "process", process: "keystone", holdMs: 10_000, target: { pick: "vip-holder", role: "controller", vip: "controller", label: "the controller VIP holder" } },
  ],
};

describe("schedule formatting", () => {
  it("prints one line per step with its time, fault and target", () => {
    expect(stepText(s.steps[0]!)).toBe("+0:12.3  kill      vm-2 (a RabbitMQ node) for 15.0 s");
    expect(formatSchedule(s).split("\n")).toHaveLength(3);
    expect(formatSchedule(s)).toMatch(/seed 7, 2m, intensity low/);
    expect(formatSchedule(s)).toMatch(/process keystone on the controller VIP holder for 10\.0 s/);
  });

  it("gives the commands that draw or replay the schedule", () => {
    expect(generateCommand(s)).toBe("npm run chaos -- --topology prisma --seed 7 --duration 2m --faults kill,process --intensity low");
    expect(replayCommand("reports/chaos-1/schedule.json")).toBe("npm run chaos -- --replay reports/chaos-1/schedule.json");
  });
});
