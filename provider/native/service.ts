/**
 * The native plugin's service: Pulumi's ResourceProvider protocol, each request decoded into plain
 * values for handlers.ts and the answer encoded back, by method name (grpc-server.ts carries the
 * bytes). Modelled on how @pulumi/pulumi serves a dynamic provider (cmd/dynamic-provider), with
 * what that server lacks for a native package: the schema, the provider's config (CheckConfig,
 * DiffConfig, Configure), secrets kept secret, import, functions and Construct. A method the
 * engine may call and this plugin lacks (Handshake, Parameterize, GetMapping, …) answers
 * UNIMPLEMENTED, on which the engine falls back. This module, the protocol's messages, and the
 * handlers with this package's code, zod and got, load at the first request, after the port is
 * printed: the engine waits for the port, not for them.
 */
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as plugin from "@pulumi/pulumi/proto/plugin_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import type { QoveryConnection } from "../../core";
import type { UnaryMethod } from "./grpc-server";
import type { NativeHandlers } from "./handlers";
import { conceal, revealProperties, secretKeys } from "./secrets";

type Plain = Record<string, unknown>;

const plain = (struct: Struct | undefined): Plain => revealProperties(struct?.toJavaScript() ?? {});
const structOf = (values: Plain): Struct => Struct.fromJavaScript(values as Parameters<typeof Struct.fromJavaScript>[0]);

function failuresOf(failures: { property: string; reason: string }[]): proto.CheckFailure[] {
  return failures.map((failure) => new proto.CheckFailure().setProperty(failure.property).setReason(failure.reason));
}

/**
 * How the plugin builds a component (Construct): program-side code, loaded at the first Construct,
 * reading the organization through the plugin's configured client.
 */
export type Constructor = (request: proto.ConstructRequest, connect: () => QoveryConnection) => Promise<{ urn: string; state: Struct }>;

interface Message {
  serializeBinary(): Uint8Array;
}

/** One method: how its request is decoded, and what answers it. */
function method<Q>(decode: (bytes: Uint8Array) => Q, answer: (request: Q) => Promise<Message> | Message): UnaryMethod {
  return async (bytes) => (await answer(decode(bytes))).serializeBinary();
}

const SERVICE = "pulumirpc.ResourceProvider";

