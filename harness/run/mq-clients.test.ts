import { describe, expect, it } from "vitest";
import { brokerOrder } from "./mq-clients.ts";

describe("brokerOrder", () => {
  const hosts = [{ name: "vm-1" }, { name: "vm-2" }, { name: "vm-3" }];
  it("rotates the list so the chosen broker comes first", () => {
    expect(brokerOrder(hosts, "vm-2").map((h) => h.name)).toEqual(["vm-2", "vm-3", "vm-1"]);
    expect(brokerOrder(hosts, "vm-1").map((h) => h.name)).toEqual(["vm-1", "vm-2", "vm-3"]);
  });
  it("throws for an unknown broker", () => {
    expect(() => brokerOrder(hosts, "vm-9")).toThrow(RangeError);
  });
});
