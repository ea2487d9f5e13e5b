import { describe, expect, it } from "vitest";
import { parseIsRunning } from "./rabbitmq-app.ts";

describe("parseIsRunning", () => {
  it("reads only the node's own true or false", () => {
    expect(parseIsRunning("false\n")).toBe(false);
    expect(parseIsRunning("true\n")).toBe(true);
    expect(parseIsRunning("")).toBeUndefined();
    expect(parseIsRunning("Error: unable to perform an operation on node 'rabbit@vm-3'")).toBeUndefined();
    expect(parseIsRunning("{badrpc,nodedown}")).toBeUndefined();
  });
});
