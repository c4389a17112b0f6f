/**
 * What time it is, as milliseconds since the epoch. Injected (token `CLOCK`) where a window or a
 * limit depends on the time, so tests can hold the time still and move it on instead of sleeping.
 */
export interface Clock {
  now(): number;
}

export const CLOCK = Symbol('Clock');

/** The real time. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: for tests. */
export class FakeClock implements Clock {
  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }

  set(time: number): void {
    this.time = time;
  }
}
