// The allowed arrows of DESIGN.md ("Dependencies point one way"), checked by `npm run lint` in CI.
// Paths are relative to the cruise's base directory (the repository root, or a fixture tree in
// harness/layering/layering.test.ts), so every regex is anchored at ^. Folders that do not exist yet
// (site, transport, power, observe) are named anyway: the rules apply as soon as they appear.
// Test files (*.test.ts) are in the graph and follow the rules of the folder they sit in.

/** A module of the harness folder `name` (a regex alternation of folder names). */
const harness = (name) => `^harness/(${name})/`;

/** An npm package (or its @types), resolved under node_modules or left unresolved by name. */
const pkg = (name) => `(^|/)node_modules/(@types/)?(${name})/|^(${name})(/|$)`;

/** Folders that act on the world: a pure module imports none of them. */
const EFFECTFUL = "engine|transport|power|site|kinds|formation|observe|faults|probes|run|report|cli";

/** The layers that use a site: nothing a site is made of imports them. */
const UPWARD = "faults|probes|observe|kinds|formation|run|report|cli";

/** Packages that reach processes, containers or the network. */
const EFFECTFUL_PACKAGES = "dockerode|testcontainers|ssh2|mysql2|amqplib|axios";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "harness-not-to-scenarios",
      comment: "Nothing under harness/ imports scenarios/: scenarios are leaves that use the harness's vocabulary.",
      severity: "error",
      from: { path: "^harness/" },
      to: { path: "^scenarios/" },
    },
    {
      name: "scenarios-not-to-cli",
      comment: "Scenarios never import harness/cli: the same spec runs whichever way it was started.",
      severity: "error",
      from: { path: "^scenarios/" },
      to: { path: harness("cli") },
    },
    {
      name: "scenarios-not-to-engine",
      comment: "A scenario does not know how its site was reached (containers or SSH): it types it as a Site, never the engine's RunningTopology.",
      severity: "error",
      from: { path: "^scenarios/" },
      to: { path: harness("engine") },
    },
    {
      name: "run-not-to-cli",
      comment: "harness/run never imports harness/cli: the CLI drives the runner, not the other way round.",
      severity: "error",
      from: { path: harness("run") },
      to: { path: harness("cli") },
    },
    {
      name: "only-cli-imports-cli",
      comment: "Only harness/cli itself and bench/ (a command of its own) import harness/cli. scenarios/ and harness/run have their own, more specific rules above.",
      severity: "error",
      from: { pathNot: `^(harness/(cli|run)|bench|scenarios)/` },
      to: { path: harness("cli") },
    },
    {
      name: "pure-not-to-effectful-layers",
      comment: "harness/checks, harness/requirements and topologies/ are pure (unit-tested with no Docker): they import no layer that acts on the world.",
      severity: "error",
      from: { path: `^(harness/(checks|requirements)|topologies)/` },
      to: { path: harness(EFFECTFUL) },
    },
    {
      name: "pure-not-to-effectful-packages",
      comment: "harness/checks, harness/requirements and topologies/ are pure: no child processes, Docker, SSH, database, broker or HTTP clients.",
      severity: "error",
      from: { path: `^(harness/(checks|requirements)|topologies)/` },
      to: { path: `^(node:)?child_process$|${pkg(EFFECTFUL_PACKAGES)}` },
    },
    {
      name: "only-engine-transport-power-to-docker",
      comment: "Only harness/engine and the docker transport/power talk to Docker (testcontainers, and dockerode where testcontainers has no method). The pure folders have their own rule above.",
      severity: "error",
      from: { pathNot: `^(harness/(engine|transport|power|checks|requirements)|topologies)/` },
      to: { path: pkg("dockerode|testcontainers") },
    },
    {
      name: "only-transport-to-ssh",
      comment: "Only harness/transport opens SSH connections. The pure folders have their own rule above.",
      severity: "error",
      from: { pathNot: `^(harness/(transport|checks|requirements)|topologies)/` },
      to: { path: pkg("ssh2") },
    },
    {
      name: "only-report-to-allure",
      comment: "Only harness/report knows Allure (vitest.config.ts's allure-vitest setup and reporter excepted).",
      severity: "error",
      from: { pathNot: `^harness/report/|^vitest\\.config\\.ts$` },
      to: { path: pkg("allure-[^/]+") },
    },
    {
      name: "engine-is-bottom",
      comment: "harness/engine imports nothing of haproof above it: only the topology data, validation, the wait helper, transport and power, and its own files.",
      severity: "error",
      from: { path: harness("engine") },
      to: {
        path: "^(harness|scenarios|tests|bench)/",
        pathNot: `^(harness/(engine|transport|power|validation|wait)|topologies)/`,
      },
    },
    {
      name: "observe-not-to-formation",
      comment: "formation -> observe is the arrow: the read-only status readers never import the bring-up runbooks or the kind strategies.",
      severity: "error",
      from: { path: harness("observe") },
      to: { path: harness("formation|kinds") },
    },
    {
      name: "faults-probes-observe-not-to-engine",
      comment: "Faults, probes and observers reach hosts through harness/site (Host and Power), never through the Docker engine: a scenario does not know how its site was reached.",
      severity: "error",
      from: { path: harness("faults|probes|observe") },
      to: { path: harness("engine") },
    },
    {
      name: "site-not-upward",
      comment: "site -> transport | power: a running site knows its hosts and power, not the faults, probes, observers or runbooks that use it.",
      severity: "error",
      from: { path: harness("site") },
      to: { path: harness(UPWARD) },
    },
    {
      name: "transport-power-not-upward",
      comment: "Host and Power implementations are the bottom of the site: they import no site and nothing that uses one.",
      severity: "error",
      from: { path: harness("transport|power") },
      to: { path: harness(`site|${UPWARD}`) },
    },
    {
      name: "run-only-from-cli-and-specs",
      comment:
        "cli -> run -> the vocabulary: below the runner only harness/cli, scenarios/, tests/ and bench/ import harness/run. The layers with a rule of their own above (engine, the pure folders, site, transport, power) report it there.",
      severity: "error",
      from: { path: "^harness/", pathNot: `^(harness/(run|cli|engine|checks|requirements|site|transport|power)|topologies)/` },
      to: { path: harness("run") },
    },
    {
      name: "checks-only-to-history",
      comment: "checks -> history: a check reads the history (and validation, and its own folder), nothing else of haproof.",
      severity: "error",
      from: { path: harness("checks") },
      to: {
        path: "^(harness|scenarios|tests|bench|topologies)/",
        // The effectful layers are the pure rule's to report, once.
        pathNot: harness(`checks|history|validation|${EFFECTFUL}`),
      },
    },
    {
      name: "no-circular",
      comment: "No import cycles (type-only imports excepted: they vanish at runtime and cannot misorder module loading).",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    // Type-only imports couple layers as much as value imports do, so they are in the graph.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "(^|/)node_modules/" },
    // The layering test's fixtures break the rules on purpose; that test cruises them on their own.
    exclude: { path: "(^|/)harness/layering/fixtures/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
