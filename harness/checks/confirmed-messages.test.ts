import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { confirmedMessages } from "./confirmed-messages.ts";

function published(): SyntheticHistory {
  return new SyntheticHistory()
    .at(0)
    .call("amqp-publish", "publish", "ok", { value: "m1" })
    .at(10)
    .call("amqp-publish", "publish", "ok", { value: "m2" })
    .at(20)
    .call("amqp-publish", "publish", "info", { value: "m3" })
    .at(30)
    .call("amqp-publish", "publish", "fail", { value: "m4" });
}

const consume = (h: SyntheticHistory, ids: string[]) => {
  ids.forEach((id, i) => h.at(100 + i).call("amqp-consume", "consume", "ok", { value: id }));
  return h;
};

describe("confirmedMessages", () => {
  it("is true when every confirmed message is delivered, counting duplicates and unconfirmed ones", () => {
    const h = consume(published(), ["m1", "m2", "m2", "m3"]).at(200).sample("amqp:drained", { remaining: 0 });
    const v = confirmedMessages(h.events());
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ lost: [], duplicates: 1, duplicatedIds: ["m2"], unconfirmedDelivered: 1 });
  });

  it("is false when a confirmed message is never delivered", () => {
    const h = consume(published(), ["m1"]).at(200).sample("amqp:drained", true);
    const v = confirmedMessages(h.events());
    expect(v.valid).toBe(false);
    expect(v.details.lost).toEqual(["m2"]);
  });

  it("is unknown without a drain, with an undrained queue, or without a consume phase", () => {
    expect(confirmedMessages(consume(published(), ["m1", "m2"]).events()).valid).toBe("unknown");
    const undrained = consume(published(), ["m1"]).at(200).sample("amqp:drained", { remaining: 3 });
    expect(confirmedMessages(undrained.events()).valid).toBe("unknown");
    expect(confirmedMessages(published().at(200).sample("amqp:drained", true).events()).valid).toBe("unknown");
  });

  it("is unknown without any confirmed publish", () => {
    expect(confirmedMessages(new SyntheticHistory().events()).valid).toBe("unknown");
  });

  it("matches numeric and string ids alike", () => {
    const h = new SyntheticHistory().at(0).call("amqp-publish", "publish", "ok", { value: 7 }).at(1).call("amqp-consume", "consume", "ok", { value: "7" }).sample("amqp:drained", true);
    expect(confirmedMessages(h.events()).valid).toBe(true);
  });
});
