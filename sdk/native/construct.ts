/**
 * Construct: the engine asks the native plugin to build an OrganizationRoster for a program in
 * any language. The plugin then acts as the program would: it points @pulumi/pulumi's runtime at
 * the engine's resource monitor with the stack's config, builds the component (roster.ts), which
 * registers its children with the engine, and answers with the component's URN and outputs once
 * every registration is done.
 *
 * @pulumi/pulumi's own provider server does the same (provider/server.ts, `construct`), but only
 * for a whole provider built on its `main()`, which cannot pass stack config to a custom
 * resource; these are the runtime functions it uses to do it, which its type declarations leave
 * out. Each is an internal of @pulumi/pulumi: the tests run this file against both the oldest
 * and the newest @pulumi/pulumi this package supports.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as aliasProto from "@pulumi/pulumi/proto/alias_pb";
import type * as proto from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { QoveryConnection } from "../../core";
import type { OrganizationRosterArgs } from "../roster";
import { ConstructedRoster } from "./constructed-roster";

interface RuntimeInternals {
  settings: {
    resetOptions(
      project: string,
      stack: string,
      parallel: number,
      engineAddr: string,
      monitorAddr: string,
      preview: boolean,
      organization: string,
    ): void;
    awaitFeatureSupport(): Promise<void>;
    waitForRPCs(): Promise<void>;
  };
  config: { setAllConfig(config: Record<string, string>, secretKeys?: string[]): void };
  state: { withLocalStorage<T>(callback: () => Promise<T>): Promise<T> };
  server: { deserializeInputs(inputs: Struct | undefined, dependencies: unknown): Promise<Record<string, unknown>> };
}

/* eslint-disable @typescript-eslint/no-require-imports */
const internals = (): RuntimeInternals => ({
  settings: require("@pulumi/pulumi/runtime/settings"),
  config: require("@pulumi/pulumi/runtime/config"),
  state: require("@pulumi/pulumi/runtime/state"),
  server: require("@pulumi/pulumi/provider/server"),
});
/* eslint-enable @typescript-eslint/no-require-imports */

export interface ConstructResult {
  urn: string;
  state: Struct;
}

/**
 * Builds the roster the request asks for, reading its organization through `connect` (the
 * plugin's configured client); resolves once the engine has every child.
 */
export async function construct(
  engineAddress: string,
  request: proto.ConstructRequest,
  connect: () => QoveryConnection,
): Promise<ConstructResult> {
  const { settings, config, state, server } = internals();
  return state.withLocalStorage(async () => {
    settings.resetOptions(
      request.getProject(),
      request.getStack(),
      request.getParallel(),
      engineAddress,
      request.getMonitorendpoint(),
      request.getDryrun(),
      request.getOrganization(),
    );
    await settings.awaitFeatureSupport();
    config.setAllConfig(Object.fromEntries(request.getConfigMap().getEntryList()), request.getConfigsecretkeysList());

    const inputs = (await server.deserializeInputs(
      request.getInputs(),
      request.getInputdependenciesMap(),
    )) as unknown as OrganizationRosterArgs;
    const roster = new ConstructedRoster(connect, request.getName(), inputs, optionsOf(request));
    const urn = await new Promise<string>((resolve) => roster.urn.apply(resolve));
    const [outputs] = await pulumi.runtime.serializeResourceProperties(`construct(${request.getType()}, ${request.getName()})`, {
      statuses: roster.statuses,
      unmanagedMembers: roster.unmanagedMembers,
      unmanagedInvitations: roster.unmanagedInvitations,
    });
    await settings.waitForRPCs();
    return { urn, state: Struct.fromJavaScript(outputs) };
  });
}

/**
 * The component's options the engine passes on: its parent, dependencies, aliases, protection and
 * explicit providers (which its children inherit, as a program's would).
 */
function optionsOf(request: proto.ConstructRequest): pulumi.ComponentResourceOptions {
  const aliases = request
    .getAliasesList()
    .flatMap((alias): (string | pulumi.Alias)[] => (alias.hasUrn() ? [alias.getUrn()] : aliasOf(alias.getSpec())));
  return {
    parent: request.getParent() ? new pulumi.DependencyResource(request.getParent()) : undefined,
    dependsOn: request.getDependenciesList().map((urn) => new pulumi.DependencyResource(urn)),
    aliases,
    protect: request.getProtect(),
    retainOnDelete: request.getRetainondelete(),
    ignoreChanges: request.getIgnorechangesList(),
    providers: request
      .getProvidersMap()
      .getEntryList()
      .map(([, reference]) => new pulumi.DependencyProviderResource(reference)),
  };
}

/**
 * An alias the program gave as a spec (what changed: name, type, project, stack or parent), as
 * the component's options take it; an empty field is one that did not change. `parent: undefined`,
 * set, is how the options say the resource had no parent.
 */
function aliasOf(spec: aliasProto.Alias.Spec | undefined): pulumi.Alias[] {
  if (!spec) return [];
  const alias: pulumi.Alias = {};
  if (spec.getName()) alias.name = spec.getName();
  if (spec.getType()) alias.type = spec.getType();
  if (spec.getProject()) alias.project = spec.getProject();
  if (spec.getStack()) alias.stack = spec.getStack();
  if (spec.hasParenturn()) alias.parent = spec.getParenturn();
  else if (spec.getNoparent()) alias.parent = undefined;
  return [alias];
}
