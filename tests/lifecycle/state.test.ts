/** The engine's inputs and recorded states, parsed instead of cast. */
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { UNKNOWN } from "../../core";
import { BrokenStateError, invitationInputs, invitationState } from "../../provider/invitation/state";

const ORG = "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11";
const recorded = {
  organizationId: ORG,
  email: "ada@example.com",
  onExpired: "keep",
  roleId: "5d2c1a8e-5b7d-4c9e-8a21-0d6f4b2e9c11",
  roleName: "viewer",
  invitationStatus: "PENDING",
  invitationId: "inv-1",
  __provider: "exports.handler = …",
};

describe("invitation state and inputs", () => {
  it("reads a state of an older release that has no onExpired as keep, keeping the keys it does not know", () => {
    const { onExpired: _, ...older } = recorded;
    const state = invitationState(older);
    expect(state.onExpired).to.equal("keep");
    expect(state).to.have.property("__provider", recorded.__provider);
  });

  it("fails on a broken state naming the person, every field at fault and what to do", () => {
    const broken = { ...recorded, invitationStatus: "LOST", roleName: undefined };
    expect(() => invitationState(broken))
      .to.throw(BrokenStateError)
      .with.property("message")
      .that.includes("recorded state of ada@example.com cannot be used")
      .and.includes("invitationStatus")
      .and.includes("roleName")
      .and.includes("pulumi state delete");
  });

  it("parses checked inputs, refusing an onExpired that check would not have let through", () => {
    expect(invitationInputs({ organizationId: ORG, email: "ada@example.com", roleName: "viewer" })).to.include({ onExpired: "keep" });
    expect(() => invitationInputs({ organizationId: ORG, email: "ada@example.com", onExpired: "later" })).to.throw(/onExpired/);
  });

  it("uses Pulumi's own marker for unknown values", () => {
    expect(UNKNOWN).to.equal(pulumi.runtime.unknownValue);
  });
});