/** The plugin's methods, by their gRPC name (`pulumirpc.ResourceProvider/Check`). */
export function providerMethods(version: string, constructor: () => Constructor): Record<string, UnaryMethod> {
  let loaded: NativeHandlers | undefined;
  const handlers = (): NativeHandlers => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded ??= (require("./handlers") as typeof import("./handlers")).nativeHandlers(version);
    return loaded;
  };
  /** Outputs the definition marks secret, and those whose input was given as a secret. */
  const concealed = (properties: Plain, secretInputs: string[]) =>
    structOf(conceal(properties, [...handlers().secretOutputs, ...secretInputs]));
  const secretInputsOf = (struct: Struct | undefined) => secretKeys(struct?.toJavaScript() ?? {});

  return {
    [`${SERVICE}/GetPluginInfo`]: method(Empty.deserializeBinary, () => new plugin.PluginInfo().setVersion(version)),

    [`${SERVICE}/GetSchema`]: method(proto.GetSchemaRequest.deserializeBinary, () =>
      new proto.GetSchemaResponse().setSchema(handlers().schema()),
    ),

    // Settings are checked where they are used: a bad value fails the first operation that needs the API, naming the key.
    [`${SERVICE}/CheckConfig`]: method(proto.CheckRequest.deserializeBinary, (request) =>
      new proto.CheckResponse().setInputs(request.getNews()),
    ),

    // A changed setting updates the provider in place (never a replace, which would replace every resource):
    // the engine then records the new settings, which a later refresh configures the provider with.
    [`${SERVICE}/DiffConfig`]: method(proto.DiffRequest.deserializeBinary, (request) => {
      const before = JSON.stringify(plain(request.getOldInputs() ?? request.getOlds()));
      const after = JSON.stringify(plain(request.getNews()));
      return new proto.DiffResponse().setChanges(
        before === after ? proto.DiffResponse.DiffChanges.DIFF_NONE : proto.DiffResponse.DiffChanges.DIFF_SOME,
      );
    }),

    [`${SERVICE}/Configure`]: method(proto.ConfigureRequest.deserializeBinary, (request) => {
      const args = plain(request.getArgs());
      // Older engines send only the variables, keyed `qovery-invitations:config:<key>`.
      for (const [key, value] of request.getVariablesMap().getEntryList()) {
        const name = key.slice(key.lastIndexOf(":") + 1);
        if (args[name] === undefined) args[name] = value;
      }
      handlers().configure(args);
      return new proto.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(false);
    }),

    [`${SERVICE}/Check`]: method(proto.CheckRequest.deserializeBinary, async (request) => {
      const result = await handlers().check(request.getType(), plain(request.getOlds()), plain(request.getNews()));
      return new proto.CheckResponse()
        .setInputs(structOf(conceal(result.inputs, secretInputsOf(request.getNews()))))
        .setFailuresList(failuresOf(result.failures));
    }),

    [`${SERVICE}/Diff`]: method(proto.DiffRequest.deserializeBinary, async (request) => {
      const result = await handlers().diff(request.getType(), request.getId(), plain(request.getOlds()), plain(request.getNews()));
      const changes = result.changes ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE;
      return new proto.DiffResponse()
        .setChanges(changes)
        .setReplacesList(result.replaces)
        .setDeletebeforereplace(result.deleteBeforeReplace);
    }),

    [`${SERVICE}/Create`]: method(proto.CreateRequest.deserializeBinary, async (request) => {
      const { id, properties } = await handlers().create(request.getType(), plain(request.getProperties()));
      return new proto.CreateResponse().setId(id).setProperties(concealed(properties, secretInputsOf(request.getProperties())));
    }),

    [`${SERVICE}/Read`]: method(proto.ReadRequest.deserializeBinary, async (request) => {
      const secretInputs = secretInputsOf(request.getInputs());
      const result = await handlers().read(request.getType(), request.getId(), plain(request.getProperties()), plain(request.getInputs()));
      const response = new proto.ReadResponse().setId(result.id);
      if (!result.id) return response;
      return response.setProperties(concealed(result.properties, secretInputs)).setInputs(structOf(conceal(result.inputs, secretInputs)));
    }),

    [`${SERVICE}/Update`]: method(proto.UpdateRequest.deserializeBinary, async (request) => {
      const properties = await handlers().update(request.getType(), request.getId(), plain(request.getOlds()), plain(request.getNews()));
      return new proto.UpdateResponse().setProperties(concealed(properties, secretInputsOf(request.getNews())));
    }),

    [`${SERVICE}/Delete`]: method(proto.DeleteRequest.deserializeBinary, async (request) => {
      await handlers().delete(request.getType(), request.getId(), plain(request.getProperties()));
      return new Empty();
    }),

    [`${SERVICE}/Invoke`]: method(proto.InvokeRequest.deserializeBinary, async (request) => {
      const { result, failures } = await handlers().invoke(request.getTok(), plain(request.getArgs()));
      const response = new proto.InvokeResponse().setFailuresList(failuresOf(failures));
      return result ? response.setReturn(structOf(result)) : response;
    }),

    [`${SERVICE}/Construct`]: method(proto.ConstructRequest.deserializeBinary, async (request) => {
      handlers().expectComponent(request.getType());
      const { urn, state } = await constructor()(request, handlers().connection);
      return new proto.ConstructResponse().setUrn(urn).setState(state);
    }),

    [`${SERVICE}/Cancel`]: method(Empty.deserializeBinary, () => new Empty()),
  };
}
