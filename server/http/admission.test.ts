import { describe, expect, it } from "vitest";
import { Admission, Busy } from "./admission";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("the admission gate", () => {
  it("hands a freed slot over in a later turn of the event loop, after what was already waiting for one", async () => {
    const gate = new Admission(1, 60_000);
    const order: string[] = [];
    const first = gate.run(async () => {
      // Stands for I/O already waiting (a request on its way to the gate, say).
      setImmediate(() => order.push("waiting I/O"));
      order.push("first");
    });
    const second = gate.run(async () => void order.push("second"));
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "waiting I/O", "second"]);
  });

  it("runs at most `capacity` at once and admits the rest in arrival order", async () => {
    const gate = new Admission(2, 60_000);
    const started: number[] = [];
    const releases: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const jobs = Array.from({ length: 6 }, (_, i) =>
      gate.run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await new Promise<void>((r) => releases.push(r));
        running--;
        return i;
      }),
    );
    for (let done = 0; done < 6; done++) {
      while (releases.length <= done) await tick();
      releases[done]();
    }
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it("answers Busy at once, with a wait to come back after, when the expected wait is too long", async () => {
    const gate = new Admission(1, 50, 40);
    let release = () => {};
    const first = gate.run(() => new Promise<void>((r) => (release = r)));
    const second = gate.run(async () => "ran"); // waits ~40 ms: admitted to the queue
    const third = await gate.run(async () => "ran"); // ~80 ms expected: refused
    expect(third).toBeInstanceOf(Busy);
    expect((third as Busy).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    release();
    await first;
    expect(await second).toBe("ran");
  });

  it("frees its slot when the work fails", async () => {
    const gate = new Admission(1, 60_000);
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => "ok")).toBe("ok");
  });
});
