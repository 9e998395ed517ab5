/**
 * The command line's exit code follows the error's code, from one table; anything that is not
 * one of the package's errors exits 2; node's refusal of an option is a usage error.
 */
import { expect } from "chai";
import { main } from "../../cli";
import { EXIT_CODES, exitCodeOf } from "../../cli/exit-codes";
import { ERROR_CODES, QoveryInvitationsError } from "../../core";

describe("the command line's exit codes", () => {
  for (const code of ERROR_CODES) {
    it(`exits ${EXIT_CODES[code]} on ${code}`, () => {
      const error = new QoveryInvitationsError({ code, subject: "s", message: "m", advice: "a" });
      expect(exitCodeOf(error)).to.equal(EXIT_CODES[code]).and.to.be.greaterThan(1);
    });
  }

  it("exits 2 on anything else", () => {
    expect([exitCodeOf(new Error("write EPIPE")), exitCodeOf("thrown text")]).to.deep.equal([2, 2]);
  });

  it("reports node's refusal of an option as a usage error, with the usage", async () => {
    let stderr = "";
    const code = await main(["review", "--bogus"], {}, { stdout: () => undefined, stderr: (text) => (stderr += text) });
    expect(code).to.equal(EXIT_CODES.USAGE);
    expect(stderr)
      .to.match(/^error: Unknown option '--bogus'/)
      .and.include("Usage: pulumi-qovery-invitations review");
  });
});
