/**
 * One provider process's state: its settings (stack config, else the environment), the one
 * client and lifecycle context built from them on first use, and the registry of resources
 * over that context. The dynamic-provider module (index.ts) and the native plugin
 * (native/server.ts) each hold one runtime; everything else is shared code.
 */
import { connect, messageOf, resolveSettings, type ConfigSource, type ProviderSettings, type TokenSource } from "../core";
import { invitationProvider } from "./invitation";
import { removalProvider } from "./removal";
import { rosterGuardProvider } from "./roster-guard";
import { createContext, type LifecycleContext } from "./shared/context";
import type { ResourceEntry } from "./shared/resource";

/** `tokenSource`: which config key a missing token's error tells to set (the dynamic provider's or the native plugin's). */
export function createRuntime(env: NodeJS.ProcessEnv = process.env, tokenSource: TokenSource = "pulumi") {
  let settings: ProviderSettings = resolveSettings(undefined, env);
  let context: LifecycleContext | undefined;

  /** Built at the first operation that needs the API: a missing token fails that operation, naming what to set. */
  function lifecycleContext(): LifecycleContext {
    if (!context) {
      const { client, token } = connect(settings, tokenSource);
      context = createContext(client, { maxRetries: settings.maxRetries, maxRetryDelayMs: settings.maxRetryDelayMs, token });
    }
    return context;
  }

  return {
    /**
     * Takes the stack config. Stores it synchronously and never throws (Pulumi's dynamic plugin
     * caches the provider before this returns, and a throw would leave later calls
     * unconfigured); problems are reported by the first operation that needs the API.
     */
    configure(config: ConfigSource): void {
      try {
        const next = resolveSettings(config, env);
        if (JSON.stringify(next) !== JSON.stringify(settings)) {
          settings = next;
          context = undefined;
        }
      } catch (error) {
        settings = { ...settings, problems: [`the stack config could not be read: ${messageOf(error)}`] };
      }
    },
    settings: () => settings,
    context: lifecycleContext,
    /**
     * Every resource, by the name its shim (sdk/delegate.ts) asks for: the OrganizationInvitation
     * (sdk/shim.ts), the UnmanagedAccessRemoval of an authoritative roster (sdk/removal-shim.ts)
     * and the RosterGuard of a roster with guardrails (sdk/roster-guard-shim.ts).
     */
    resources: {
      invitation: invitationProvider(lifecycleContext, () => settings),
      removal: removalProvider(lifecycleContext),
      rosterGuard: rosterGuardProvider(),
    } satisfies Record<string, ResourceEntry>,
  };
}

export type ProviderRuntime = ReturnType<typeof createRuntime>;
export type ResourceName = keyof ProviderRuntime["resources"];
