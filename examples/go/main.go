// One invitation through the native plugin (see docs/other-languages.md):
//
//	npm install --global pulumi-qovery-invitations @pulumi/pulumi   # the plugin
//	pulumi config set qovery-invitations:apiToken --secret
//	pulumi config set organizationId <organization UUID>
//	go mod tidy && pulumi up
package main

import (
	qovery "github.com/pulumi-qovery-invitations/pulumi-qovery-invitations/sdk/go/qoveryinvitations"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		organizationID := config.Require(ctx, "organizationId")
		ada, err := qovery.NewOrganizationInvitation(ctx, "ada@example.com", &qovery.OrganizationInvitationArgs{
			OrganizationId: pulumi.String(organizationID),
			Email:          pulumi.String("ada@example.com"),
			RoleName:       pulumi.String("devops"),
		})
		if err != nil {
			return err
		}
		ctx.Export("status", ada.InvitationStatus)
		return nil
	})
}
