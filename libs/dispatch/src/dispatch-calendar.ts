import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DEFAULT_GIA_LAI_CALENDAR, CalendarsService, WorkingCalendar } from '@hotline/calendar';

const REFRESH_MS = 30_000;

/**
 * The working calendar dispatch computes with (acceptance deadlines in working minutes, J+n due dates, the 2-working-day
 * rule between delivery attempts): the admin-editable default calendar of the SLA context, re-read every 30 s so that a
 * dated exception (a Tết schedule, a make-up Saturday) applies without a restart. Starts from the seeded Gia Lai
 * calendar so that a missing table never stops dispatch.
 */
@Injectable()
export class DispatchCalendar implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DispatchCalendar.name);
  private current = new WorkingCalendar(DEFAULT_GIA_LAI_CALENDAR);
  private timer?: NodeJS.Timeout;

  constructor(private readonly calendars: CalendarsService) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    try {
      this.current = await this.calendars.defaultCalendar();
    } catch (err) {
      this.logger.warn(`Default calendar unavailable, keeping the previous one: ${(err as Error).message}`);
    }
  }

  addWorkingDays(date: Date, n: number): Date {
    return this.current.addWorkingDays(date, n);
  }

  addBusinessTime(start: Date, minutes: number): Date {
    return this.current.addBusinessTime(start, minutes);
  }

  localDateOf(t: Date): string {
    return this.current.localDateOf(t);
  }
}
