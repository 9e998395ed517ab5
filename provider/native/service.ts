/**
 * The native plugin's gRPC service: Pulumi's ResourceProvider protocol, each request turned into
 * plain values for handlers.ts and the answer turned back. Modelled on how @pulumi/pulumi serves a
 * dynamic provider (cmd/dynamic-provider), with what that server lacks for a native package: the
 * schema, the provider's config (CheckConfig, DiffConfig, Configure), secrets kept secret, import,
 * and functions. The handlers, and with them this package's code, zod and got, load at the first
 * request, after the port is printed: the engine waits for the port, not for them.
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as plugin from "@pulumi/pulumi/proto/plugin_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import type { NativeHandlers } from "./handlers";
import { conceal, revealProperties, secretKeys } from "./secrets";

type Plain = Record<string, unknown>;
type Callback<T> = grpc.sendUnaryData<T>;

const plain = (struct: Struct | undefined): Plain => revealProperties((struct?.toJavaScript() ?? {}) as Plain);
const structOf = (values: Plain): Struct => Struct.fromJavaScript(values as Parameters<typeof Struct.fromJavaScript>[0]);

function failuresOf(failures: { property: string; reason: string }[]): proto.CheckFailure[] {
  return failures.map((failure) => new proto.CheckFailure().setProperty(failure.property).setReason(failure.reason));
}

/** A failed request, as the engine shows it: the message alone (it never holds the token). */
function grpcError(error: unknown): grpc.ServiceError {
  // Loaded here, not at the top: the package loads at the first request, after the port is printed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { messageOf } = require("../../core") as typeof import("../../core");
  const message = messageOf(error);
  return { name: "ServiceError", message, code: grpc.status.UNKNOWN, details: message, metadata: new grpc.Metadata() };
}

/** Runs a request's handler, answering with its value or its error. */
function answer<T>(callback: Callback<T>, work: () => Promise<T> | T): void {
  Promise.resolve()
    .then(work)
    .then(
      (value) => callback(null, value),
      (error: unknown) => callback(grpcError(error)),
    );
}

/** How the plugin builds a component (Construct): program-side code, loaded at the first Construct. */
export type Constructor = (request: proto.ConstructRequest) => Promise<{ urn: string; state: Struct }>;

