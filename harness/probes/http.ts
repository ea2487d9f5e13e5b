import axios from "axios";
import { noKeepAlive } from "../formation/http-agent.ts";

/** The probes' HTTP client: throws on any status outside 2xx (like plain axios) but never reuses a socket. */
export const http = axios.create({ httpAgent: noKeepAlive });
