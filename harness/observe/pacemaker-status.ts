import { XMLParser } from "fast-xml-parser";
import type { Host } from "../transport/host.ts";

/** The cluster as one node's crm_mon sees it. */
export interface PacemakerStatus {
  /** The node that answered. */
  observer: string;
  /** Nodes this node sees online (members of its partition). */
  online: string[];
  /** Nodes configured but not online. */
  offline: string[];
  /** Each resource -> the node it is started on, or null. The first node if it runs on several. */
  placement: Record<string, string | null>;
  /** Each resource -> every node it runs on (more than one is a split brain). */
  runningOn: Record<string, string[]>;
  /** Resources crm_mon marks failed or blocked. */
  failed: string[];
  /** Whether this node's partition has quorum (false when no DC is elected). */
  quorate: boolean;
  /** Designated controller of this node's partition, if any. */
  dc: string | null;
}

type Attrs = Record<string, string>;
interface CrmMonXml {
  "pacemaker-result"?: {
    summary?: { current_dc?: Attrs };
    nodes?: { node?: Attrs[] };
    resources?: { resource?: (Attrs & { node?: Attrs[] })[]; group?: { resource?: (Attrs & { node?: Attrs[] })[] }[]; clone?: { resource?: (Attrs & { node?: Attrs[] })[] }[] };
  };
}

// Elements that may repeat are always arrays, so one and many read the same way.
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["node", "resource", "group", "clone"].includes(name) });

/** The command {@link pacemakerStatus} runs. */
export const CRM_MON_ARGV: readonly string[] = ["crm_mon", "-1", "--output-as=xml"];

/** Parses `crm_mon -1 --output-as=xml` into a {@link PacemakerStatus}; resources on a node still joining are not counted. Pure. */
export function parseCrmMonXml(text: string, observer: string): PacemakerStatus {
  const doc = (xml.parse(text) as CrmMonXml)["pacemaker-result"];
  if (!doc) throw new Error(`${observer}: not crm_mon XML output`);
  const nodes = doc.nodes?.node ?? [];
  const dcTag = doc.summary?.current_dc;
  const dcPresent = dcTag?.present === "true";
  const status: PacemakerStatus = {
    observer,
    online: nodes.filter((n) => n.online === "true").map((n) => n.name!),
    offline: nodes.filter((n) => n.online !== "true").map((n) => n.name!),
    placement: {},
    runningOn: {},
    failed: [],
    quorate: dcPresent && dcTag?.with_quorum === "true",
    dc: dcPresent ? (dcTag?.name ?? null) : null,
  };
  // A node back from a kill shows its lrm history from before it went away until its controller
  // joins and the DC erases that history (4-5 s measured: resources "Started" on the dead node's
  // behalf). Until then crm_mon knows no feature set for it ("<3.15.1", older than any it could
  // report) or marks it pending. Stale, not a second copy: a real one is re-probed after the join.
  const joining = (n: Attrs) => n.pending === "true" || (n.online === "true" && (n.feature_set ?? "").startsWith("<"));
  const pending = new Set(nodes.filter(joining).map((n) => n.name!));
  const r = doc.resources ?? {};
  const all = [...(r.resource ?? []), ...(r.group ?? []).flatMap((g) => g.resource ?? []), ...(r.clone ?? []).flatMap((c) => c.resource ?? [])];
  for (const res of all) {
    const id = res.id!;
    const started = res.active === "true" && ["Started", "Promoted", "Unpromoted", "Master", "Slave"].includes(res.role ?? "");
    const on = started ? (res.node ?? []).map((n) => n.name!).filter((n) => !pending.has(n)) : [];
    status.runningOn[id] = on;
    status.placement[id] = on[0] ?? null;
    if (res.failed === "true" || res.blocked === "true") status.failed.push(id);
  }
  return status;
}

/** Runs crm_mon on `host` and parses it; throws CommandError if Pacemaker is not running there. Read-only. */
export async function pacemakerStatus(host: Host): Promise<PacemakerStatus> {
  const { stdout } = await host.exec([...CRM_MON_ARGV], { timeoutMs: 15_000 });
  return parseCrmMonXml(stdout, host.name);
}
