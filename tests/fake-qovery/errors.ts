// Qovery-style error answers: `{"status": <n>, "error": "<reason phrase>", "detail": "<message>"}`.
import { STATUS_CODES } from "node:http";
import type { ErrorBody } from "./schemas";

/** Thrown by handlers and the store to answer a request with an error status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${status} ${detail}`);
    this.name = "ApiError";
  }
}

export function errorBody(status: number, detail: string): ErrorBody {
  return { status, error: STATUS_CODES[status] ?? "Error", detail };
}
