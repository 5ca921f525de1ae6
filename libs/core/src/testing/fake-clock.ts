import { Clock } from '../clock/clock';

/** A clock that stands still until the test moves it (`travel`, `set`). */
export class FakeClock extends Clock {
  private at: number;

  constructor(start: Date | string | number = '2026-03-23T02:00:00.000Z') {
    super();
    this.at = new Date(start).getTime();
  }

  override now(): Date {
    return new Date(this.at);
  }

  override nowMs(): number {
    return this.at;
  }

  override travel(ms: number): void {
    this.at += ms;
  }

  set(at: Date | string | number): void {
    this.at = new Date(at).getTime();
  }
}
