import { describe, expect, it } from "vitest";
import { RUN_OPTIONS_ENV, runOptions, runOptionsEnv } from "./run-options.ts";

describe("run options handed from the CLI to the vitest worker", () => {
  it("round-trips through the one environment entry, parsed by the same schema", () => {
    const env = runOptionsEnv({ topology: "clusterware", sets: ["galera.mode=multi-writer"], keep: true, chaos: { maxOutageMs: 90_000 } });
    expect(Object.keys(env)).toEqual([RUN_OPTIONS_ENV]);
    expect(runOptions(env)).toEqual({ topology: "clusterware", sets: ["galera.mode=multi-writer"], mutations: [], keep: true, oneScenario: false, chaos: { maxOutageMs: 90_000 } });
  });

  it("rejects a malformed --set, an unknown mutation and an unknown field on either side", () => {
    expect(() => runOptionsEnv({ sets: ["nonsense"] })).toThrow(/path=value/);
    expect(() => runOptionsEnv({ mutations: ["no-such"] })).toThrow(/unknown mutation/);
    expect(() => runOptions({ [RUN_OPTIONS_ENV]: JSON.stringify({ topolgy: "prisma" }) })).toThrow(/topolgy/);
  });

  it("defaults a plain npm test, honouring the user's HAPROOF_KEEP=1 only there", () => {
    expect(runOptions({})).toMatchObject({ keep: false, oneScenario: false, sets: [], mutations: [] });
    expect(runOptions({ HAPROOF_KEEP: "1" }).keep).toBe(true);
    expect(runOptions({ HAPROOF_KEEP: "1", ...runOptionsEnv({}) }).keep).toBe(false);
  });
});
