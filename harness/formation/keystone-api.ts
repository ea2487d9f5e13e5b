import axios, { isAxiosError, type AxiosRequestConfig, type AxiosResponse } from "axios";
import { noKeepAlive } from "./http-agent.ts";

/** Password credentials scoped to a project (all in one domain). */
export interface KeystoneCreds {
  username: string;
  password: string;
  project: string;
  domain: string;
}

const HTTP_TIMEOUT_MS = 15_000;

/** A Keystone or Glance API answered with an unexpected status; names the request. */
export class ApiError extends Error {
  constructor(
    readonly request: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${request} answered ${status}: ${body.slice(0, 400)}`);
    this.name = "ApiError";
  }
}

/**
 * An axios instance for the controller APIs: no keep-alive (uwsgi's http-socket closes after each
 * answer, and a reused socket fails as "socket hang up"; a VIP move also strands pooled sockets),
 * never throws on status, and turns transport errors into a one-line ApiError (status 0).
 */
export async function apiRequest<T = unknown>(request: string, config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
  try {
    return await api.request<T>(config);
  } catch (e) {
    if (isAxiosError(e)) throw new ApiError(request, 0, `${e.code ?? "error"}: ${e.message}`);
    throw e;
  }
}

const api = axios.create({ httpAgent: noKeepAlive, timeout: HTTP_TIMEOUT_MS, validateStatus: () => true, maxBodyLength: Infinity, maxContentLength: Infinity });

/** Throws ApiError unless `res.status` is one of `ok`. Returns `res`. */
export function expectStatus<T>(request: string, res: AxiosResponse<T>, ok: readonly number[]): AxiosResponse<T> {
  if (!ok.includes(res.status)) throw new ApiError(request, res.status, typeof res.data === "string" ? res.data : JSON.stringify(res.data));
  return res;
}

/** The body of POST /v3/auth/tokens asking for a project-scoped token with a password; pure. */
export function passwordAuthBody(c: KeystoneCreds) {
  return {
    auth: {
      identity: { methods: ["password"], password: { user: { name: c.username, domain: { name: c.domain }, password: c.password } } },
      scope: { project: { name: c.project, domain: { name: c.domain } } },
    },
  };
}

/** POST /v3/auth/tokens with a project-scoped password; returns the token (X-Subject-Token). Throws ApiError unless 201. */
export async function issueToken(keystoneBase: string, c: KeystoneCreds): Promise<string> {
  const body = passwordAuthBody(c);
  const request = `POST ${keystoneBase}/v3/auth/tokens (${c.username})`;
  const res = await apiRequest(request, { method: "post", url: `${keystoneBase}/v3/auth/tokens`, data: body });
  expectStatus(request, res, [201]);
  const token = res.headers["x-subject-token"];
  if (typeof token !== "string" || token === "") throw new ApiError(`POST ${keystoneBase}/v3/auth/tokens`, res.status, "no X-Subject-Token header");
  return token;
}

/** A thin admin client for the identity objects formation needs; every ensure* is idempotent. */
export class KeystoneAdmin {
  constructor(
    readonly base: string,
    private readonly token: string,
  ) {}

  /** GET/POST/PUT/PATCH against /v3; returns the response after checking its status. */
  async call<T = Record<string, unknown>>(method: "get" | "post" | "put" | "patch" | "delete", path: string, ok: number[], data?: unknown): Promise<T> {
    const request = `${method.toUpperCase()} ${this.base}/v3${path}`;
    const res = await apiRequest<T>(request, { method, url: `${this.base}/v3${path}`, data, headers: { "X-Auth-Token": this.token } });
    return expectStatus(request, res, ok).data;
  }

  private async findOrCreate(kind: string, query: string, create: Record<string, unknown>): Promise<string> {
    const found = await this.call<Record<string, { id: string }[]>>("get", `/${kind}s?${query}`, [200]);
    const existing = found[`${kind}s`]?.[0];
    if (existing) return existing.id;
    return (await this.call<Record<string, { id: string }>>("post", `/${kind}s`, [201], { [kind]: create }))[kind]!.id;
  }

  /** The project `name` in domain `default`, created if absent; returns its id. */
  ensureProject(name: string): Promise<string> {
    return this.findOrCreate("project", `name=${encodeURIComponent(name)}&domain_id=default`, { name, domain_id: "default", description: "haproof" });
  }

  /** The user `name` in domain `default` with `password` (reset if it exists); returns its id. */
  async ensureUser(name: string, password: string): Promise<string> {
    const id = await this.findOrCreate("user", `name=${encodeURIComponent(name)}&domain_id=default`, { name, password, domain_id: "default" });
    await this.call("patch", `/users/${id}`, [200], { user: { password } });
    return id;
  }

  /** Grants role `role` to user `userId` on project `projectId`. */
  async grant(projectId: string, userId: string, role: string): Promise<void> {
    const roles = await this.call<{ roles: { id: string }[] }>("get", `/roles?name=${encodeURIComponent(role)}`, [200]);
    const roleId = roles.roles[0]?.id;
    if (!roleId) throw new Error(`keystone has no role ${role}`);
    await this.call("put", `/projects/${projectId}/users/${userId}/roles/${roleId}`, [204]);
  }

  /** The service of `type`, created with `name` if absent; returns its id. */
  ensureService(name: string, type: string, description: string): Promise<string> {
    return this.findOrCreate("service", `type=${encodeURIComponent(type)}`, { name, type, description });
  }

  /** The endpoint of `serviceId` for `iface` in `region`, created or repointed to `url`. */
  async ensureEndpoint(serviceId: string, iface: "public" | "internal" | "admin", url: string, region: string): Promise<void> {
    const found = await this.call<{ endpoints: { id: string; url: string }[] }>("get", `/endpoints?service_id=${serviceId}&interface=${iface}`, [200]);
    const e = found.endpoints[0];
    if (!e) await this.call("post", "/endpoints", [201], { endpoint: { service_id: serviceId, interface: iface, url, region_id: region } });
    else if (e.url !== url) await this.call("patch", `/endpoints/${e.id}`, [200], { endpoint: { url } });
  }
}
