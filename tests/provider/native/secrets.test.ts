/** Pulumi's wire form of secrets, as the native plugin reads and writes it. */
import { expect } from "chai";
import { conceal, reveal, revealProperties, secretKeys } from "../../../provider/native/secrets";

const SIG = "4dabf18193072939515e22adb298388d";
const secret = (value: unknown) => ({ [SIG]: "1b47061264138c4ac30d75fd1eb44270", value });

describe("secrets on the native plugin's wire", () => {
  it("reveals secrets at any depth", () => {
    expect(reveal({ a: [secret("x"), { b: secret(secret(1)) }] })).to.deep.equal({ a: ["x", { b: 1 }] });
  });

  it("names the properties given as secrets", () => {
    expect(secretKeys({ email: secret("a@b.c"), roleName: "admin" })).to.deep.equal(["email"]);
    expect(revealProperties({ email: secret("a@b.c") })).to.deep.equal({ email: "a@b.c" });
  });

  it("conceals exactly the properties named", () => {
    expect(conceal({ invitationLink: "https://x", email: "a@b.c" }, ["invitationLink"])).to.deep.equal({
      invitationLink: secret("https://x"),
      email: "a@b.c",
    });
  });
});
