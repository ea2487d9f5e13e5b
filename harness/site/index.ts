export type { Site } from "./site.ts";
export type { SiteView } from "./site-view.ts";
