export * from './calendar.entity';
export * from './calendar-exception.entity';
export * from './entities';
export * from './calendar.dto';
export * from './calendars.service';
