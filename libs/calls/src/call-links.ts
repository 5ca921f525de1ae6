import { Injectable } from '@nestjs/common';
import { ValidationError } from '@hotline/core';
import { CallTopicsRepository } from './repositories/call-topics.repository';
import { CitizensRepository } from './repositories/citizens.repository';

/** What a call may point at: an active topic, a known citizen (400 naming the field otherwise). */
@Injectable()
export class CallLinks {
  constructor(
    private readonly topics: CallTopicsRepository,
    private readonly citizens: CitizensRepository,
  ) {}

  /** An inactive topic cannot be set on a call. */
  async checkTopic(topicId: string | undefined): Promise<void> {
    if (topicId && !(await this.topics.isActive(topicId)))
      throw new ValidationError(`topicId: unknown or inactive topic ${topicId}`, {
        field: 'topicId',
        constraint: 'exists',
      });
  }

  async checkCitizen(citizenId: string | null | undefined): Promise<void> {
    if (citizenId && !(await this.citizens.exists(citizenId)))
      throw new ValidationError(`citizenId: unknown citizen ${citizenId}`, {
        field: 'citizenId',
        constraint: 'exists',
      });
  }

  /** The citizen named (checked), else the owner of the number, if any. */
  async citizenFor(citizenId: string | undefined, phone: string | null): Promise<string | null> {
    if (citizenId) {
      await this.checkCitizen(citizenId);
      return citizenId;
    }
    return phone ? this.citizens.citizenIdOf(phone) : null;
  }
}
