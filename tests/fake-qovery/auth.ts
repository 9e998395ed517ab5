// Credentials of the fake and classification of the Authorization header.
// Qovery takes one header with two schemes: `Token <organization API token>` and
// `Bearer <JWT>` (docs/qovery-api.md). A value is only accepted with its own scheme.
import { randomBytes } from "node:crypto";
import type { AuthorizationKind } from "./types";

export function randomApiToken(): string {
  return `qov_fake_${randomBytes(20).toString("hex")}`;
}

/** Three base64url parts joined by dots, like a real (HS256) JWT; nothing verifies it. */
export function randomJwt(): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  const issuedAt = Math.floor(Date.now() / 1000);
  return [
    part({ alg: "HS256", typ: "JWT" }),
    part({ iss: "fake-qovery", sub: "github|1000", iat: issuedAt, exp: issuedAt + 3600 }),
    randomBytes(32).toString("base64url"),
  ].join(".");
}

export interface Credentials {
  apiToken: string;
  jwt: string;
  apiTokenRevoked: boolean;
}

/** "none" when the header is absent; "invalid" for anything not exactly one accepted pair. */
export function classifyAuthorization(header: string | undefined, credentials: Credentials): AuthorizationKind {
  if (header === undefined || header.trim() === "") return "none";
  const match = /^(\S+)\s+(\S+)\s*$/.exec(header.trim());
  if (!match) return "invalid";
  const scheme = match[1]!.toLowerCase(); // auth schemes are case-insensitive (RFC 9110)
  const value = match[2]!;
  if (scheme === "token" && value === credentials.apiToken && !credentials.apiTokenRevoked) return "Token";
  if (scheme === "bearer" && value === credentials.jwt) return "Bearer";
  return "invalid";
}
