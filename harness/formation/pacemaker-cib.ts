import type { GroupSpec } from "../../topologies/schema.ts";

/** Cluster properties set by formation (crm_config). stonith is off as in the PRISMA guide. */
export const CLUSTER_PROPERTIES: Readonly<Record<string, string>> = {
  "stonith-enabled": "false",
  // A partition without quorum stops its resources: no split-brain VIPs without fencing.
  "no-quorum-policy": "stop",
  // Bounds how long an expired failure-timeout waits to be noticed.
  "cluster-recheck-interval": "30s",
};

/** Resource defaults (rsc_defaults): restart in place up to 3 failures, then relocate; forget after 60 s. */
export const RESOURCE_DEFAULTS: Readonly<Record<string, string>> = {
  "migration-threshold": "3",
  "failure-timeout": "60s",
  // A returning node must not pull a group back: failback is a second outage (measured: 18 s of
  // Keystone). Per member 100, so a group's stickiness outweighs the 100/50 location preference.
  "resource-stickiness": "100",
};

/** One primitive resource as formation defines it. */
export interface PrimitiveSpec {
  id: string;
  provider: string;
  type: string;
  params: Readonly<Record<string, string>>;
  meta?: Readonly<Record<string, string>>;
  description?: string;
  monitor: { intervalS: number; timeoutS: number };
  startTimeoutS: number;
  stopTimeoutS: number;
}

/** Escapes a string for an XML attribute value. Pure. */
export function xmlAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const nvset = (tag: string, owner: string, kv: Readonly<Record<string, string>>): string => {
  const entries = Object.entries(kv);
  if (entries.length === 0) return "";
  const id = `${owner}-${tag}`;
  const pairs = entries.map(([k, v]) => `<nvpair id="${xmlAttr(`${id}-${k}`)}" name="${xmlAttr(k)}" value="${xmlAttr(v)}"/>`);
  return `<${tag} id="${xmlAttr(id)}">${pairs.join("")}</${tag}>`;
};

/** Renders one `<primitive>` (ocf class) with params, meta and start/stop/monitor ops. Pure. */
export function renderPrimitive(p: PrimitiveSpec): string {
  const op = (name: string, interval: string, timeoutS: number) => `<op id="${xmlAttr(`${p.id}-${name}-interval-${interval}`)}" name="${name}" interval="${interval}" timeout="${timeoutS}s"/>`;
  const desc = p.description ? ` description="${xmlAttr(p.description)}"` : "";
  return (
    `<primitive id="${xmlAttr(p.id)}" class="ocf" provider="${xmlAttr(p.provider)}" type="${xmlAttr(p.type)}"${desc}>` +
    nvset("instance_attributes", p.id, p.params) +
    nvset("meta_attributes", p.id, p.meta ?? {}) +
    "<operations>" +
    op("monitor", `${p.monitor.intervalS}s`, p.monitor.timeoutS) +
    op("start", "0s", p.startTimeoutS) +
    op("stop", "0s", p.stopTimeoutS) +
    "</operations></primitive>"
  );
}

/** Renders a `<group>`: members start in order, stop in reverse, and run on one node. Pure. */
export function renderGroup(id: string, members: readonly PrimitiveSpec[]): string {
  if (members.length === 0) throw new Error(`group ${id} needs at least one member`);
  return `<group id="${xmlAttr(id)}">${members.map(renderPrimitive).join("")}</group>`;
}

/** One location constraint, as rendered by {@link renderLocations}. */
export interface LocationXml {
  id: string;
  xml: string;
}

/**
 * Location constraints for a topology group: the first allowed host scores 100, each next one 50
 * less (never below 1), forbidden hosts -INFINITY; none for a group built `constrained: false`. Pure.
 */
export function renderLocations(group: GroupSpec & { constrained?: boolean }): LocationXml[] {
  if (group.constrained === false) return [];
  const loc = (node: string, score: string): LocationXml => {
    const id = `loc-${group.name}-${node}`;
    return { id, xml: `<rsc_location id="${xmlAttr(id)}" rsc="${xmlAttr(group.name)}" node="${xmlAttr(node)}" score="${score}"/>` };
  };
  return [...group.allowed.map((n, i) => loc(n, String(Math.max(1, 100 - 50 * i)))), ...group.forbidden.map((n) => loc(n, "-INFINITY"))];
}

/** Pacemaker resource id of a VIP: "controller" -> "Controller_VIP" (the guide's names). Pure. */
export function vipResourceId(vipName: string): string {
  return `${vipName.charAt(0).toUpperCase()}${vipName.slice(1).replace(/-(\w)/g, (_, c: string) => `_${c.toUpperCase()}`)}_VIP`;
}
