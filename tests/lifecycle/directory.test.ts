import { expect } from "chai";
import { Directory } from "../../provider/lifecycle/directory";
import { rejectionOf } from "../support/assertions";

describe("Directory (short-lived per-organization lists)", () => {
  let now: number;
  let fetches: string[];
  let failNext: boolean;
  let directory: Directory<string>;

  beforeEach(() => {
    now = 0;
    fetches = [];
    failNext = false;
    directory = new Directory(
      async (organizationId) => {
        fetches.push(organizationId);
        if (failNext) {
          failNext = false;
          throw new Error("unavailable");
        }
        return `${organizationId}#${fetches.length}`;
      },
      1000,
      () => now,
    );
  });

  it("shares one request among concurrent callers of one organization", async () => {
    const values = await Promise.all([directory.get("a"), directory.get("a"), directory.get("b")]);
    expect(values).to.deep.equal(["a#1", "a#1", "b#2"]);
    expect(fetches).to.deep.equal(["a", "b"]);
  });

  it("fetches again once the copy is older than its time-to-live", async () => {
    await directory.get("a");
    now = 999;
    expect(await directory.get("a")).to.equal("a#1");
    now = 1000;
    expect(await directory.get("a")).to.equal("a#2");
  });

  it("does not keep a failed fetch", async () => {
    failNext = true;
    const error = await rejectionOf(directory.get("a"));
    expect(error.message).to.equal("unavailable");
    expect(await directory.get("a")).to.equal("a#2");
  });

  it("fetches afresh on demand, and after forget", async () => {
    await directory.get("a");
    expect(await directory.fresh("a")).to.equal("a#2");
    directory.forget("a");
    expect(await directory.get("a")).to.equal("a#3");
  });
});
