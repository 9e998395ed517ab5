import { expect } from "chai";
import { Directory } from "../../provider/shared/directory";
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

  it("keeps a newer copy when an older failed fetch settles after forget and a new fetch", async () => {
    let failOld!: (error: Error) => void;
    const slow = new Directory<string>(
      (organizationId) =>
        fetches.push(organizationId) === 1
          ? new Promise((_resolve, reject) => (failOld = reject))
          : Promise.resolve(`${organizationId}#${fetches.length}`),
      1000,
      () => now,
    );
    const old = slow.get("a");
    slow.forget("a");
    expect(await slow.get("a")).to.equal("a#2");
    failOld(new Error("unavailable"));
    await rejectionOf(old);
    expect(await slow.get("a")).to.equal("a#2");
    expect(fetches).to.have.length(2);
  });

  it("keeps the command's copy whatever its age, apart from the recent copies", async () => {
    expect(await directory.current("a")).to.equal("a#1");
    now = 3_600_000;
    expect(await directory.current("a")).to.equal("a#1");
    expect(await directory.get("a"), "a recent copy is fetched on its own").to.equal("a#2");
    expect(await directory.fresh("a")).to.equal("a#3");
    expect(await directory.current("a"), "fresh() leaves the command's copy").to.equal("a#1");
  });

  it("drops the command's copy too on forget, after a change of ours", async () => {
    await directory.current("a");
    directory.forget("a");
    expect(await directory.current("a")).to.equal("a#2");
  });

  it("fetches the removals' copy at its first use, whatever other copies exist, then keeps it whatever its age", async () => {
    await directory.current("a");
    await directory.get("a");
    expect(await directory.forRemovals("a")).to.equal("a#3");
    now = 3_600_000;
    expect(await directory.forRemovals("a")).to.equal("a#3");
    expect(fetches).to.have.length(3);
  });

  it("applies our own change to every kind of copy, without fetching again", async () => {
    await Promise.all([directory.get("a"), directory.current("a"), directory.forRemovals("a")]);
    directory.amend("a", (value) => `${value}+ours`);
    const copies = await Promise.all([directory.get("a"), directory.current("a"), directory.forRemovals("a")]);
    expect(copies).to.deep.equal(["a#1+ours", "a#2+ours", "a#3+ours"]);
    expect(fetches).to.have.length(3);
  });

  it("applies our own change to a copy still being fetched", async () => {
    const pending = directory.current("a");
    directory.amend("a", (value) => `${value}+ours`);
    expect(await pending, "who asked before the change gets the list as fetched").to.equal("a#1");
    expect(await directory.current("a")).to.equal("a#1+ours");
  });

  it("drops a copy whose fetch failed, even once amended", async () => {
    failNext = true;
    const failed = directory.current("a");
    directory.amend("a", (value) => `${value}+ours`);
    await rejectionOf(failed);
    expect(await directory.current("a")).to.equal("a#2");
  });
});
