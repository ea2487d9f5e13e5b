import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fromInventoryList, InventoryError, parseIniInventory, parseYamlInventory, type Inventory } from "./inventory.ts";

/** Whether `ansible-inventory` runs here (then every inventory format works, dynamic ones included). */
export function hasAnsibleInventory(): boolean {
  try {
    execFileSync("ansible-inventory", ["--version"], { stdio: "ignore", timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The inventory at `path`: through `ansible-inventory -i <path> --list` when Ansible is installed (and
 * `useAnsible` is not false), else parsed here as static YAML (`.yml`/`.yaml`, or a document starting with a
 * mapping) or INI. Throws InventoryError naming the path and the reason.
 */
export function readInventory(path: string, useAnsible = hasAnsibleInventory()): Inventory {
  if (useAnsible) {
    try {
      return fromInventoryList(execFileSync("ansible-inventory", ["-i", path, "--list"], { encoding: "utf8", timeout: 120_000, stdio: ["ignore", "pipe", "pipe"] }), path);
    } catch (e) {
      if (e instanceof InventoryError) throw e;
      const stderr = String((e as { stderr?: unknown }).stderr ?? "")
        .trim()
        .split("\n")
        .at(-1);
      throw new InventoryError(path, `ansible-inventory failed: ${stderr || (e as Error).message}`);
    }
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new InventoryError(path, (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message);
  }
  const yamlish = /\.ya?ml$/.test(path) || /^\s*[A-Za-z_][\w-]*:\s*$/m.test(text.split("\n").find((l) => l.trim() && !l.trim().startsWith("#")) ?? "");
  return yamlish ? parseYamlInventory(text, path) : parseIniInventory(text, path);
}
