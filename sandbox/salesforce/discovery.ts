/** `GET /services/data` (versions) and `GET /services/data/vXX.X` (resource map). */
import { json } from "./http-types.js";
import type { SfResponse } from "./http-types.js";

export const MIN_VERSION = 41;
export const MAX_VERSION = 62;

/** "Spring '24" for 60.0: three releases a year, Winter named after the next year. */
export function releaseLabel(major: number): string {
  const offset = major - 60;
  const season = ["Spring", "Summer", "Winter"][((offset % 3) + 3) % 3] ?? "Spring";
  return `${season} '${24 + Math.floor((offset + 1) / 3)}`;
}

export function handleVersions(): SfResponse {
  const list = [];
  for (let v = MIN_VERSION; v <= MAX_VERSION; v++) list.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
  return json(200, list);
}

const RESOURCES = [
  "tooling", "metadata", "eclair", "folders", "prechatForms", "contact-tracing", "domino", "async-queries", "query", "jobs",
  "serviceTemplates", "recent", "connect", "licensing", "limits", "process", "dedupe", "async-queries", "queryAll",
  "sobjects", "actions", "support", "search", "composite", "parameterizedSearch", "tabs", "theme", "consent", "apps", "quickActions",
];

export function handleResources(version: string, identityUrl: string): SfResponse {
  const map: Record<string, string> = {};
  for (const r of RESOURCES) map[r] = `/services/data/v${version}/${r}`;
  map.identity = identityUrl;
  return json(200, map);
}
