/**
 * How a TypeScript stack moves from the dynamic classes to the native ones in place: each native
 * resource carries an alias to the type its dynamic counterpart has in the state
 * (core/definitions/package.ts), so the engine takes the old resource for the new one, with its
 * id and outputs (no create, no delete, no Qovery write), rather than creating the new one and then
 * deleting the old one, which would cancel the invitation or remove the member.
 *
 * A roster's children match too: the engine tries a child under each alias of its parent combined
 * with each of the child's own, so the native person `bob@example.com` of a native roster `team`
 * matches the dynamic one,
 * `…qovery:index:OrganizationRoster$pulumi-nodejs:dynamic/qovery:OrganizationInvitation::bob@example.com`.
 */
import type * as pulumi from "@pulumi/pulumi";

/** `opts` with an alias to `dynamicType` besides its own. */
export function aliasedToDynamic<O extends pulumi.ResourceOptions>(dynamicType: string, opts: O | undefined): O {
  return { ...opts, aliases: [...(opts?.aliases ?? []), { type: dynamicType }] } as O;
}
