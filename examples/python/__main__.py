"""One invitation through the native plugin (see docs/other-languages.md).

    pip install pulumi ./sdk/python                                 # the generated SDK, from this repository
    npm install --global pulumi-qovery-invitations @pulumi/pulumi   # the plugin
    pulumi config set qovery-invitations:apiToken --secret
    pulumi config set organizationId <organization UUID>
    pulumi up
"""
import pulumi
import pulumi_qovery_invitations as qovery

config = pulumi.Config()
organization_id = config.require("organizationId")
viewer = qovery.get_organization_role(organization_id=organization_id, name="Viewer")
ada = qovery.OrganizationInvitation(
    "ada@example.com",
    organization_id=organization_id,
    email="Ada@Example.com",
    role_id=viewer.id,
)
pulumi.export("status", ada.invitation_status)
# A secret: `pulumi stack output link --show-secrets` to see it.
pulumi.export("link", ada.invitation_link)
