/** Path of the boot.d script that starts the cluster stack (also run by formation for the first start). */
export const CLUSTER_BOOT_SCRIPT = "/etc/haproof/boot.d/60-cluster";
/** Path of the stop.d script that leaves the cluster on SIGTERM (`docker stop`). */
export const CLUSTER_STOP_SCRIPT = "/etc/haproof/stop.d/60-cluster";

/**
 * boot.d script: starts Corosync, waits (bounded) until its CMAP answers, then starts Pacemaker,
 * so a restarted container rejoins as a rebooted node would. Skips daemons already running. Pure.
 */
export function renderClusterBootScript(): string {
  return `#!/bin/sh
# Written by haproof formation: the cluster stack of a booting controller.
pidof corosync >/dev/null || setsid -f corosync -f >>/var/log/haproof/corosync.log 2>&1 </dev/null
i=0
until corosync-cmapctl totem.cluster_name >/dev/null 2>&1; do
  i=$((i + 1)); [ "$i" -ge 120 ] && { echo "corosync did not answer within 60 s" >&2; exit 1; }
  sleep 0.5
done
# Pid files of Pacemaker-managed daemons from before the restart are stale (/run is not a tmpfs here).
pidof pacemakerd >/dev/null || rm -f /run/haproof/*.pid
pidof pacemakerd >/dev/null || setsid -f pacemakerd >>/var/log/haproof/pacemaker.log 2>&1 </dev/null
exit 0
`;
}

/**
 * stop.d script: asks Pacemaker to stop (it stops or moves its resources first, bounded to 50 s),
 * then Corosync leaves the membership. Pure.
 */
export function renderClusterStopScript(): string {
  return `#!/bin/sh
# Written by haproof formation: leave the cluster cleanly on SIGTERM.
if pkill -TERM -x pacemakerd; then
  i=0
  while pidof pacemakerd >/dev/null && [ "$i" -lt 100 ]; do i=$((i + 1)); sleep 0.5; done
fi
pkill -TERM -x corosync
exit 0
`;
}
