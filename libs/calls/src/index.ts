export * from './calls.jobs';
export * from './citizen.entity';
export * from './citizen-phone.entity';
export * from './entities';
export * from './citizens.service';
export * from './calls.module';
