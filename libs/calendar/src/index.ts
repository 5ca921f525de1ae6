/**
 * @hotline/calendar: the working calendar of Gia Lai — the Vietnamese lunar calendar (UTC+7), Labour-Code holidays with
 * substitute days, dated exceptions and business-time arithmetic (framework-free), and the admin-editable calendars stored in
 * MySQL (CalendarsService). The SLA engine built on it lives in the feedback context (libs/feedback/src/sla).
 */
export * from './calendar';
export * from './persistence';
export * from './calendar.module';
