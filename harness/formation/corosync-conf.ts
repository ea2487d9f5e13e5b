/** One cluster member as corosync's nodelist names it; `name` must equal the host's `uname -n`. */
export interface CorosyncNode {
  name: string;
  ip: string;
  nodeid: number;
}

/** Inputs of {@link renderCorosyncConf}. */
export interface CorosyncConfInput {
  clusterName: string;
  nodes: readonly CorosyncNode[];
  /** totem.token: ms without the token before a node is declared lost. */
  tokenMs: number;
}

/**
 * Renders /etc/corosync/corosync.conf: Corosync 3, knet transport, an explicit nodelist and
 * votequorum. Pure. Crypto is off: the test network is private and there is no key to distribute.
 */
export function renderCorosyncConf(input: CorosyncConfInput): string {
  if (input.nodes.length === 0) throw new Error("corosync needs at least one node");
  const ids = new Set(input.nodes.map((n) => n.nodeid));
  if (ids.size !== input.nodes.length) throw new Error("corosync nodeids must be unique");
  const nodes = input.nodes.map((n) => `    node {\n        ring0_addr: ${n.ip}\n        name: ${n.name}\n        nodeid: ${n.nodeid}\n    }`).join("\n");
  return `# Written by haproof formation (pacemaker runbook).
totem {
    version: 2
    cluster_name: ${input.clusterName}
    transport: knet
    token: ${input.tokenMs}
    crypto_cipher: none
    crypto_hash: none
}

nodelist {
${nodes}
}

quorum {
    provider: corosync_votequorum
}

logging {
    to_logfile: yes
    logfile: /var/log/corosync/corosync.log
    to_stderr: no
    to_syslog: no
    timestamp: on
}
`;
}
