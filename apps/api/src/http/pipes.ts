import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationError } from '@hotline/core';

/** `:id` path parameters are UUIDs; anything else is a 400 that says so. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => new ValidationError('id must be a UUID', { field: 'id', constraint: 'isUuid' }),
});
