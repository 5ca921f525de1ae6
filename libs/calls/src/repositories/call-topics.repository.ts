import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository } from '@hotline/core';
import { CallTopic } from '../call-topic.entity';

@Injectable()
export class CallTopicsRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  list(includeInactive: boolean): Promise<CallTopic[]> {
    return this.repo(CallTopic).find({
      where: includeInactive ? {} : { active: true },
      order: { sortOrder: 'ASC', name: 'ASC' },
    });
  }

  findById(id: string): Promise<CallTopic | null> {
    return this.repo(CallTopic).findOneBy({ id });
  }

  async codeTaken(code: string): Promise<boolean> {
    return (await this.repo(CallTopic).countBy({ code })) > 0;
  }

  async isActive(id: string): Promise<boolean> {
    return (await this.repo(CallTopic).countBy({ id, active: true })) > 0;
  }

  async insert(topic: CallTopic): Promise<void> {
    await this.repo(CallTopic).insert(topic);
  }

  async update(id: string, changes: Partial<CallTopic>): Promise<void> {
    await this.repo(CallTopic).update({ id }, changes);
  }
}
