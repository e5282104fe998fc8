/** `/_sandbox/settings`: read (GET) or change (POST) org settings — edition and attachment size limit. */
import type { DvResponse } from "./context.js";
import { isEdition } from "./org-settings.js";
import type { Store } from "./store.js";

const json = (status: number, body: unknown): DvResponse => ({
  status, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
});

export function handleSettings(store: Store, method: string, body: unknown): DvResponse {
  if (method === "POST") {
    const p = (body ?? {}) as { edition?: unknown; maxUploadFileSize?: unknown };
    if (p.edition !== undefined && !isEdition(p.edition)) return json(400, { error: "edition must be \"enterprise\" or \"sales-professional\"" });
    if (p.maxUploadFileSize !== undefined && !(Number.isInteger(p.maxUploadFileSize) && Number(p.maxUploadFileSize) > 0)) {
      return json(400, { error: "maxUploadFileSize must be a positive integer (bytes)" });
    }
    store.settings = {
      ...store.settings,
      ...(p.edition !== undefined ? { edition: p.edition } : {}),
      ...(p.maxUploadFileSize !== undefined ? { maxUploadFileSize: Number(p.maxUploadFileSize) } : {}),
    };
    store.touchSchema();
  }
  return json(200, store.settings);
}
