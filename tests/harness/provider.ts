/**
 * gRPC client of the plugin's ResourceProvider service, doing what the engine's provider client
 * (sdk/go/common/resource/plugin/provider_plugin.go) does around each call: marshal properties
 * for the capabilities the provider announced in Configure, and copy secretness from inputs
 * back onto what the provider returns when it does not accept secrets.
 */
import * as grpc from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import {
  annotateSecrets,
  forProvider,
  fromStruct,
  makeSecret,
  toStruct,
  type KeyChange,
  type PropertyMap,
  type ProviderCapabilities,
} from "./properties";

export interface ResourceRef {
  urn: string;
  name: string;
  type: string;
}

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckResult {
  inputs: PropertyMap;
  failures: CheckFailure[];
}

export interface DiffResult {
  changes: "some" | "none" | "unknown";
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Changed properties the provider named (DiffResponse.diffs and detailedDiff). */
  diffs: KeyChange[];
}

export interface ReadResult {
  /** Empty when the resource no longer exists. */
  id: string;
  outputs: PropertyMap;
  /** Inputs the provider returned, if any. */
  inputs?: PropertyMap;
}

type Callback<Res> = (error: grpc.ServiceError | null, response: Res) => void;

const DIFF_CHANGES: Record<number, DiffResult["changes"]> = {
  [provproto.DiffResponse.DiffChanges.DIFF_UNKNOWN]: "unknown",
  [provproto.DiffResponse.DiffChanges.DIFF_NONE]: "none",
  [provproto.DiffResponse.DiffChanges.DIFF_SOME]: "some",
};

function propertyDiffKind(kind: provproto.PropertyDiff.Kind): KeyChange["kind"] {
  const { ADD, ADD_REPLACE, DELETE, DELETE_REPLACE } = provproto.PropertyDiff.Kind;
  if (kind === ADD || kind === ADD_REPLACE) return "add";
  if (kind === DELETE || kind === DELETE_REPLACE) return "delete";
  return "update";
}

export class ProviderClient {
  private readonly client: provrpc.ResourceProviderClient;
  // What the engine assumes until Configure answers.
  private caps: ProviderCapabilities = { acceptSecrets: false, acceptResources: false };

  constructor(address: string) {
    this.client = new provrpc.ResourceProviderClient(address, grpc.credentials.createInsecure());
  }

  private call<Res>(send: (callback: Callback<Res>) => unknown): Promise<Res> {
    return new Promise((resolve, reject) => {
      send((error, response) => {
        // The plugin's own message is in `details`; `message` prefixes the gRPC status.
        if (error) reject(new Error(error.details || error.message));
        else resolve(response);
      });
    });
  }

  private marshal(props: PropertyMap) {
    return toStruct(forProvider(props, this.caps));
  }

  /**
   * Sends the stack config the way the engine configures the dynamic provider: every key
   * namespaced, values as strings, secret keys wrapped as secrets in `args`, and the engine's
   * acceptSecrets/acceptResources flags set.
   */
  async configure(provider: ResourceRef, config: Record<string, string>, secretKeys: readonly string[]): Promise<void> {
    const request = new provproto.ConfigureRequest();
    const args: PropertyMap = {};
    for (const [key, value] of Object.entries(config)) {
      request.getVariablesMap().set(key, value);
      args[key] = secretKeys.includes(key) ? makeSecret(value) : value;
    }
    request.setArgs(toStruct(args));
    request.setAcceptsecrets(true);
    request.setAcceptresources(true);
    request.setSendsOldInputs(true);
    request.setSendsOldInputsToDelete(true);
    request.setUrn(provider.urn);
    request.setName(provider.name);
    request.setType(provider.type);
    const response = await this.call<provproto.ConfigureResponse>((callback) => this.client.configure(request, callback));
    this.caps = { acceptSecrets: response.getAcceptsecrets(), acceptResources: response.getAcceptresources() };
  }

