/** The simulator's notion of "now": real time shifted by an admin-set number of days (time travel for usage data). */
export class FreebitClock {
  private offsetDays = 0;

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): Date {
    return new Date(this.realNow() + this.offsetDays * 86_400_000);
  }

  /** Today as `YYYYMMDD` (UTC), the date format Freebit uses everywhere. */
  today(): string {
    return toFreebitDate(this.now());
  }

  getOffsetDays(): number {
    return this.offsetDays;
  }

  setOffsetDays(days: number): void {
    this.offsetDays = days;
  }
}

export function toFreebitDate(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

export function fromFreebitDate(value: string): Date {
  return new Date(
    Date.UTC(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, Number(value.slice(6, 8))),
  );
}

export function addDays(value: string, days: number): string {
  return toFreebitDate(new Date(fromFreebitDate(value).getTime() + days * 86_400_000));
}
