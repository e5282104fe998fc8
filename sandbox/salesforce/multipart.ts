/**
 * `multipart/form-data` inserts (ContentVersion with a binary VersionData part). The JSON part
 * may have any name (jsforce names it after the sObject, the sf CLI `entity_content`); every
 * other file part becomes the base64 value of the field it is named after.
 */
import { jsonParserError } from "./errors.js";

export async function parseMultipartRecord(body: Buffer, contentType: string): Promise<Record<string, unknown>> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw jsonParserError("Unable to parse the multipart/form-data request body");
  }
  let record: Record<string, unknown> | undefined;
  const files: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" || value.type.startsWith("application/json")) {
      const text = typeof value === "string" ? value : await value.text();
      try {
        const parsed = JSON.parse(text) as unknown;
        if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) record = parsed as Record<string, unknown>;
      } catch {
        throw jsonParserError(`Unexpected character in the '${name}' part`);
      }
    } else {
      files[name] = Buffer.from(await value.arrayBuffer()).toString("base64");
    }
  }
  if (!record) throw jsonParserError("No JSON entity part found in the multipart request");
  return { ...record, ...files };
}
