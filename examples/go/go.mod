module go-access

go 1.25

// Pulumi's Go SDK at the version the tests' CLI is built with: the generated SDK asks for v3.269.0 or
// later, and the module proxy reachable from the tests refuses one of v3.269.0's dependencies.
require (
	github.com/pulumi-qovery-invitations/pulumi-qovery-invitations/sdk/go v0.0.0
	github.com/pulumi/pulumi/sdk/v3 v3.276.0
)

// The generated SDK from this repository (it is not published as a Go module).
replace github.com/pulumi-qovery-invitations/pulumi-qovery-invitations/sdk/go => ../../sdk/go
