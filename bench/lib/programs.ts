/**
 * The Pulumi programs the scenarios run: n invitations, the naive and baseline providers', no-op
 * resources; and the invitations as a program of the in-process stack (tests/faults/stack.ts).
 */
import type { Program as StackProgram } from "../../tests/faults/stack";
import { installed } from "../../tests/support/installed-package";
import type { Program } from "../../tests/support/pulumi-cli";
import { BaselineMember } from "../baseline-provider";
import { NaiveInvitation } from "../naive-provider";
import { NoopResource } from "../noop-resource";

const { OrganizationInvitation } = installed;

export interface InvitationSpec {
  /** Resource name, and the email's local part. */
  name: string;
  roleName?: string;
  roleId?: string;
  onExpired?: "keep" | "reissue" | "fail";
}

export const emailOf = (name: string) => `${name}@example.com`;

/** OrganizationInvitations, loaded from node_modules as a user's program loads them. */
export function invitationProgram(organizationId: string, specs: readonly InvitationSpec[]): Program {
  return () => {
    for (const spec of specs) {
      const role = spec.roleId !== undefined ? { roleId: spec.roleId } : { roleName: spec.roleName ?? "viewer" };
      new OrganizationInvitation(spec.name, { organizationId, email: emailOf(spec.name), ...role, onExpired: spec.onExpired });
    }
  };
}

/** The same invitations for the in-process stack: the inputs the SDK sends, one resource per spec. */
export function invitationDeclarations(organizationId: string, specs: readonly InvitationSpec[]): StackProgram {
  return (declare) => {
    for (const spec of specs) {
      const role = spec.roleId !== undefined ? { roleId: spec.roleId } : { roleName: spec.roleName ?? "viewer" };
      const onExpired = spec.onExpired !== undefined ? { onExpired: spec.onExpired } : {};
      void declare(spec.name, { organizationId, email: emailOf(spec.name), ...role, ...onExpired });
    }
  };
}

/** `count` people named `<prefix>-<i>`, their roles taking turns among `roleNames`. */
export function people(prefix: string, count: number, roleNames: readonly string[] = ["viewer", "devops", "admin"]): InvitationSpec[] {
  return Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i}`, roleName: roleNames[i % roleNames.length] }));
}

export function naiveProgram(organizationId: string, roleId: string, names: readonly string[]): Program {
  return () => {
    for (const name of names) new NaiveInvitation(name, { organizationId, email: emailOf(name), roleId });
  };
}

export function baselineProgram(organizationId: string, roleId: string, names: readonly string[]): Program {
  return () => {
    for (const name of names) new BaselineMember(name, { organizationId, email: emailOf(name), roleId });
  };
}

export function noopProgram(resources: readonly { name: string; option: string }[]): Program {
  return () => {
    for (const { name, option } of resources) new NoopResource(name, { label: name, option });
  };
}
