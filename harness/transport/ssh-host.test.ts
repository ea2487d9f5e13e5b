import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Server, utils } from "ssh2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommandError } from "./command-error.ts";
import { shellQuote } from "./shell-quote.ts";
import { hostKeyBlob, SshError, SshHost, type SshTarget } from "./ssh-host.ts";

// A real SSH server (ssh2's) on loopback: it accepts one client key, runs exec requests with the local bash,
// and records each command, so the host's wire behaviour is tested without any other machine.
const hostKeys = utils.generateKeyPairSync("ed25519");
const clientKeys = utils.generateKeyPairSync("ed25519");
const otherKeys = utils.generateKeyPairSync("ed25519");
const allowed = utils.parseKey(clientKeys.public);
const commands: string[] = [];
const sessions: { end(): void }[] = [];
let server: Server;
let port = 0;

beforeAll(async () => {
  server = new Server({ hostKeys: [hostKeys.private] }, (client) => {
    sessions.push(client);
    client.on("authentication", (ctx) => {
      const key = ctx.method === "publickey" && !(allowed instanceof Error) && !Array.isArray(allowed) ? allowed : undefined;
      if (key && ctx.method === "publickey" && ctx.key.algo === key.type && ctx.key.data.equals(key.getPublicSSH())) return ctx.accept();
      ctx.reject();
    });
    client.on("ready", () =>
      client.on("session", (accept) =>
        accept().on("exec", (acceptExec, _reject, info) => {
          commands.push(info.command);
          const ch = acceptExec();
          if (info.command.startsWith("sudo ")) {
            ch.write("as root\n");
            ch.exit(0);
            return ch.end();
          }
          const p = spawn("bash", ["-c", info.command]);
          // A stream's client may close its side after the command is gone, or the other way round.
          p.stdin.on("error", () => undefined);
          ch.on("error", () => undefined);
          ch.pipe(p.stdin);
          p.stdout.pipe(ch, { end: false });
          p.stderr.pipe(ch.stderr, { end: false });
          p.on("close", (code) => {
            ch.exit(code ?? 1);
            ch.end();
          });
          // As sshd does: a closed channel closes the command's stdout (its next write gets EPIPE).
          ch.on("close", () => p.stdout.destroy());
        }),
      ),
    );
    client.on("error", () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server.close());

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const target = (patch: Partial<SshTarget> = {}): SshTarget => ({
  name: "ctl-1",
  role: "controller",
  ip: "127.0.0.1",
  port,
  user: "haproof",
  privateKey: clientKeys.private,
  hostKey: hostKeys.public,
  connectTimeoutMs: 5000,
  ...patch,
});

describe("SshHost over a real SSH server on loopback", () => {
  it("runs commands on one persistent connection: output, exit codes, CommandError unless allowFail", async () => {
    const h = new SshHost(target());
    expect(await h.exec("echo out; echo err >&2")).toEqual({ exitCode: 0, stdout: "out\n", stderr: "err\n" });
    expect(await h.exec(["printf", "%s|", "a b", "it's"])).toMatchObject({ stdout: "a b|it's|" });
    expect(await h.exec("exit 3", { allowFail: true })).toMatchObject({ exitCode: 3 });
    await expect(h.exec("echo nope >&2; exit 4")).rejects.toThrow(new CommandError("ctl-1", "echo nope >&2; exit 4", 4, "nope\n"));
    expect(sessions.length).toBe(1);
    await h.close();
  });

  it("bounds a command with timeoutMs", async () => {
    const h = new SshHost(target());
    await expect(h.exec("sleep 5", { timeoutMs: 200 })).rejects.toThrow(/timed out after 200 ms/);
    expect(await h.exec("sleep 5", { timeoutMs: 200, allowFail: true })).toMatchObject({ exitCode: -1 });
    await h.close();
  });

  it("writes and reads files through the command's stdin, with their mode", async () => {
    const h = new SshHost(target());
    const file = join(mkdtempSync(join(tmpdir(), "haproof-ssh-")), "sub dir", "f.conf");
    await h.writeFile(file, "a='1'\nb\n", 0o600);
    expect(readFileSync(file, "utf8")).toBe("a='1'\nb\n");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await h.readFile(file)).toBe("a='1'\nb\n");
    await expect(h.readFile(`${file}.missing`)).rejects.toBeInstanceOf(CommandError);
    await h.close();
  });

  it("becomes root through sudo -n when the site asks, or for another user", async () => {
    const h = new SshHost(target({ sudo: true }));
    expect((await h.exec("id -u")).stdout).toBe("as root\n");
    expect(commands.at(-1)).toBe("sudo -n -- bash -c 'id -u'");
    await h.close();
    const u = new SshHost(target());
    await u.exec(["whoami"], { user: "rabbitmq" });
    expect(commands.at(-1)).toBe("sudo -n -u rabbitmq -- whoami");
    await u.close();
  });

  it("reconnects when the connection drops (the host was killed and came back)", async () => {
    const h = new SshHost(target());
    await h.exec("true");
    const before = sessions.length;
    sessions.at(-1)!.end();
    await new Promise((r) => setTimeout(r, 100));
    expect((await h.exec("echo again")).stdout).toBe("again\n");
    expect(sessions.length).toBe(before + 1);
    await h.close();
  });

  it("streams stdout as it arrives, and ends with the exit code", async () => {
    const h = new SshHost(target());
    const chunks: { text: string; at: number }[] = [];
    const t0 = performance.now();
    const s = h.stream("for i in 1 2 3; do echo $i; sleep 0.1; done; echo err >&2; exit 5", (text) => chunks.push({ text, at: performance.now() - t0 }));
    const end = await s.ended;
    const ended = performance.now() - t0;
    expect(end).toEqual({ exitCode: 5 });
    expect(chunks.map((c) => c.text).join("")).toBe("1\n2\n3\n");
    expect(chunks[0]!.at).toBeLessThan(ended - 150);
    await s.stop();
    await h.close();
  });

  it("stop() ends a never-ending loop: its stdin reaches EOF and the channel closes", async () => {
    const h = new SshHost(target());
    const pidFile = join(mkdtempSync(join(tmpdir(), "haproof-ssh-")), "pid");
    let text = "";
    const s = h.stream(`echo $$ > ${pidFile}; while :; do echo tick; read -r -t 0.05 _; [ $? -gt 128 ] || exit 0; done`, (c) => (text += c));
    await expect.poll(() => text.split("tick").length > 2, { timeout: 3000 }).toBe(true);
    await s.stop();
    expect((await s.ended).error).toBe("stopped");
    const pid = Number(readFileSync(pidFile, "utf8"));
    await expect.poll(() => alive(pid), { timeout: 3000 }).toBe(false);
    // The connection is still good for the next command.
    expect((await h.exec("echo after")).stdout).toBe("after\n");
    await h.close();
  });

  it("a stream to a host that cannot be reached ends with the error, never throws", async () => {
    const s = new SshHost(target({ port: 1, connectTimeoutMs: 2000 })).stream("echo never", () => undefined);
    expect(await s.ended).toMatchObject({ exitCode: null, error: expect.stringMatching(/ECONNREFUSED/) });
  });

  it("refuses a host key other than the pinned one, and a client key the host does not accept, running nothing", async () => {
    const ran = commands.length;
    await expect(new SshHost(target({ hostKey: otherKeys.public })).exec("touch /tmp/never")).rejects.toThrow(
      new SshError("ctl-1", "127.0.0.1", "host key mismatch: the host offered a key other than the one pinned for it"),
    );
    await expect(new SshHost(target({ privateKey: otherKeys.private })).exec("touch /tmp/never")).rejects.toThrow(new SshError("ctl-1", "127.0.0.1", "authentication as haproof failed"));
    await expect(new SshHost(target({ port: 1, connectTimeoutMs: 2000 })).exec("true")).rejects.toThrow(/^ssh ctl-1 \(127\.0\.0\.1\): connect ECONNREFUSED/);
    expect(commands.length).toBe(ran);
  });
});

describe("quoting and keys", () => {
  it("quotes only what the shell would split or expand", () => {
    expect(shellQuote(["cat", "--", "/etc/a b", "it's", "$HOME", "k=v"])).toBe("cat -- '/etc/a b' 'it'\\''s' '$HOME' k=v");
  });

  it("reads a known_hosts key's blob and rejects a malformed one", () => {
    expect(hostKeyBlob(`${hostKeys.public} comment`).length).toBeGreaterThan(30);
    expect(() => hostKeyBlob("ssh-ed25519")).toThrow(/not a "<type> <base64>" host key/);
  });
});
