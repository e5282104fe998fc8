/** Request/response shapes between the HTTP front door and the handlers. */
import { restErrorBody } from "./errors.js";
import type { SfError } from "./errors.js";

export interface SfRequest {
  readonly method: string;
  /** Path after `/services/data/vXX.X/`, still percent-encoded, no leading slash. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** "60.0" */
  readonly version: string;
  /** `http://<Host>` — the instance URL we advertise. */
  readonly origin: string;
}

export interface SfResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

export const JSON_TYPE = "application/json;charset=UTF-8";

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): SfResponse => ({
  status, headers: { "Content-Type": JSON_TYPE, ...headers }, body: JSON.stringify(body),
});

export const noContent = (): SfResponse => ({ status: 204, headers: {} });

export const errorResponse = (e: SfError): SfResponse => ({
  status: e.status, headers: { "Content-Type": JSON_TYPE }, body: restErrorBody(e),
});

/** Body as text (JSON endpoints). */
export const bodyText = (req: SfRequest): string => req.body.toString("utf8");
