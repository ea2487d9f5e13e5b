export { waitFor, ConvergenceTimeoutError } from "./wait-for.ts";
export type { WaitOptions } from "./wait-for.ts";
