import { describe, expect, it } from "vitest";
import { parseQueueMirrors, pidNode } from "./rabbitmq-queues.ts";

describe("parseQueueMirrors", () => {
  it("names the master and mirror nodes from Erlang pids", () => {
    const out = "q1\t<rabbit@vm-1.1699.625.0>\t[<rabbit@vm-3.1.2.0>, <rabbit@vm-2.1.2.0>]\t[<rabbit@vm-2.1.2.0>]\n";
    expect(parseQueueMirrors(out)).toEqual([{ name: "q1", master: "rabbit@vm-1", mirrors: ["rabbit@vm-2", "rabbit@vm-3"], synchronised: ["rabbit@vm-2"] }]);
  });

  it("tolerates empty mirror fields and no output", () => {
    expect(parseQueueMirrors("q\t<rabbit@a.b.1.2.3>\t\t\n")[0]).toMatchObject({ master: "rabbit@a.b", mirrors: [] });
    expect(parseQueueMirrors("")).toEqual([]);
    expect(pidNode(42)).toBeNull();
  });
});
