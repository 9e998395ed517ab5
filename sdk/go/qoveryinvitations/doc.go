// Qovery organization access as code: invitations, roles and rosters of a Qovery organization.
package qoveryinvitations
