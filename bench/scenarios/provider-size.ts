/**
 * `__provider` bytes per resource: what Pulumi stores in the state of every resource. One
 * OrganizationInvitation (the package loaded from node_modules, as users load it), one resource
 * of the naive provider and one no-op resource are applied by one `pulumi up` of the real CLI;
 * their sizes are read back from the stack's state.
 */
import type { StateResource } from "../../tests/support/pulumi-cli";
import { startCliBed } from "../lib/cli-bed";
import { invitationProgram, naiveProgram, noopProgram } from "../lib/programs";

export interface ProviderSizeResult {
  /** Bytes (UTF-8) of inputs.__provider of an OrganizationInvitation. */
  invitationBytes: number;
  /** Whether the outputs hold a second copy (the plugin returns __provider in the outputs). */
  copiedInOutputs: boolean;
  /** Bytes of the whole resource entry in the state file (compact JSON). */
  invitationStateEntryBytes: number;
  /** The serialized text, for the record. */
  invitationProviderText: string;
  naiveBytes: number;
  noopBytes: number;
}

const bytes = (text: unknown) => Buffer.byteLength(String(text ?? ""), "utf8");

function providerOf(resources: StateResource[], typeSuffix: string): StateResource {
  const resource = resources.find((r) => r.type.endsWith(typeSuffix));
  if (!resource) throw new Error(`no ${typeSuffix} resource in the state`);
  return resource;
}

export async function measureProviderSize(): Promise<ProviderSizeResult> {
  // The naive provider reads both from its environment.
  const bed = await startCliBed({ env: (fake) => ({ QOVERY_API_URL: fake.url, QOVERY_API_TOKEN: fake.apiToken }) });
  try {
    const organizationId = bed.fake.organizationId;
    const invitation = invitationProgram(organizationId, [{ name: "size" }]);
    const naive = naiveProgram(organizationId, bed.fake.roleId("viewer"), ["naive-size"]);
    const noop = noopProgram([{ name: "noop-size", option: "a" }]);
    await bed.engine.up(async () => {
      await invitation();
      await naive();
      await noop();
    });
    const resources = bed.engine.readState().checkpoint.latest?.resources ?? [];
    const ours = providerOf(resources, ":OrganizationInvitation");
    return {
      invitationBytes: bytes(ours.inputs?.__provider),
      copiedInOutputs: ours.outputs?.__provider === ours.inputs?.__provider,
      invitationStateEntryBytes: bytes(JSON.stringify(ours)),
      invitationProviderText: String(ours.inputs?.__provider),
      naiveBytes: bytes(providerOf(resources, "naive:Invitation").inputs?.__provider),
      noopBytes: bytes(providerOf(resources, "bench:Noop").inputs?.__provider),
    };
  } finally {
    await bed.close();
  }
}
