# Shared helpers of the action scripts (sourced, not run).
[ -r /etc/haproof/cw.env ] && . /etc/haproof/cw.env
PIDDIR=/run/haproof
mkdir -p "$PIDDIR"
# pid_alive <pidfile> <command pattern>: the pid file names a live process whose command line matches.
pid_alive() {
	[ -s "$1" ] || return 1
	pid=$(cat "$1")
	kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}
# data_ok: the service's shared-storage mount is present (a service never runs without its data).
data_ok() {
	[ -z "$DATA_DIR" ] || mountpoint -q "$DATA_DIR"
}
# wait_for <seconds> <command...>: bounded wait until the command succeeds.
wait_for() {
	n=$(($1 * 4)); shift
	while [ "$n" -gt 0 ]; do "$@" && return 0; n=$((n - 1)); sleep 0.25; done
	return 1
}
# stop_pid <pidfile> <pattern> <seconds>: SIGTERM, bounded wait, then SIGKILL.
stop_pid() {
	pid_alive "$1" "$2" || { rm -f "$1"; return 0; }
	pid=$(cat "$1")
	kill -TERM "$pid" 2>/dev/null
	wait_for "$3" sh -c "! kill -0 $pid 2>/dev/null" || kill -KILL "$pid" 2>/dev/null
	wait_for 5 sh -c "! kill -0 $pid 2>/dev/null"
	rm -f "$1"
}
