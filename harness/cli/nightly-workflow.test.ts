import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = join(import.meta.dirname, "..", "..");
const workflow = parse(readFileSync(join(ROOT, ".github", "workflows", "nightly-chaos.yml"), "utf8")) as {
  on: Record<string, unknown>;
  jobs: Record<string, { "runs-on": string; env: Record<string, string>; steps: { run?: string; uses?: string }[] }>;
};

/** The shell lines of the README's nightly block (after the `nightly-commands` marker). */
function readmeCommands(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = readme.split("<!-- nightly-commands -->")[1]?.match(/```sh\n([\s\S]*?)```/)?.[1];
  return (block ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

describe("the nightly chaos workflow", () => {
  const job = workflow.jobs.chaos!;

  it("parses, runs nightly and on demand, with the chaos job on the runner it names", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect(Object.keys(workflow.jobs)).toEqual(["chaos"]);
    expect(job["runs-on"]).toBe("ubuntu-latest");
    // That runner has a registry, so the base image is pulled rather than built with mmdebstrap.
    expect(job.env.HAPROOF_PULL_BASE).toBe("auto");
    expect(job.steps.some((s) => s.uses?.startsWith("actions/upload-artifact"))).toBe(true);
  });

  it("runs exactly the README's commands, in order, and no other npm or npx command", () => {
    const lines = job.steps.flatMap((s) => (s.run ?? "").split("\n")).map((l) => l.trim());
    const commands = lines.filter((l) => /^(npm|npx|sudo)\b/.test(l));
    expect(commands).toEqual(readmeCommands());
    expect(readmeCommands().length).toBeGreaterThanOrEqual(3);
  });
});
