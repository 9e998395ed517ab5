/**
 * The few lines of gRPC the plugin needs, over Node's own HTTP/2: unary calls only, no
 * compression, no TLS, one client (the engine, on 127.0.0.1). A call is a POST to
 * `/<service>/<Method>` whose body is one message, framed as a compression flag (0) and a 4-byte
 * big-endian length; the answer is one framed message then the trailer `grpc-status: 0`, or the
 * trailers alone with the status and its message on failure.
 *
 * Why not @grpc/grpc-js: loading it takes longer than all the rest of the plugin's start-up
 * (about 120 ms on an idle machine, 300 under load), and the engine waits for the plugin's port.
 * Nothing is loaded here but node:http2.
 */
import * as http2 from "node:http2";

/** The gRPC status codes the plugin answers with. */
export const GRPC_STATUS = { OK: 0, UNKNOWN: 2, UNIMPLEMENTED: 12 } as const;

/** A method's work: the request's bytes in, the response's bytes out. */
export type UnaryMethod = (request: Uint8Array) => Promise<Uint8Array>;

const FRAME_HEADER_BYTES = 5;

function framed(message: Uint8Array): Buffer {
  const frame = Buffer.alloc(FRAME_HEADER_BYTES + message.length);
  frame.writeUInt32BE(message.length, 1);
  frame.set(message, FRAME_HEADER_BYTES);
  return frame;
}

function unframed(body: Buffer): Uint8Array {
  if (body.length < FRAME_HEADER_BYTES) return new Uint8Array();
  return body.subarray(FRAME_HEADER_BYTES, FRAME_HEADER_BYTES + body.readUInt32BE(1));
}

/** gRPC's percent-encoding of a status message (its trailer must be printable ASCII). */
function statusMessage(message: string): string {
  return Buffer.from(message, "utf8").reduce(
    (text, byte) =>
      text +
      (byte >= 0x20 && byte <= 0x7e && byte !== 0x25 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`),
    "",
  );
}

function answerWithStatus(stream: http2.ServerHttp2Stream, status: number, message: string): void {
  if (stream.destroyed) return;
  stream.respond(
    { ":status": 200, "content-type": "application/grpc", "grpc-status": String(status), "grpc-message": statusMessage(message) },
    { endStream: true },
  );
}

function answerWithMessage(stream: http2.ServerHttp2Stream, message: Uint8Array): void {
  if (stream.destroyed) return;
  stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
  stream.once("wantTrailers", () => stream.sendTrailers({ "grpc-status": String(GRPC_STATUS.OK) }));
  stream.end(framed(message));
}

/**
 * Serves `methodOf(name)` for each call on 127.0.0.1 and resolves with the port (and a way to
 * stop). `describe` turns a failure into its message (it must never hold a secret).
 */
export function serveGrpc(
  methodOf: (name: string) => UnaryMethod | undefined,
  describe: (error: unknown) => string,
): Promise<{ port: number; close(): void }> {
  const server = http2.createServer();
  server.on("stream", (stream, headers) => {
    const name = String(headers[":path"] ?? "").slice(1);
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("error", () => undefined); // the engine hung up: nothing left to answer
    stream.on("end", () => {
      const method = methodOf(name);
      if (!method) return answerWithStatus(stream, GRPC_STATUS.UNIMPLEMENTED, `${name} is not implemented by this plugin`);
      method(unframed(Buffer.concat(chunks))).then(
        (response) => answerWithMessage(stream, response),
        (error: unknown) => answerWithStatus(stream, GRPC_STATUS.UNKNOWN, describe(error)),
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ port: typeof address === "object" && address ? address.port : 0, close: () => server.close() });
    });
  });
}
