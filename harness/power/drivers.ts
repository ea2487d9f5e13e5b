import type { PowerState } from "./power.ts";
import type { PowerCommands } from "./command-power.ts";

/**
 * IPMI through ipmitool (lanplus): chassis power off / soft / on / status. The password travels in the
 * environment (`-E` reads IPMI_PASSWORD), never in argv, so no process list or log shows it. No pause.
 */
export function ipmiCommands(o: { address: string; user: string; password: string }): PowerCommands {
  const base = ["ipmitool", "-I", "lanplus", "-H", o.address, "-U", o.user, "-E", "chassis", "power"];
  return {
    driver: `ipmi ${o.address}`,
    off: [...base, "off"],
    soft: [...base, "soft"],
    on: [...base, "on"],
    status: [...base, "status"],
    env: { IPMI_PASSWORD: o.password },
    parseStatus: (out) => (/power is on/i.test(out) ? "running" : /power is off/i.test(out) ? "exited" : "missing"),
  };
}

const VIRSH_STATES: Record<string, PowerState> = { running: "running", paused: "paused", "shut off": "exited", crashed: "dead", "in shutdown": "running", pmsuspended: "paused" };

/** libvirt through virsh: destroy / shutdown / start / suspend / resume / domstate of one domain. */
export function libvirtCommands(o: { uri: string; domain: string }): PowerCommands {
  const v = (cmd: string) => ["virsh", "-c", o.uri, cmd, o.domain];
  return {
    driver: `libvirt ${o.domain}`,
    off: v("destroy"),
    soft: v("shutdown"),
    on: v("start"),
    suspend: v("suspend"),
    resume: v("resume"),
    status: v("domstate"),
    parseStatus: (out) => VIRSH_STATES[out.trim().split("\n")[0]!.trim()] ?? "missing",
  };
}

/**
 * An operator's own off / on / status commands, run with `sh -c` on the machine running haproof. The status
 * command prints one word: on or running, off or stopped, paused.
 */
export function operatorCommands(o: { off: string; on: string; status: string }): PowerCommands {
  const sh = (c: string) => ["sh", "-c", c];
  return {
    driver: "command",
    off: sh(o.off),
    on: sh(o.on),
    status: sh(o.status),
    parseStatus: (out) => {
      const w = out.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
      return w === "on" || w === "running" ? "running" : w === "off" || w === "stopped" ? "exited" : w === "paused" ? "paused" : "missing";
    },
  };
}
