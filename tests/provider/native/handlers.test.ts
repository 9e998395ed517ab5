/** What the native plugin's handlers do on their own, before any call to Qovery. */
import { expect } from "chai";
import { QoveryInvitationsError } from "../../../core";
import { configSource, nativeHandlers } from "../../../provider/native/handlers";

describe("the native plugin's handlers", () => {
  const handlers = nativeHandlers("0.1.0", {});

  it("tells a type it does not serve, as from newer state or a newer SDK, to upgrade the plugin", async () => {
    const error = await handlers.check("qovery-invitations:index:SomethingNewer", {}, {}).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).to.be.instanceOf(QoveryInvitationsError).and.to.include({ code: "UNSUPPORTED" });
    expect((error as Error).message).to.match(/no resource qovery-invitations:index:SomethingNewer\. Upgrade the plugin/);
  });

  it("refuses a function's arguments by name, before any request", async () => {
    const answer = await handlers.invoke("qovery-invitations:index:getOrganizationRole", { organizationId: "acme" });
    expect(answer.result).to.equal(undefined);
    expect(answer.failures.map((failure) => failure.property).sort()).to.deep.equal(["name", "organizationId"]);
  });

  it("reads its config under the dynamic provider's keys, so both resolve settings one way", () => {
    const source = configSource({ apiUrl: "http://127.0.0.1:1", maxRetries: 3 });
    expect(source.get("qovery:apiUrl")).to.equal("http://127.0.0.1:1");
    expect(source.get("qovery:maxRetries")).to.equal("3");
    expect(source.get("qovery:apiToken")).to.equal(undefined);
    expect(source.get("other:apiUrl")).to.equal(undefined);
  });
});
