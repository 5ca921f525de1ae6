import { Injectable } from '@nestjs/common';

/** The one source of "now", so tests can move time without sleeping. */
@Injectable()
export class Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  nowMs(): number {
    return Date.now() + this.offsetMs;
  }
  /** Test hook: shift the clock forward (or back) without touching the real time. */
  travel(ms: number): void {
    this.offsetMs += ms;
  }
}
