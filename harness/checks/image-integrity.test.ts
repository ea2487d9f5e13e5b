import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { imageIntegrity } from "./image-integrity.ts";

const A = "a".repeat(64);
const B = "b".repeat(64);

const download = (h: SyntheticHistory, ms: number, image: string, sha256: string, type: "ok" | "fail" = "ok") =>
  h.at(ms).call("glance", "download", type, { value: { image, sha256 }, host: "controller-1" });

describe("imageIntegrity", () => {
  it("is true when every successful download matches the expected sample", () => {
    const h = new SyntheticHistory().at(0).sample("glance:expected", { cirros: A });
    download(h, 10, "cirros", A);
    download(h, 20, "cirros", B, "fail");
    const v = imageIntegrity(h.events());
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ downloads: 1, verified: 1 });
  });

  it("is false on a checksum mismatch, naming the host", () => {
    const h = new SyntheticHistory();
    download(h, 10, "cirros", A);
    download(h, 20, "cirros", B.toUpperCase());
    const v = imageIntegrity(h.events(), { expected: { cirros: A } });
    expect(v.valid).toBe(false);
    expect(v.details.mismatches).toEqual([{ image: "cirros", sha256: B, expected: A, host: "controller-1" }]);
  });

  it("is false when one image came back with two checksums, even with nothing expected", () => {
    const h = new SyntheticHistory();
    download(h, 10, "x", A);
    download(h, 20, "x", B);
    expect(imageIntegrity(h.events()).valid).toBe(false);
  });

  it("is unknown without a successful download, or with nothing to compare against", () => {
    const failed = new SyntheticHistory();
    download(failed, 10, "cirros", A, "fail");
    expect(imageIntegrity(failed.events(), { expected: { cirros: A } }).valid).toBe("unknown");
    const h = new SyntheticHistory();
    download(h, 10, "cirros", A);
    expect(imageIntegrity(h.events()).valid).toBe("unknown");
  });

  it("is unknown for a malformed download value", () => {
    const h = new SyntheticHistory().at(0).call("glance", "download", "ok", { value: "sha" });
    expect(imageIntegrity(h.events(), { expected: { cirros: A } }).valid).toBe("unknown");
  });
});
