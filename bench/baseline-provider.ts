/**
 * The comparison point of the 1000-member refresh: a dynamic provider that reads the way Qovery's
 * Terraform resource `qovery_organization_member` does, as measured side by side on the same fake. Every
 * resource's read lists the organization's invitations, then its members (2 requests per
 * resource, each answering the whole organization), and looks itself up in both. Its create just
 * invites; its delete removes the member id its read recorded (one DELETE, no list), or cancels
 * the invitation; it has no update and no retry. Like bench/naive-provider.ts it is an inline object
 * whose methods capture `got`, and reads the API URL and token from the plugin's environment
 * (QOVERY_API_URL, QOVERY_API_TOKEN).
 */
import * as pulumi from "@pulumi/pulumi";
import { got } from "got";

type Props = Record<string, string>;

function api(path: string) {
  return { url: `${process.env.QOVERY_API_URL}${path}`, headers: { authorization: `Token ${process.env.QOVERY_API_TOKEN}` } };
}

const baselineProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: Props) {
    const { url, headers } = api(`/organization/${inputs.organizationId}/inviteMember`);
    const invitation = await got.post(url, { headers, json: { email: inputs.email, role_id: inputs.roleId } }).json<{ id: string }>();
    return { id: invitation.id, outs: { ...inputs, invitationId: invitation.id, status: "PENDING" } };
  },
  async delete(_id: string, props: Props) {
    const { url, headers } = props.memberId
      ? api(`/organization/${props.organizationId}/member`)
      : api(`/organization/${props.organizationId}/inviteMember/${props.invitationId}`);
    await got.delete(url, { headers, ...(props.memberId ? { json: { user_id: props.memberId } } : {}) });
  },
  async read(id: string, props: Props) {
    const list = async <T>(path: string) => {
      const { url, headers } = api(`/organization/${props.organizationId}${path}`);
      return (await got.get(url, { headers }).json<{ results: T[] }>()).results;
    };
    const invitations = await list<{ id: string; invitation_status: string }>("/inviteMember");
    const members = await list<{ id: string; email: string; role_id?: string }>("/member");
    const invitation = invitations.find((candidate) => candidate.id === props.invitationId);
    if (invitation) return { id, props: { ...props, status: invitation.invitation_status } };
    const member = members.find((candidate) => candidate.email.toLowerCase() === props.email.toLowerCase());
    if (!member) return {};
    return { id, props: { ...props, status: "ACCEPTED", memberId: member.id, roleId: member.role_id ?? props.roleId } };
  },
};

export interface BaselineMemberArgs {
  organizationId: pulumi.Input<string>;
  email: pulumi.Input<string>;
  roleId: pulumi.Input<string>;
}

export class BaselineMember extends pulumi.dynamic.Resource {
  constructor(name: string, args: BaselineMemberArgs, opts?: pulumi.CustomResourceOptions) {
    super(baselineProvider, name, { ...args, invitationId: undefined, status: undefined, memberId: undefined }, opts, "baseline", "Member");
  }
}
