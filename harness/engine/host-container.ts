import { GenericContainer } from "testcontainers";

/** GenericContainer plus what haproof hosts need that testcontainers has no method for: devices, a static IP, named volumes. */
export class HostContainer extends GenericContainer {
  /** Attaches to `network` at `ip` with `aliases` (static addressing survives restarts). */
  withStaticAddress(network: string, ip: string, aliases: string[]): this {
    this.withNetworkMode(network);
    this.createOpts.NetworkingConfig = {
      EndpointsConfig: { [network]: { IPAMConfig: { IPv4Address: ip }, Aliases: aliases } },
    };
    return this;
  }

  /** Passes a host device through (e.g. /dev/fuse for GlusterFS). */
  withDevice(path: string): this {
    this.hostConfig.Devices = [...(this.hostConfig.Devices ?? []), { PathOnHost: path, PathInContainer: path, CgroupPermissions: "rwm" }];
    return this;
  }

  /** Mounts a named Docker volume at `target`. */
  withVolume(name: string, target: string): this {
    this.hostConfig.Binds = [...(this.hostConfig.Binds ?? []), `${name}:${target}`];
    return this;
  }

  /** Sets sysctls allowed in a network namespace (e.g. net.ipv4.ip_nonlocal_bind). */
  withSysctls(sysctls: Record<string, string>): this {
    this.hostConfig.Sysctls = { ...(this.hostConfig.Sysctls ?? {}), ...sysctls };
    return this;
  }
}