  async check(ref: ResourceRef, olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
    const request = new provproto.CheckRequest();
    request.setUrn(ref.urn).setName(ref.name).setType(ref.type);
    request.setOlds(this.marshal(olds)).setNews(this.marshal(news));
    const response = await this.call<provproto.CheckResponse>((callback) => this.client.check(request, callback));
    const inputs = fromStruct(response.getInputs());
    return {
      inputs: this.caps.acceptSecrets ? inputs : annotateSecrets(inputs, news),
      failures: response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  async diff(ref: ResourceRef, id: string, oldInputs: PropertyMap, oldOutputs: PropertyMap, news: PropertyMap): Promise<DiffResult> {
    const request = new provproto.DiffRequest();
    request.setId(id).setUrn(ref.urn).setName(ref.name).setType(ref.type);
    request.setOlds(this.marshal(oldOutputs)).setOldInputs(this.marshal(oldInputs)).setNews(this.marshal(news));
    const response = await this.call<provproto.DiffResponse>((callback) => this.client.diff(request, callback));
    const diffs: KeyChange[] = response.getDiffsList().map((key) => ({ key, kind: "update" }));
    for (const [key, detail] of response.getDetaileddiffMap().entries()) {
      if (!diffs.some((d) => d.key === key)) diffs.push({ key, kind: propertyDiffKind(detail.getKind()) });
    }
    return {
      changes: DIFF_CHANGES[response.getChanges()] ?? "unknown",
      replaces: response.getReplacesList(),
      deleteBeforeReplace: response.getDeletebeforereplace(),
      diffs,
    };
  }

  async create(ref: ResourceRef, inputs: PropertyMap): Promise<{ id: string; outputs: PropertyMap }> {
    const request = new provproto.CreateRequest();
    request.setUrn(ref.urn).setName(ref.name).setType(ref.type);
    request.setProperties(this.marshal(inputs)).setPreview(false);
    const response = await this.call<provproto.CreateResponse>((callback) => this.client.create(request, callback));
    const outputs = fromStruct(response.getProperties());
    return { id: response.getId(), outputs: this.caps.acceptSecrets ? outputs : annotateSecrets(outputs, inputs) };
  }

  async update(ref: ResourceRef, id: string, oldInputs: PropertyMap, oldOutputs: PropertyMap, news: PropertyMap): Promise<PropertyMap> {
    const request = new provproto.UpdateRequest();
    request.setId(id).setUrn(ref.urn).setName(ref.name).setType(ref.type).setPreview(false);
    request.setOlds(this.marshal(oldOutputs)).setOldInputs(this.marshal(oldInputs)).setNews(this.marshal(news));
    const response = await this.call<provproto.UpdateResponse>((callback) => this.client.update(request, callback));
    const outputs = fromStruct(response.getProperties());
    return this.caps.acceptSecrets ? outputs : annotateSecrets(outputs, news);
  }

  async delete(ref: ResourceRef, id: string, oldInputs: PropertyMap, oldOutputs: PropertyMap): Promise<void> {
    const request = new provproto.DeleteRequest();
    request.setId(id).setUrn(ref.urn).setName(ref.name).setType(ref.type);
    request.setProperties(this.marshal(oldOutputs)).setOldInputs(this.marshal(oldInputs));
    await this.call<unknown>((callback) => this.client.delete(request, callback));
  }

  async read(ref: ResourceRef, id: string, oldInputs: PropertyMap, oldOutputs: PropertyMap): Promise<ReadResult> {
    const request = new provproto.ReadRequest();
    request.setId(id).setUrn(ref.urn).setName(ref.name).setType(ref.type);
    request.setProperties(this.marshal(oldOutputs)).setInputs(this.marshal(oldInputs));
    const response = await this.call<provproto.ReadResponse>((callback) => this.client.read(request, callback));
    const outputs = fromStruct(response.getProperties());
    const inputs = response.getInputs() ? fromStruct(response.getInputs()) : undefined;
    return {
      id: response.getId(),
      outputs: this.caps.acceptSecrets ? outputs : annotateSecrets(outputs, oldOutputs),
      inputs: inputs && !this.caps.acceptSecrets ? annotateSecrets(inputs, oldInputs) : inputs,
    };
  }

  close(): void {
    this.client.close();
  }
}
