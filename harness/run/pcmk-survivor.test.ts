import { describe, expect, it } from "vitest";
import { chooseSurvivor } from "./pcmk-survivor.ts";

const controllers = ["controller-1", "controller-2", "controller-3"];
const allowed = [
  ["controller-1", "controller-2"],
  ["controller-2", "controller-3"],
];

describe("chooseSurvivor", () => {
  it("keeps the controller holding the most groups", () => {
    expect(chooseSurvivor(controllers, ["controller-2", "controller-2"], allowed)).toBe("controller-2");
    expect(chooseSurvivor(controllers, ["controller-1", "controller-3"], allowed)).toBe("controller-1");
  });

  it("breaks ties by how many groups may run there", () => {
    expect(chooseSurvivor(controllers, ["controller-1", "controller-2"], allowed)).toBe("controller-2");
    expect(chooseSurvivor(controllers, ["controller-2", "controller-3"], allowed)).toBe("controller-2");
  });
});
