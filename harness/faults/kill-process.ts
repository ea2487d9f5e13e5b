import { FaultError, type Fault } from "./fault.ts";
import { applyProved } from "./handle.ts";

/**
 * SIGKILLs the processes on `host` whose command line matches `pattern` (pgrep -f), leaving the
 * rest of the host alive. Proved when every killed pid is gone. Heal does nothing: recovery is the
 * cluster manager's job, and that is what a scenario measures.
 */
export function killProcess(host: string, pattern: string, label = pattern): Fault {
  const name = `kill-process:${label}`;
  let pids: number[] = [];
  return {
    name,
    targets: [host],
    inject: (site, history) => {
      const h = site.host(host);
      return applyProved(history, name, [host], {
        apply: async () => {
          const r = await h.exec(["pgrep", "-f", pattern], { allowFail: true });
          pids = r.stdout.split(/\s+/).filter(Boolean).map(Number);
          if (pids.length === 0) throw new FaultError(name, host, `no process matches ${JSON.stringify(pattern)}`);
          await h.exec(["kill", "-9", ...pids.map(String)], { allowFail: true });
        },
        prove: async () => {
          // SIGKILL lands only once a process leaves uninterruptible I/O (e.g. a write to a FUSE
          // mount): poll for the pids to be gone, bounded at 10 s.
          const alive = await h.exec(`for i in $(seq 100); do a=""; for p in ${pids.join(" ")}; do kill -0 $p 2>/dev/null && a="$a $p"; done; [ -z "$a" ] && break; sleep 0.1; done; echo $a`, {
            timeoutMs: 20_000,
          });
          if (alive.stdout.trim()) throw new FaultError(name, host, `still alive after SIGKILL: ${alive.stdout.trim()}`);
          return { pids };
        },
        undo: async () => undefined,
      });
    },
  };
}
