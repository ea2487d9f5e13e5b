export { formationContext } from "./context.ts";
export type { FormationContext } from "./context.ts";
export type { Health } from "./health.ts";
export { haPolicy, queueArguments, RABBIT_ACCOUNT } from "./rabbitmq-conf.ts";
export { KEYSTONE_ADMIN } from "./service-accounts.ts";
export { GALERA_ACCOUNTS } from "./galera-sql.ts";
export { STAND_IN_MEMBERS, CLUSTERWARE_NOTE } from "./stand-ins.ts";
