import { Agent } from "node:http";

/**
 * The HTTP agent for every Keystone/Glance call: no keep-alive, because uwsgi's http-socket
 * closes after each answer (a reused socket fails as "socket hang up") and a VIP move strands
 * pooled sockets on the old holder.
 */
export const noKeepAlive = new Agent({ keepAlive: false });
