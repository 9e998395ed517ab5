/**
 * The plugin's errors: each is a QoveryInvitationsError with its own name and code, about the
 * person or organization, and with the advice its message ends with.
 */
import { expect } from "chai";
import { QoveryApiError, QoveryInvitationsError } from "../../core";
import { AcceptedSinceRefreshError } from "../../provider/invitation/delete";
import { ExpiredInvitationError } from "../../provider/invitation/diff";
import { invitationState } from "../../provider/invitation/state";
import { OwnerRoleChangeError } from "../../provider/invitation/update";
import { RemovalFailedError } from "../../provider/removal";
import { rejectionOf } from "../support/assertions";

const ORG = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const ADA = `organization ${ORG}, email ada@example.com`;

describe("the plugin's errors", () => {
  it("AcceptedSinceRefreshError is STALE_STATE about the person, advising a refresh", () => {
    const error = new AcceptedSinceRefreshError("ada@example.com", ORG);
    expect(error)
      .to.be.instanceOf(QoveryInvitationsError)
      .and.include({ code: "STALE_STATE", subject: ADA, name: "AcceptedSinceRefreshError" });
    expect(error.message.endsWith(error.advice)).to.equal(true);
  });

  it("ExpiredInvitationError is INVITATION_EXPIRED about the person, advising reissue", () => {
    const error = new ExpiredInvitationError("ada@example.com", ORG);
    expect(error).to.include({ code: "INVITATION_EXPIRED", subject: ADA, name: "ExpiredInvitationError" });
    expect(error.message.endsWith(error.advice)).to.equal(true);
  });

  it("OwnerRoleChangeError is OWNER_ROLE_CHANGE about the owner", () => {
    const error = new OwnerRoleChangeError("ada@example.com", ORG);
    expect(error).to.include({ code: "OWNER_ROLE_CHANGE", subject: ADA, name: "OwnerRoleChangeError" });
    expect(error.message.endsWith(error.advice)).to.equal(true);
  });

  it("a state that cannot be parsed is BROKEN_STATE about that person's state", async () => {
    const error = (await rejectionOf(
      Promise.resolve().then(() => invitationState({ email: "ada@example.com" })),
    )) as QoveryInvitationsError;
    expect(error).to.include({ code: "BROKEN_STATE", subject: "the recorded state of ada@example.com", name: "BrokenStateError" });
    expect(error.message.endsWith(error.advice)).to.equal(true);
  });

  it("RemovalFailedError is REMOVAL_FAILED about the organization, with each failure's message", () => {
    const removal = { key: "remove-member:eve@example.com", kind: "member" as const, email: "eve@example.com", targetId: "github|1" };
    const cause = new QoveryApiError({
      operation: "deleteMember",
      kind: "server",
      status: 503,
      organizationId: ORG,
      email: "eve@example.com",
    });
    const error = new RemovalFailedError(ORG, [
      { removal, error: cause },
      { removal: { ...removal, key: "remove-member:bob@example.com" }, error: "lost" },
    ]);
    expect(error).to.include({ code: "REMOVAL_FAILED", subject: `organization ${ORG}`, name: "RemovalFailedError" });
    expect(error.message).to.include(`remove-member:eve@example.com: ${cause.message}`).and.include("remove-member:bob@example.com: lost");
  });
});
