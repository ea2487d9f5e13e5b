import { FaultError, UnsupportedFaultError, type Fault } from "./fault.ts";
import { applyProved } from "./handle.ts";

/** Link degradation on a host's interface. */
export interface NetemSpec {
  delayMs?: number;
  jitterMs?: number;
  lossPercent?: number;
}

/** The tc netem arguments for `spec`; pure. Throws when the spec asks for nothing. */
export function netemArgs(spec: NetemSpec): string[] {
  const args: string[] = [];
  if (spec.delayMs) args.push("delay", `${spec.delayMs}ms`, ...(spec.jitterMs ? [`${spec.jitterMs}ms`] : []));
  if (spec.lossPercent) args.push("loss", `${spec.lossPercent}%`);
  if (args.length === 0) throw new Error("netem needs a delay or a loss");
  return args;
}

/** Shell that removes any root qdisc haproof added on `iface`; idempotent. */
export const clearQdisc = (iface: string) => `tc qdisc del dev ${iface} root 2>/dev/null; true`;

/**
 * Degrades `host`'s link with tc netem (egress delay/loss), proved by reading the qdisc back.
 * Throws UnsupportedFaultError when the kernel has no netem. Heal deletes the qdisc.
 */
export function netem(host: string, spec: NetemSpec): Fault {
  const name = "netem";
  return {
    name,
    targets: [host],
    inject: (site, history) => {
      const h = site.host(host);
      const iface = site.iface;
      return applyProved(history, name, [host], {
        apply: async () => {
          const r = await h.exec(["tc", "qdisc", "replace", "dev", iface, "root", "netem", ...netemArgs(spec)], { allowFail: true });
          if (r.exitCode !== 0) {
            if (/unknown|not found|No such file/i.test(r.stderr)) throw new UnsupportedFaultError(name, host, r.stderr.trim());
            throw new FaultError(name, host, `tc exited ${r.exitCode}: ${r.stderr.trim()}`);
          }
        },
        prove: async () => {
          const r = await h.exec(["tc", "qdisc", "show", "dev", iface]);
          if (!r.stdout.includes("netem")) throw new FaultError(name, host, `no netem qdisc after tc: ${r.stdout.trim()}`);
          return { qdisc: r.stdout.trim(), ...spec };
        },
        undo: async () => {
          await h.exec(clearQdisc(iface), { allowFail: true });
        },
      });
    },
  };
}
