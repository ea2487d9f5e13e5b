import { describe, expect, it } from "vitest";
import { History } from "../history/index.ts";
import { handle } from "./handle.ts";

const phases = (h: History) => h.events().flatMap((e) => (e.kind === "fault" ? [e.phase] : []));

describe("fault handle", () => {
  it("is healed once when an `await using` block exits", async () => {
    const h = new History();
    let undone = 0;
    {
      await using fault = handle(h, "kill", ["vm-1"], async () => void undone++);
      expect(fault.targets).toEqual(["vm-1"]);
      expect(undone).toBe(0);
    }
    expect(undone).toBe(1);
    expect(phases(h)).toEqual(["heal", "healed"]);
  });

  it("is healed when the block throws, and an earlier heal() is not repeated", async () => {
    const h = new History();
    let undone = 0;
    const body = async () => {
      await using fault = handle(h, "kill", ["vm-1"], async () => void undone++);
      await fault.heal();
      throw new Error("wait timed out");
    };
    await expect(body()).rejects.toThrow("wait timed out");
    expect(undone).toBe(1);
    expect(phases(h)).toEqual(["heal", "healed"]);
  });
});
