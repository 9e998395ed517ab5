/** The plugin's gRPC over node:http2, called as a gRPC client calls it: one framed message each way, the status in trailers. */
import { expect } from "chai";
import * as http2 from "node:http2";
import { GRPC_STATUS, serveGrpc, type UnaryMethod } from "../../../provider/native/grpc-server";

interface Answer {
  status: string | undefined;
  message: string | undefined;
  body: Buffer;
}

function call(port: number, name: string, message: Uint8Array): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = http2.connect(`http://127.0.0.1:${port}`);
    const frame = Buffer.alloc(5 + message.length);
    frame.writeUInt32BE(message.length, 1);
    frame.set(message, 5);
    const stream = client.request({ ":method": "POST", ":path": `/${name}`, "content-type": "application/grpc", te: "trailers" });
    const chunks: Buffer[] = [];
    let status: string | undefined;
    let statusMessage: string | undefined;
    const take = (headers: http2.IncomingHttpHeaders) => {
      status ??= headers["grpc-status"] as string | undefined;
      statusMessage ??= headers["grpc-message"] as string | undefined;
    };
    stream.on("response", take);
    stream.on("trailers", take);
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("error", reject);
    stream.on("end", () => {
      client.close();
      resolve({ status, message: statusMessage, body: Buffer.concat(chunks) });
    });
    stream.end(frame);
  });
}

describe("the plugin's gRPC server", () => {
  const methods: Record<string, UnaryMethod> = {
    "test.Service/Echo": async (request) => Uint8Array.from([...request].reverse()),
    "test.Service/Fail": async () => {
      throw new Error("l'invitation a échoué: 100%");
    },
  };
  let port: number;
  let close: () => void;

  before(async () => {
    ({ port, close } = await serveGrpc(
      (name) => methods[name],
      (error) => (error instanceof Error ? error.message : String(error)),
    ));
  });
  after(() => close());

  it("answers one framed message, then status 0", async () => {
    const answer = await call(port, "test.Service/Echo", Uint8Array.from([1, 2, 3]));
    expect(answer.status).to.equal("0");
    expect([...answer.body]).to.deep.equal([0, 0, 0, 0, 3, 3, 2, 1]);
  });

  it("answers an empty message to an empty request", async () => {
    const answer = await call(port, "test.Service/Echo", new Uint8Array());
    expect(answer.status).to.equal("0");
    expect([...answer.body]).to.deep.equal([0, 0, 0, 0, 0]);
  });

  it("reports a failure as UNKNOWN with its message, percent-encoded as gRPC says", async () => {
    const answer = await call(port, "test.Service/Fail", new Uint8Array());
    expect(answer.status).to.equal(String(GRPC_STATUS.UNKNOWN));
    expect(decodeURIComponent(answer.message!)).to.equal("l'invitation a échoué: 100%");
  });

  it("answers UNIMPLEMENTED for a method it does not have, so the engine falls back", async () => {
    expect((await call(port, "pulumirpc.ResourceProvider/Handshake", new Uint8Array())).status).to.equal(String(GRPC_STATUS.UNIMPLEMENTED));
  });
});
