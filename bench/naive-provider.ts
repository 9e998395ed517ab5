/**
 * The comparison point of the 1000-invitation run: a dynamic provider written the quick way,
 * as an inline object literal whose methods capture `got` (imported at the top of the module)
 * and POST the invitation once, with no retry and no 429 handling. Pulumi serializes the object
 * with everything it captures into the `__provider` of every resource.
 *
 * It reads the API URL and token from the plugin's environment (QOVERY_API_URL,
 * QOVERY_API_TOKEN) so that at least the token stays out of the state.
 */
import * as pulumi from "@pulumi/pulumi";
import { got } from "got";

type Props = Record<string, string>;

function headers() {
  return { authorization: `Token ${process.env.QOVERY_API_TOKEN}` };
}

const naiveProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: Props) {
    const invitation = await got
      .post(`${process.env.QOVERY_API_URL}/organization/${inputs.organizationId}/inviteMember`, {
        headers: headers(),
        json: { email: inputs.email, role_id: inputs.roleId },
      })
      .json<{ id: string; invitation_status: string }>();
    return { id: invitation.id, outs: { ...inputs, invitationStatus: invitation.invitation_status } };
  },
  async read(id: string, props: Props) {
    const invitation = await got
      .get(`${process.env.QOVERY_API_URL}/organization/${props.organizationId}/inviteMember/${id}`, { headers: headers() })
      .json<{ invitation_status: string }>();
    return { id, props: { ...props, invitationStatus: invitation.invitation_status } };
  },
  async delete(id: string, props: Props) {
    await got.delete(`${process.env.QOVERY_API_URL}/organization/${props.organizationId}/inviteMember/${id}`, { headers: headers() });
  },
};

export interface NaiveInvitationArgs {
  organizationId: pulumi.Input<string>;
  email: pulumi.Input<string>;
  roleId: pulumi.Input<string>;
}

export class NaiveInvitation extends pulumi.dynamic.Resource {
  constructor(name: string, args: NaiveInvitationArgs, opts?: pulumi.CustomResourceOptions) {
    super(naiveProvider, name, { ...args, invitationStatus: undefined }, opts, "naive", "Invitation");
  }
}