export function providerService(version: string, constructor: () => Constructor): grpc.UntypedServiceImplementation {
  let loaded: NativeHandlers | undefined;
  const handlers = (): NativeHandlers => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded ??= (require("./handlers") as typeof import("./handlers")).nativeHandlers(version);
    return loaded;
  };
  /** Outputs the definition marks secret, and those whose input was given as a secret. */
  const concealed = (properties: Plain, secretInputs: string[]) =>
    structOf(conceal(properties, [...handlers().secretOutputs, ...secretInputs]));
  const secretInputsOf = (struct: Struct | undefined) => secretKeys((struct?.toJavaScript() ?? {}) as Plain);

  return {
    getPluginInfo(_call: grpc.ServerUnaryCall<Empty, plugin.PluginInfo>, callback: Callback<plugin.PluginInfo>) {
      callback(null, new plugin.PluginInfo().setVersion(version));
    },

    getSchema(_call: grpc.ServerUnaryCall<proto.GetSchemaRequest, proto.GetSchemaResponse>, callback: Callback<proto.GetSchemaResponse>) {
      answer(callback, () => new proto.GetSchemaResponse().setSchema(handlers().schema()));
    },

    checkConfig(call: grpc.ServerUnaryCall<proto.CheckRequest, proto.CheckResponse>, callback: Callback<proto.CheckResponse>) {
      // Settings are checked where they are used: a bad value fails the first operation that needs the API, naming the key.
      callback(null, new proto.CheckResponse().setInputs(call.request.getNews()));
    },

    diffConfig(call: grpc.ServerUnaryCall<proto.DiffRequest, proto.DiffResponse>, callback: Callback<proto.DiffResponse>) {
      // A changed setting updates the provider in place (never a replace, which would replace every resource):
      // the engine then records the new settings, which a later refresh configures the provider with.
      const before = JSON.stringify(plain(call.request.getOldInputs() ?? call.request.getOlds()));
      const after = JSON.stringify(plain(call.request.getNews()));
      const changes = before === after ? proto.DiffResponse.DiffChanges.DIFF_NONE : proto.DiffResponse.DiffChanges.DIFF_SOME;
      callback(null, new proto.DiffResponse().setChanges(changes));
    },

    configure(call: grpc.ServerUnaryCall<proto.ConfigureRequest, proto.ConfigureResponse>, callback: Callback<proto.ConfigureResponse>) {
      answer(callback, () => {
        const args = plain(call.request.getArgs());
        // Older engines send only the variables, keyed `qovery-invitations:config:<key>`.
        for (const [key, value] of call.request.getVariablesMap().getEntryList()) {
          const name = key.slice(key.lastIndexOf(":") + 1);
          if (args[name] === undefined) args[name] = value;
        }
        handlers().configure(args);
        return new proto.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(false);
      });
    },

    check(call: grpc.ServerUnaryCall<proto.CheckRequest, proto.CheckResponse>, callback: Callback<proto.CheckResponse>) {
      answer(callback, async () => {
        const request = call.request;
        const result = await handlers().check(request.getType(), plain(request.getOlds()), plain(request.getNews()));
        return new proto.CheckResponse()
          .setInputs(structOf(conceal(result.inputs, secretInputsOf(request.getNews()))))
          .setFailuresList(failuresOf(result.failures));
      });
    },

    diff(call: grpc.ServerUnaryCall<proto.DiffRequest, proto.DiffResponse>, callback: Callback<proto.DiffResponse>) {
      answer(callback, async () => {
        const request = call.request;
        const result = await handlers().diff(request.getType(), request.getId(), plain(request.getOlds()), plain(request.getNews()));
        const changes = result.changes ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE;
        return new proto.DiffResponse()
          .setChanges(changes)
          .setReplacesList(result.replaces)
          .setDeletebeforereplace(result.deleteBeforeReplace);
      });
    },

    create(call: grpc.ServerUnaryCall<proto.CreateRequest, proto.CreateResponse>, callback: Callback<proto.CreateResponse>) {
      answer(callback, async () => {
        const request = call.request;
        const { id, properties } = await handlers().create(request.getType(), plain(request.getProperties()));
        return new proto.CreateResponse().setId(id).setProperties(concealed(properties, secretInputsOf(request.getProperties())));
      });
    },

    read(call: grpc.ServerUnaryCall<proto.ReadRequest, proto.ReadResponse>, callback: Callback<proto.ReadResponse>) {
      answer(callback, async () => {
        const request = call.request;
        const secretInputs = secretInputsOf(request.getInputs());
        const result = await handlers().read(
          request.getType(),
          request.getId(),
          plain(request.getProperties()),
          plain(request.getInputs()),
        );
        const response = new proto.ReadResponse().setId(result.id);
        if (!result.id) return response;
        return response.setProperties(concealed(result.properties, secretInputs)).setInputs(structOf(conceal(result.inputs, secretInputs)));
      });
    },

    update(call: grpc.ServerUnaryCall<proto.UpdateRequest, proto.UpdateResponse>, callback: Callback<proto.UpdateResponse>) {
      answer(callback, async () => {
        const request = call.request;
        const properties = await handlers().update(request.getType(), request.getId(), plain(request.getOlds()), plain(request.getNews()));
        return new proto.UpdateResponse().setProperties(concealed(properties, secretInputsOf(request.getNews())));
      });
    },

    delete(call: grpc.ServerUnaryCall<proto.DeleteRequest, Empty>, callback: Callback<Empty>) {
      answer(callback, async () => {
        const request = call.request;
        await handlers().delete(request.getType(), request.getId(), plain(request.getProperties()));
        return new Empty();
      });
    },

    invoke(call: grpc.ServerUnaryCall<proto.InvokeRequest, proto.InvokeResponse>, callback: Callback<proto.InvokeResponse>) {
      answer(callback, async () => {
        const { result, failures } = await handlers().invoke(call.request.getTok(), plain(call.request.getArgs()));
        const response = new proto.InvokeResponse().setFailuresList(failuresOf(failures));
        return result ? response.setReturn(structOf(result)) : response;
      });
    },

    construct(call: grpc.ServerUnaryCall<proto.ConstructRequest, proto.ConstructResponse>, callback: Callback<proto.ConstructResponse>) {
      answer(callback, async () => {
        handlers().expectComponent(call.request.getType());
        const { urn, state } = await constructor()(call.request);
        return new proto.ConstructResponse().setUrn(urn).setState(state);
      });
    },

    cancel(_call: grpc.ServerUnaryCall<Empty, Empty>, callback: Callback<Empty>) {
      callback(null, new Empty());
    },
  };
}
