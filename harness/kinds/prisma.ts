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
 * The guide's runbooks: Galera then the load balancers, RabbitMQ, GlusterFS and the Pacemaker cluster side by
 * side; Keystone as soon as the DB VIP and the cluster are up (it needs neither RabbitMQ nor GlusterFS), then
 * Glance, which needs them all.
 */
async function formPrisma(ctx: FormationContext, phases: PhaseRunner): Promise<void> {
  await phases.run("data plane and cluster, and keystone", () => {
    const db = phases.run("galera", () => formGalera(ctx)).then(() => phases.run("load balancers", () => formLb(ctx)));
    const cluster = phases.run("pacemaker", () => formPacemaker(ctx));
    const keystone = Promise.all([db, cluster]).then(() => phases.run("keystone", () => formKeystone(ctx)));
    return Promise.all([keystone, phases.run("rabbitmq", () => formRabbitmq(ctx)), phases.run("glusterfs", () => formGluster(ctx))]);
  });
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
