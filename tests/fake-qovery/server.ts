// The HTTP side of the fake (node:http only): reads each request, records it, applies the rate
// limit, faults, authentication and latency, and hands real work to handlers.ts.
//
// Order for each request, like an API behind an edge proxy:
//   rate limit (429) -> injected fault -> authentication (401) -> rights (403) -> routing -> operation.
// A fault therefore applies even to an unauthenticated request, as a gateway error would.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { classifyAuthorization, type Credentials } from "./auth";
import { ApiError, errorBody } from "./errors";
import type { FaultQueue } from "./faults";
import { handleOperation, type Answer } from "./handlers";
import type { TokenBucket } from "./rate-limit";
import { matchRoute, type Route } from "./routes";
import type { Store } from "./store";
import type { AuthorizationKind, RecordedExchange } from "./types";

const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerContext {
  store: Store;
  credentials: Credentials;
  faults: FaultQueue;
  bucket: TokenBucket | undefined;
  latencyMs: number;
  exchanges: RecordedExchange[];
  isTokenForbidden(): boolean;
  onRateLimited(): void;
}

interface AnswerWithHeaders extends Answer {
  headers?: Record<string, string>;
}

export class FakeHttpServer {
  private readonly server: Server;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closing: Promise<void> | undefined;
  private inFlight = 0;
  private peak = 0;

  constructor(private readonly context: ServerContext) {
    this.server = createServer((req, res) => this.receive(req, res));
    // A malformed request or a client that went away must never crash the fake.
    this.server.on("clientError", (_error: Error, socket: Socket) => socket.destroy());
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => {
        this.server.off("error", reject);
        const address = this.server.address();
        if (address === null || typeof address === "string") {
          reject(new Error("fake-qovery: server has no TCP address"));
          return;
        }
        resolve(address.port);
      });
    });
  }

  /** The most requests in flight at once since start / resetPeak. */
  get peakInFlight(): number {
    return this.peak;
  }

  /** Starts the high-water mark again from the requests in flight now. */
  resetPeak(): void {
    this.peak = this.inFlight;
  }

  /** Drops pending (delayed) answers and every open connection. Idempotent. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  private receive(req: IncomingMessage, res: ServerResponse): void {
    req.on("error", () => undefined);
    res.on("error", () => undefined);
    // In flight from arrival until the answer is sent or the connection is gone (reset, or the
    // client gave up), latency and delays included: what a client's concurrency limit bounds.
    this.inFlight += 1;
    this.peak = Math.max(this.peak, this.inFlight);
    res.once("close", () => {
      this.inFlight -= 1;
    });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      const bodyText = size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8");
      this.respond(req, res, bodyText);
    });
  }

  private respond(req: IncomingMessage, res: ServerResponse, bodyText: string | null): void {
    const { context } = this;
    const method = (req.method ?? "GET").toUpperCase();
    const path = (req.url ?? "/").split("?")[0]!;
    const route = matchRoute(method, path);
    const authorization = classifyAuthorization(req.headers.authorization, context.credentials);
    const exchange: RecordedExchange = {
      operation: route.kind === "operation" ? route.operation : "unknown",
      method,
      path,
      requestBody: bodyText === null ? "<body too large>" : parseForRecord(bodyText),
      status: 0,
      responseBody: undefined,
      authorization,
    };
    context.exchanges.push(exchange);

    if (context.bucket && !context.bucket.tryTake()) {
      context.onRateLimited();
      const answer = { ...error(429, "Rate limit exceeded, retry later"), headers: { "retry-after": "1" } };
      this.send(res, exchange, answer, context.latencyMs);
      return;
    }

    const fault = route.kind === "operation" ? context.faults.take(route.operation) : undefined;
    const delay = context.latencyMs + (fault?.delayMs ?? 0);
    if (fault?.reset === "before") {
      this.reset(req, exchange, delay);
      return;
    }
    if (fault?.status !== undefined && fault.reset === undefined) {
      const answer: AnswerWithHeaders = error(fault.status, `injected fault: ${fault.status}`);
      if (fault.retryAfterSeconds !== undefined) answer.headers = { "retry-after": String(fault.retryAfterSeconds) };
      this.send(res, exchange, answer, delay);
      return;
    }

    const answer =
      bodyText === null ? error(413, "request body too large") : this.answer(route, authorization, method, path, req, bodyText);
    if (fault?.reset === "after") {
      this.reset(req, exchange, delay); // applied, but the client never hears back
      return;
    }
    this.send(res, exchange, answer, delay);
  }

  private answer(
    route: Route,
    authorization: AuthorizationKind,
    method: string,
    path: string,
    req: IncomingMessage,
    bodyText: string,
  ): AnswerWithHeaders {
    // Details never contain the header's value: a token must not travel back or into a log.
    if (authorization === "none") return error(401, "Authorization header is missing");
    if (authorization === "invalid") return error(401, "Invalid or expired token");
    if (this.context.isTokenForbidden()) return error(403, "Access forbidden: the token lacks rights on this organization");
    switch (route.kind) {
      case "not-found":
        return error(404, `no route for ${method} ${path}`);
      case "method-not-allowed":
        return { ...error(405, `${method} is not allowed on ${path}`), headers: { allow: route.allowed.join(", ") } };
      case "accept-invitation":
        return error(403, "an invitation can only be accepted by the invitee with their own login");
      case "operation":
        try {
          const request = {
            operation: route.operation,
            organizationId: route.organizationId,
            bodyText,
            contentType: req.headers["content-type"],
          };
          return handleOperation(this.context.store, route.inviteId === undefined ? request : { ...request, inviteId: route.inviteId });
        } catch (thrown) {
          if (thrown instanceof ApiError) return error(thrown.status, thrown.detail);
          // A bug of the fake (e.g. a response that fails its own schema): make it loud.
          return error(500, `fake-qovery internal error: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
        }
    }
  }

  private send(res: ServerResponse, exchange: RecordedExchange, answer: AnswerWithHeaders, delayMs: number): void {
    exchange.status = answer.status;
    exchange.responseBody = answer.body;
    const payload = answer.body === undefined ? "" : JSON.stringify(answer.body);
    const headers: Record<string, string | number> = { ...answer.headers, "content-length": Buffer.byteLength(payload) };
    if (payload !== "") headers["content-type"] = "application/json";
    this.later(delayMs, () => {
      if (res.destroyed) return; // the client gave up (e.g. its timeout) while we waited
      res.writeHead(answer.status, headers);
      res.end(payload);
    });
  }

  /** No response at all: a TCP reset, as when a proxy or the network drops the connection. */
  private reset(req: IncomingMessage, exchange: RecordedExchange, delayMs: number): void {
    exchange.status = 0;
    exchange.responseBody = undefined;
    this.later(delayMs, () => {
      if (!req.socket.destroyed) req.socket.resetAndDestroy();
    });
  }

  private later(delayMs: number, action: () => void): void {
    if (delayMs <= 0) {
      action();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, delayMs);
    this.timers.add(timer);
  }
}

function error(status: number, detail: string): AnswerWithHeaders {
  return { status, body: errorBody(status, detail) };
}

function parseForRecord(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
