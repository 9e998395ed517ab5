/**
 * What every shim is: the methods of one resource of the provider module's registry
 * (provider/index.ts), loaded from the installed package at call time. Pulumi serializes a shim
 * into the state of each resource and runs that copy in its plugin process, even after this
 * package is upgraded; delegating at call time keeps state small, free of secrets, and lets
 * every fix reach existing resources. Read shim.ts first.
 */
import type * as ProviderModule from "../provider";

type Entry = (typeof ProviderModule.resources)[ProviderModule.ResourceName];

function provider(): typeof ProviderModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("pulumi-qovery-invitations/provider");
}

/** The dynamic-provider methods of the registry entry `resource`, each resolved when called. */
export function delegateTo(resource: ProviderModule.ResourceName) {
  const entry = (): Entry => provider().resources[resource];
  const methods = {
    configure: (request: Parameters<typeof ProviderModule.configure>[0]) => provider().configure(request),
    check: (olds: Record<string, unknown>, news: Record<string, unknown>) => entry().check(olds, news),
    diff: (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) => entry().diff(id, olds, news),
    create: (inputs: Record<string, unknown>) => entry().create(inputs),
    read: (id: string, props: Record<string, unknown>) => entry().read(id, props),
    update: (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) => entry().update(id, olds, news),
    delete: (id: string, props: Record<string, unknown>) => entry().delete(id, props),
  };
  return methods;
}
