/** One /proc/<pid>/stat line: the fields this bench reads; times in clock ticks (USER_HZ, the unit of /proc/stat). */
export interface PidStat {
  pid: number;
  /** The command name (field 2, without its parentheses; the kernel truncates it to 15 characters). */
  comm: string;
  ppid: number;
  /** Field 14: user time of the process (all its threads). */
  utime: number;
  /** Field 15: system time. */
  stime: number;
  /** Fields 16 + 17: user + system time of its children that exited and were waited for. */
  reaped: number;
  /** Field 22: start time since boot; with pid, it tells a reused pid from the same process. */
  starttime: number;
}

/** Parses /proc/<pid>/stat text; pure. comm may hold spaces and ')', so the fields are read after the LAST ')'. Throws on a malformed line. */
export function parsePidStat(text: string): PidStat {
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) throw new Error(`/proc/<pid>/stat: no (comm) in ${JSON.stringify(text.slice(0, 80))}`);
  // rest[0] is field 3 (state), so field n is rest[n - 3].
  const rest = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const f = (n: number) => {
    const v = Number(rest[n - 3]);
    if (!Number.isFinite(v)) throw new Error(`/proc/<pid>/stat: field ${n} is not a number in ${JSON.stringify(text.slice(0, 80))}`);
    return v;
  };
  return { pid: Number(text.slice(0, open).trim()), comm: text.slice(open + 1, close), ppid: f(4), utime: f(14), stime: f(15), reaped: f(16) + f(17), starttime: f(22) };
}

/** The groups the machine's CPU is attributed to. */
export const PROCESS_GROUPS = ["harness", "dockerd", "containerd", "runc", "beam.smp", "mysqld", "other"] as const;
/** One of {@link PROCESS_GROUPS}. */
export type ProcessGroup = (typeof PROCESS_GROUPS)[number];

/** The group of a process by its comm alone (never `harness`, which is by ancestry); pure. */
export function groupOf(comm: string): Exclude<ProcessGroup, "harness"> {
  if (comm === "dockerd") return "dockerd";
  if (comm.startsWith("containerd")) return "containerd"; // containerd, containerd-shim, containerd-shim-runc-v2 (truncated)
  if (comm === "runc" || comm.startsWith("runc:")) return "runc"; // runc:[0:PARENT], runc:[2:INIT] while it sets a container up
  if (comm === "beam.smp") return "beam.smp"; // RabbitMQ nodes and rabbitmqctl's short-lived Erlang VMs
  if (comm === "mysqld" || comm === "mariadbd") return "mysqld";
  return "other";
}

/** `root` and every pid descending from it through ppid in `stats`, not entering a process `through` refuses (nor its subtree); pure. */
export function descendants(stats: readonly PidStat[], root: number, through: (s: PidStat) => boolean = () => true): Set<number> {
  const out = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) {
      if (out.has(s.pid) || !out.has(s.ppid) || !through(s)) continue;
      out.add(s.pid);
      grew = true;
    }
  }
  return out;
}

/** Clock ticks each group used between two snapshots, and the processes that used the most. */
export interface GroupTicks {
  /** Own (utime + stime) ticks, by group. */
  own: Record<ProcessGroup, number>;
  /** Ticks of children that exited and were reaped in the interval, by the group of the parent that reaped them. */
  reaped: Record<ProcessGroup, number>;
  /** Own ticks by comm, most first, at most `top` of them. */
  top: { comm: string; group: ProcessGroup; ticks: number }[];
}

const zero = () => Object.fromEntries(PROCESS_GROUPS.map((g) => [g, 0])) as Record<ProcessGroup, number>;

/**
 * Groups the CPU deltas from `before` to `after`; pure. A process seen in both (same pid and starttime) counts its
 * delta; one that started in between counts all of its time; one that exited in between is lost (its time shows
 * only as the `reaped` time of a parent that waited for it, and otherwise in the machine's unattributed rest).
 * `harness` is `selfPid` and its descendants, except a named group's process and its subtree: the engine step may have
 * spawned dockerd, and with it containerd and every container, from this very process.
 */
export function groupTicks(before: readonly PidStat[], after: readonly PidStat[], selfPid: number, top = 10): GroupTicks {
  const prior = new Map(before.map((s) => [s.pid, s]));
  const harness = descendants([...before, ...after], selfPid, (s) => groupOf(s.comm) === "other");
  const own = zero();
  const reaped = zero();
  const byComm = new Map<string, { comm: string; group: ProcessGroup; ticks: number }>();
  for (const s of after) {
    const p = prior.get(s.pid);
    const same = p !== undefined && p.starttime === s.starttime;
    const ticks = s.utime + s.stime - (same ? p.utime + p.stime : 0);
    const group = harness.has(s.pid) ? "harness" : groupOf(s.comm);
    own[group] += ticks;
    reaped[group] += s.reaped - (same ? p.reaped : 0);
    const key = `${group}\0${s.comm}`;
    const c = byComm.get(key) ?? { comm: s.comm, group, ticks: 0 };
    c.ticks += ticks;
    byComm.set(key, c);
  }
  const ranked = [...byComm.values()].filter((c) => c.ticks > 0).sort((a, b) => b.ticks - a.ticks);
  return { own, reaped, top: ranked.slice(0, top) };
}
