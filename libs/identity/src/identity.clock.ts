import { Injectable } from '@nestjs/common';

/** Now, for lockouts and session expiry: tests move it instead of sleeping. */
@Injectable()
export class IdentityClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** tests: move time forward */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
