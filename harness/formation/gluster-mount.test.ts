import { describe, expect, it } from "vitest";
import { glusterMountBootScript, glusterMountCommand } from "./gluster-mount.ts";

describe("glusterMountCommand", () => {
  it("names the first server and the others as backup volfile servers", () => {
    expect(glusterMountCommand(["gluster-1", "gluster-2", "gluster-3"], "gfile", "/var/lib/glance/images")).toEqual([
      "mount",
      "-t",
      "glusterfs",
      "-o",
      "backup-volfile-servers=gluster-2:gluster-3",
      "gluster-1:/gfile",
      "/var/lib/glance/images",
    ]);
    expect(glusterMountCommand(["g1"], "v", "/m")).toEqual(["mount", "-t", "glusterfs", "g1:/v", "/m"]);
  });

  it("renders a boot script that retries in the background", () => {
    const s = glusterMountBootScript(["mount", "-t", "glusterfs", "g1:/v", "/m"], "/m");
    expect(s.startsWith("#!/bin/bash\n")).toBe(true);
    expect(s).toContain("mountpoint -q /m && exit 0; mount -t glusterfs g1:/v /m && exit 0");
    expect(s.trimEnd().endsWith("&")).toBe(true);
  });
});
