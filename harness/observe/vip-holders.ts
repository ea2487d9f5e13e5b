import type { Host } from "../transport/host.ts";
import type { SiteView } from "../site/site-view.ts";

/** The command every candidate is asked: its IPv4 addresses, one per line. */
export const IP_ADDR_ARGV: readonly string[] = ["ip", "-o", "addr", "show"];

/** Whether `ip -o addr show` output carries `ip` as an IPv4 address on some interface; pure. */
export function addrListHas(ipAddrOutput: string, ip: string): boolean {
  return ipAddrOutput.split("\n").some((l) => l.split(/\s+/).some((w, i, ws) => ws[i - 1] === "inet" && w.split("/")[0] === ip));
}

/** Who holds which VIP, from one answer per candidate, and which candidates gave no answer. */
export interface VipHolderReport {
  /** VIP name -> names of the candidates holding it, in candidate order. */
  holders: Record<string, string[]>;
  /** Candidates that could not be asked (exec failed or timed out, or `ip` exited non-zero): they may hold anything. */
  unanswered: string[];
}

/**
 * The report for `vips` (name and address) from each candidate's `ip -o addr show` output, in candidate
 * order (null: that candidate gave no answer, so it is listed as unanswered, never as holding nothing). Pure.
 */
export function holdersFromAnswers(vips: readonly { name: string; address: string }[], candidates: readonly string[], answers: readonly (string | null)[]): VipHolderReport {
  const holders = Object.fromEntries(vips.map((v) => [v.name, candidates.filter((_, i) => answers[i] != null && addrListHas(answers[i]!, v.address))]));
  return { holders, unanswered: candidates.filter((_, i) => answers[i] == null) };
}

/** One candidate's `ip -o addr show` output, or null when it cannot be asked (stopped, paused past the timeout). */
async function addrList(h: Host): Promise<string | null> {
  try {
    const r = await h.exec([...IP_ADDR_ARGV], { allowFail: true, timeoutMs: 5_000 });
    return r.exitCode === 0 ? r.stdout : null;
  } catch {
    return null;
  }
}

/**
 * Which of the `candidates` hold each VIP of `vipNames` right now, asking each candidate once, and which
 * candidates did not answer. Works for keepalived and Pacemaker IPaddr2 VIPs alike; read-only.
 */
export async function vipHolderReport(site: Pick<SiteView, "vipAddress">, vipNames: readonly string[], candidates: readonly Host[]): Promise<VipHolderReport> {
  const vips = vipNames.map((name) => ({ name, address: site.vipAddress(name) }));
  const answers = await Promise.all(candidates.map(addrList));
  return holdersFromAnswers(
    vips,
    candidates.map((h) => h.name),
    answers,
  );
}

/**
 * Names of the `candidates` that hold VIP `vipName` right now (by `ip -o addr show`), in
 * candidate order. A candidate that cannot be asked counts as holding nothing: fine for a wait
 * that polls again, not for a claim that nobody holds it (use {@link vipHolderReport}). Read-only.
 */
export async function vipHolders(site: Pick<SiteView, "vipAddress">, vipName: string, candidates: readonly Host[]): Promise<string[]> {
  return (await vipHolderReport(site, [vipName], candidates)).holders[vipName] ?? [];
}
