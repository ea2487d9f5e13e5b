import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { noAcksDuring } from "./no-acks-during.ts";

const REFUSED = { code: 1047, message: "WSREP has not yet prepared node for application use" };

function history(during: "ok" | "fail" | "none"): SyntheticHistory {
  const h = new SyntheticHistory();
  h.at(0).call("minority", "insert", "ok", { value: 1 });
  h.at(100).fault("partition", "start", ["vm-1"]).at(200).fault("partition", "effective", ["vm-1"]);
  if (during === "fail") h.at(300).call("minority", "insert", "fail", { value: 2, error: REFUSED });
  if (during === "ok") h.at(300).call("minority", "insert", "ok", { value: 2 });
  h.at(400).call("majority", "insert", "ok", { value: 3 });
  h.at(500).fault("partition", "heal", ["vm-1"]).at(600).fault("partition", "healed", ["vm-1"]);
  h.at(700).call("minority", "insert", "ok", { value: 4 });
  return h;
}

describe("noAcksDuring", () => {
  it("is true when every op of the process failed while the fault held", () => {
    const v = noAcksDuring(history("fail").events(), { process: "minority" });
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ attempted: 1, refused: 1, acked: 0, errors: ["1047"] });
  });

  it("is false when an op of the process was acknowledged while the fault held", () => {
    const v = noAcksDuring(history("ok").events(), { process: "minority" });
    expect(v.valid).toBe(false);
    expect(v.details.firstAcks).toMatchObject([{ atMs: 300, value: 2 }]);
  });

  it("ignores other processes and acks after the heal began", () => {
    expect(noAcksDuring(history("fail").events(), { process: "majority" }).valid).toBe(false);
    expect(noAcksDuring(history("fail").events(), { process: "minority", f: "insert" }).valid).toBe(true);
  });

  it("is unknown when nothing was tried in the window, or the fault never healed", () => {
    expect(noAcksDuring(history("none").events(), { process: "minority" }).valid).toBe("unknown");
    const open = new SyntheticHistory().fault("partition", "effective").at(10).call("minority", "insert", "fail", { error: REFUSED });
    expect(noAcksDuring(open.events(), { process: "minority" }).valid).toBe("unknown");
  });
});
