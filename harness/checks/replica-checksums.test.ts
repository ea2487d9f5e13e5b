import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { replicaChecksums, type ReplicaChecksumsOptions } from "./replica-checksums.ts";

const opts: ReplicaChecksumsOptions = { subject: { kind: "brick-sha" }, expected: "abc", replicas: ["g1", "g2", "g3"] };

describe("replicaChecksums", () => {
  it("is true when every replica's last sample holds the expected checksum", () => {
    const h = new SyntheticHistory().at(0).sample("brick-sha:g2", null).at(10).sample("brick-sha:g1", "ABC").sample("brick-sha:g2", "abc").sample("brick-sha:g3", "abc");
    expect(replicaChecksums(h.events(), opts).valid).toBe(true);
  });

  it("is false when a replica differs or lacks the file", () => {
    const h = new SyntheticHistory().at(0).sample("brick-sha:g1", "abc").sample("brick-sha:g2", "abd").sample("brick-sha:g3", null);
    const v = replicaChecksums(h.events(), opts);
    expect(v.valid).toBe(false);
    expect(v.details).toMatchObject({ missing: ["g3"], mismatched: ["g2"] });
  });

  it("is unknown when a replica was never sampled", () => {
    const h = new SyntheticHistory().at(0).sample("brick-sha:g1", "abc");
    expect(replicaChecksums(h.events(), opts).valid).toBe("unknown");
    expect(replicaChecksums([], { subject: { kind: "brick-sha" }, expected: "abc" }).valid).toBe("unknown");
  });
});
