import type { Host } from "../engine/host.ts";

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

interface Tag {
  name: string;
  attrs: Record<string, string>;
  children: Tag[];
}

const unescape = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** A minimal element-tree reader for crm_mon's machine output (attributes only, no text). */
function parseTags(xml: string): Tag {
  const root: Tag = { name: "#root", attrs: {}, children: [] };
  const stack = [root];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g)) {
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      while (stack.length > 1 && stack.pop()!.name !== name);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = unescape(a[2] ?? a[3] ?? "");
    const tag: Tag = { name: name!, attrs, children: [] };
    stack.at(-1)!.children.push(tag);
    if (!selfClosing) stack.push(tag);
  }
  return root;
}

const find = (t: Tag, name: string): Tag | undefined => {
  for (const c of t.children) {
    if (c.name === name) return c;
    const d = find(c, name);
    if (d) return d;
  }
  return undefined;
};

const resources = (t: Tag): Tag[] =>
  t.children.flatMap((c) => (c.name === "resource" ? [c] : resources(c)));

/** Parses `crm_mon -1 --output-as=xml` into a {@link PacemakerStatus}. Pure. */
export function parseCrmMonXml(xml: string, observer: string): PacemakerStatus {
  const root = parseTags(xml);
  if (!find(root, "pacemaker-result") && !find(root, "crm_mon")) throw new Error(`${observer}: not crm_mon XML output`);
  const nodes = find(root, "nodes")?.children.filter((n) => n.name === "node") ?? [];
  const dcTag = find(root, "current_dc");
  const dcPresent = dcTag?.attrs.present === "true";
  const status: PacemakerStatus = {
    observer,
    online: nodes.filter((n) => n.attrs.online === "true").map((n) => n.attrs.name!),
    offline: nodes.filter((n) => n.attrs.online !== "true").map((n) => n.attrs.name!),
    placement: {},
    runningOn: {},
    failed: [],
    quorate: dcPresent && dcTag?.attrs.with_quorum === "true",
    dc: dcPresent ? (dcTag?.attrs.name ?? null) : null,
  };
  for (const r of resources(find(root, "resources") ?? root)) {
    const id = r.attrs.id!;
    const started = r.attrs.active === "true" && ["Started", "Promoted", "Unpromoted", "Master", "Slave"].includes(r.attrs.role ?? "");
    const on = started ? r.children.filter((c) => c.name === "node").map((c) => c.attrs.name!) : [];
    status.runningOn[id] = on;
    status.placement[id] = on[0] ?? null;
    if (r.attrs.failed === "true" || r.attrs.blocked === "true") status.failed.push(id);
  }
  return status;
}

/** Runs crm_mon on `host` and parses it; throws CommandError if Pacemaker is not running there. Read-only. */
export async function pacemakerStatus(host: Host): Promise<PacemakerStatus> {
  const { stdout } = await host.exec(["crm_mon", "-1", "--output-as=xml"], { timeoutMs: 15_000 });
  return parseCrmMonXml(stdout, host.name);
}
