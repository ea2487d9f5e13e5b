import { describe, expect, it } from "vitest";
import { parseHealInfo, parsePeerStatusXml, parseVolumeStatusXml } from "./gluster-status.ts";

// Trimmed from GlusterFS 10.3 output captured on gluster-2.
const peerXml = `<cliOutput><opRet>0</opRet><peerStatus>
  <peer><uuid>201e</uuid><hostname>scratch-dp-gluster-1.scratch-dp-net</hostname>
    <hostnames><hostname>scratch-dp-gluster-1.scratch-dp-net</hostname><hostname>gluster-1</hostname></hostnames>
    <connected>1</connected><state>3</state></peer>
  <peer><uuid>7034</uuid><hostname>gluster-3</hostname><hostnames><hostname>gluster-3</hostname></hostnames>
    <connected>0</connected><state>3</state></peer>
</peerStatus></cliOutput>`;

const node = (host: string, path: string, status: number) =>
  `<node><hostname>${host}</hostname><path>${path}</path><peerid>x</peerid><status>${status}</status><port>1</port><ports><tcp>1</tcp><rdma>N/A</rdma></ports><pid>9</pid></node>`;
const volXml = `<cliOutput><volStatus><volumes><volume><volName>gfile</volName><nodeCount>5</nodeCount>
${node("gluster-1", "/bricks/gfile/brick", 1)}${node("gluster-2", "/bricks/gfile/brick", 0)}${node("gluster-3", "/bricks/gfile/brick", 1)}
${node("Self-heal Daemon", "localhost", 1)}${node("Self-heal Daemon", "gluster-3", 1)}
</volume></volumes></volStatus></cliOutput>`;

describe("gluster status parsers", () => {
  it("reads peers by their short name", () => {
    expect(parsePeerStatusXml(peerXml)).toEqual([
      { name: "gluster-1", connected: true },
      { name: "gluster-3", connected: false },
    ]);
  });

  it("reads bricks and drops the self-heal daemons", () => {
    expect(parseVolumeStatusXml(volXml)).toEqual([
      { host: "gluster-1", path: "/bricks/gfile/brick", online: true },
      { host: "gluster-2", path: "/bricks/gfile/brick", online: false },
      { host: "gluster-3", path: "/bricks/gfile/brick", online: true },
    ]);
  });

  it("sums heal entries, a down brick counting 0", () => {
    const out =
      "Brick gluster-1:/b\nStatus: Connected\nNumber of entries: 3\n\nBrick gluster-2:/b\nStatus: Transport endpoint is not connected\nNumber of entries: -\n\nBrick gluster-3:/b\nStatus: Connected\nNumber of entries: 1\n";
    expect(parseHealInfo(out)).toBe(4);
    expect(parseHealInfo("")).toBe(0);
  });
});
