import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InventoryError } from "./inventory.ts";
import { hasAnsibleInventory, readInventory } from "./read-inventory.ts";

const dir = mkdtempSync(join(tmpdir(), "haproof-inv-"));
const file = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const PATH = process.env.PATH;
afterEach(() => {
  process.env.PATH = PATH;
});

describe("reading an inventory", () => {
  it("parses static INI and YAML files here when Ansible is not used", () => {
    expect(readInventory(file("hosts", "[control]\nctl1\n"), false).groups.control).toEqual(["ctl1"]);
    expect(readInventory(file("inv.yml", "control:\n  hosts:\n    ctl1:\n"), false).groups.control).toEqual(["ctl1"]);
    expect(readInventory(file("inv-noext", "# kolla\ncontrol:\n  hosts:\n    ctl2:\n"), false).groups.control).toEqual(["ctl2"]);
    expect(() => readInventory(join(dir, "none"), false)).toThrow(new InventoryError(join(dir, "none"), "no such file"));
  });

  it("asks ansible-inventory --list when it is installed, and names its error", () => {
    const bin = mkdtempSync(join(tmpdir(), "haproof-bin-"));
    const fake = join(bin, "ansible-inventory");
    writeFileSync(
      fake,
      `#!/bin/sh\n[ "$1" = --version ] && exit 0\n[ "$2" = bad ] && { echo "ERROR! no such inventory" >&2; exit 1; }\necho '{"_meta":{"hostvars":{}},"all":{"children":["dyn"]},"dyn":{"hosts":["d1"]}}'\n`,
    );
    chmodSync(fake, 0o755);
    process.env.PATH = `${bin}:${PATH}`;
    expect(hasAnsibleInventory()).toBe(true);
    expect(readInventory("dynamic.py").groups.dyn).toEqual(["d1"]);
    expect(() => readInventory("bad")).toThrow("inventory bad: ansible-inventory failed: ERROR! no such inventory");
  });
});
