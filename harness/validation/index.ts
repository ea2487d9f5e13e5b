export { issueLines, issuePath, parseJsonWith } from "./json.ts";
export type { Parsed } from "./json.ts";
