import { Injectable } from '@nestjs/common';
import { onePage } from '@hotline/contracts';
import type { CallTopicView, Page } from '@hotline/contracts';
import { Clock, ConflictError, NotFoundError, stripUndefined, UnitOfWork, uuidv7 } from '@hotline/core';
import type { CallTopic } from './call-topic.entity';
import type { TopicDto, UpdateTopicDto } from './calls.dto';
import { CallTopicsRepository } from './repositories/call-topics.repository';
import { toTopicView } from './views';

/** The managed list of call topics (a small catalogue: one page). */
@Injectable()
export class CallTopicsService {
  constructor(
    private readonly topics: CallTopicsRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(includeInactive = false): Promise<Page<CallTopicView>> {
    return onePage((await this.topics.list(includeInactive)).map(toTopicView));
  }

  async create(dto: TopicDto, actorId: string): Promise<CallTopicView> {
    return this.uow.run(async (tx) => {
      if (await this.topics.codeTaken(dto.code))
        throw new ConflictError(`topic code ${dto.code} already exists`, 'CONFLICT', { field: 'code' });
      const now = this.clock.now();
      const topic: CallTopic = {
        id: uuidv7(),
        code: dto.code,
        name: dto.name,
        active: true,
        sortOrder: dto.sortOrder ?? 1000,
        createdAt: now,
        updatedAt: now,
      };
      await this.topics.insert(topic);
      await tx.history({ actorId, entityType: 'call_topic', entityId: topic.id, action: 'created' });
      return toTopicView(topic);
    });
  }

  async update(id: string, dto: UpdateTopicDto, actorId: string): Promise<CallTopicView> {
    return this.uow.run(async (tx) => {
      if (!(await this.topics.findById(id))) throw new NotFoundError('Topic', id);
      const changes = stripUndefined(dto);
      await this.topics.update(id, { ...changes, updatedAt: this.clock.now() });
      await tx.history({ actorId, entityType: 'call_topic', entityId: id, action: 'updated', data: { ...changes } });
      return toTopicView((await this.topics.findById(id))!);
    });
  }
}
