import type { Topology } from "../../topologies/schema.ts";
import type { FormationContext } from "../formation/context.ts";
import { formGalera } from "../formation/galera.ts";
import { formGlance } from "../formation/glance.ts";
import { formGluster } from "../formation/gluster.ts";
import { collectPrismaHealth } from "../formation/health.ts";
import { prismaHealthProblems } from "../formation/health-problems.ts";
import { formKeystone } from "../formation/keystone.ts";
import { formLb } from "../formation/lb.ts";
import { formPacemaker } from "../formation/pacemaker.ts";
import { formRabbitmq } from "../formation/rabbitmq.ts";
import { prismaStandIns } from "../formation/stand-ins.ts";
import type { PhaseRunner, TopologyKind } from "./kind.ts";

/**
 * The guide's runbooks: Galera then the load balancers, RabbitMQ, GlusterFS and the Pacemaker
 * cluster side by side, then Keystone and Glance.
 */
async function formPrisma(ctx: FormationContext, phases: PhaseRunner): Promise<void> {
  await phases.run("data plane and cluster", () =>
    Promise.all([
      phases.run("galera", () => formGalera(ctx)).then(() => phases.run("load balancers", () => formLb(ctx))),
      phases.run("rabbitmq", () => formRabbitmq(ctx)),
      phases.run("glusterfs", () => formGluster(ctx)),
      phases.run("pacemaker", () => formPacemaker(ctx)),
    ]),
  );
  await phases.run("keystone", () => formKeystone(ctx));
  await phases.run("glance", () => formGlance(ctx));
}

/** The PRISMA HA kind (INFN guide): both APIs behind Controller_VIP. */
export const prismaKind: TopologyKind<Topology> = {
  name: "prisma",
  form: formPrisma,
  collectHealth: collectPrismaHealth,
  healthProblems: prismaHealthProblems,
  standIns: prismaStandIns,
  apiRoutes: { keystone: "Controller_VIP", glance: "Controller_VIP" },
};
