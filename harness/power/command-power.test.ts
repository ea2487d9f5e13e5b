import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CommandPower, execRunner, PowerError, type PowerRunner } from "./command-power.ts";
import { ipmiCommands, libvirtCommands, operatorCommands } from "./drivers.ts";

/** A fake local runner: records argv and env, answers status from `state`, and moves it as the commands would. */
function fakeRunner(initial: string) {
  const calls: { argv: readonly string[]; env: Readonly<Record<string, string>> }[] = [];
  let state = initial;
  const runner: PowerRunner = async (argv, env) => {
    calls.push({ argv, env });
    const verb = argv.at(-1) === "status" || argv.includes("domstate") ? "status" : argv.includes("chassis") ? argv.at(-1)! : argv.at(-2)!;
    if (verb === "status") return { exitCode: 0, stdout: state, stderr: "" };
    state = { off: "Chassis Power is off", destroy: "shut off", on: "Chassis Power is on", start: "running", suspend: "paused", resume: "running", soft: state, shutdown: state }[verb] ?? state;
    return { exitCode: 0, stdout: "", stderr: "" };
  };
  return { runner, calls };
}

describe("command power drivers", () => {
  it("IPMI: power off / on / status through ipmitool, the password only in the environment", async () => {
    const { runner, calls } = fakeRunner("Chassis Power is on");
    const p = new CommandPower({ "ctl-1": ipmiCommands({ address: "10.0.0.5", user: "admin", password: "hunter22" }) }, runner);
    expect(await p.state("ctl-1")).toBe("running");
    await p.kill("ctl-1");
    expect(await p.state("ctl-1")).toBe("exited");
    await p.start("ctl-1");
    expect(await p.state("ctl-1")).toBe("running");
    expect(calls.map((c) => c.argv.slice(-1)[0])).toEqual(["status", "off", "status", "status", "on", "status"]);
    expect(calls.every((c) => !c.argv.join(" ").includes("hunter22") && c.env.IPMI_PASSWORD === "hunter22")).toBe(true);
    await expect(p.pause("ctl-1")).rejects.toThrow(new PowerError("ctl-1", "pause", "ipmi 10.0.0.5 cannot pause a host"));
  });

  it("libvirt: destroy, start, suspend and resume one domain; start thaws a paused one", async () => {
    const { runner, calls } = fakeRunner("running");
    const p = new CommandPower({ "ctl-2": libvirtCommands({ uri: "qemu:///system", domain: "staging-ctl2" }) }, runner);
    await p.pause("ctl-2");
    expect(await p.state("ctl-2")).toBe("paused");
    await p.start("ctl-2");
    expect(await p.state("ctl-2")).toBe("running");
    await p.kill("ctl-2");
    expect(await p.state("ctl-2")).toBe("exited");
    await p.unpause("ctl-2");
    expect(calls.map((c) => c.argv.slice(3).join(" "))).toEqual([
      "suspend staging-ctl2",
      "domstate staging-ctl2",
      "domstate staging-ctl2",
      "domstate staging-ctl2",
      "resume staging-ctl2",
      "domstate staging-ctl2",
      "destroy staging-ctl2",
      "domstate staging-ctl2",
      "domstate staging-ctl2",
    ]);
  });

  it("an operator's own commands, run for real with sh -c on this machine", async () => {
    const dir = mkdtempSync(join(tmpdir(), "haproof-power-"));
    const f = join(dir, "state");
    writeFileSync(f, "on\n");
    const p = new CommandPower({ "db-1": operatorCommands({ off: `echo off > ${f}`, on: `echo on > ${f}`, status: `cat ${f}` }) }, execRunner);
    expect(await p.state("db-1")).toBe("running");
    await p.stop("db-1", 1);
    expect(readFileSync(f, "utf8")).toBe("off\n");
    expect(await p.state("db-1")).toBe("exited");
    await p.start("db-1");
    expect(await p.state("db-1")).toBe("running");
    const failing = new CommandPower({ "db-1": operatorCommands({ off: "echo no power >&2; exit 5", on: "true", status: "echo on" }) }, execRunner);
    await expect(failing.kill("db-1")).rejects.toThrow("power kill db-1: command: sh exited 5: no power");
  });

  it("a host with power none is refused, naming the host, and nothing runs", async () => {
    const { runner, calls } = fakeRunner("running");
    const p = new CommandPower({}, runner);
    await expect(p.kill("ctl-3")).rejects.toThrow(new PowerError("ctl-3", "kill", "the host has no power driver (power: none)"));
    await expect(p.state("ctl-3")).rejects.toBeInstanceOf(PowerError);
    expect(calls).toEqual([]);
  });

  it("a graceful stop that does not finish in time cuts the power", async () => {
    const { runner, calls } = fakeRunner("Chassis Power is on");
    const p = new CommandPower({ h: ipmiCommands({ address: "a", user: "u", password: "pw-1234" }) }, runner, 10);
    await p.stop("h", 0.05);
    expect(calls.map((c) => c.argv.at(-1))).toContain("soft");
    expect(calls.map((c) => c.argv.at(-1)).at(-1)).toBe("off");
  });
});
