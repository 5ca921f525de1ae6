import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AgencyView, FeedbackCategoryView, SlaPolicyUpdateView, SlaPolicyView } from '@hotline/contracts';
import {
  Clock,
  ConflictError,
  dbManager,
  jobId,
  JobQueue,
  NotFoundError,
  uuidv7,
  ValidationError,
  writeAudit,
  stripUndefined,
} from '@hotline/core';
import { CalendarsService } from '@hotline/calendar';
import { Agency, FeedbackCategory, SlaPolicy } from '../entities/reference.entities';
import type {
  AgencyDto,
  CategoryDto,
  SlaPolicyDto,
  UpdateAgencyDto,
  UpdateCategoryDto,
  UpdateSlaPolicyDto,
} from '../dto/feedback.dto';

const categoryView = (c: FeedbackCategory): FeedbackCategoryView => ({
  id: c.id,
  code: c.code,
  name: c.name,
  active: c.active,
});
const agencyView = (a: Agency): AgencyView => ({
  id: a.id,
  code: a.code,
  name: a.name,
  email: a.email,
  active: a.active,
});
export const policyView = (p: SlaPolicy): SlaPolicyView => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  categoryId: p.categoryId,
  priority: p.priority,
  calendarId: p.calendarId,
  firstResponseMinutes: p.firstResponseMinutes,
  resolutionMinutes: p.resolutionMinutes,
  forwardMinutes: p.forwardMinutes,
  warnPercent: p.warnPercent,
  pauseWhenForwarded: p.pauseWhenForwarded,
  escalation: p.escalation,
  active: p.active,
  updatedAt: p.updatedAt.toISOString(),
});

/** The managed lists of the feedback context: categories, agencies and SLA policies (admin CRUD, audited). */
@Injectable()
export class FeedbackReferenceService {
  private readonly logger = new Logger(FeedbackReferenceService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendars: CalendarsService,
    private readonly queue: JobQueue,
  ) {}

  async categories(): Promise<FeedbackCategoryView[]> {
    return (
      await dbManager(this.db)
        .getRepository(FeedbackCategory)
        .find({ order: { name: 'ASC' } })
    ).map(categoryView);
  }

  async createCategory(dto: CategoryDto, actorId: string): Promise<FeedbackCategoryView> {
    const row: FeedbackCategory = {
      id: uuidv7(),
      code: dto.code,
      name: dto.name,
      active: dto.active ?? true,
      updatedAt: this.clock.now(),
    };
    await this.db.transaction(async (m) => {
      if (await m.findOneBy(FeedbackCategory, { code: dto.code }))
        throw new ConflictError(`code: category ${dto.code} already exists`, 'CONFLICT', { field: 'code' });
      await m.insert(FeedbackCategory, row);
      await writeAudit(m, {
        actorId,
        entityType: 'feedback_category',
        entityId: row.id,
        action: 'created',
        to: row.code,
      });
    });
    return categoryView(row);
  }

  async updateCategory(id: string, dto: UpdateCategoryDto, actorId: string): Promise<FeedbackCategoryView> {
    return this.db.transaction(async (m) => {
      const row = await m.findOneBy(FeedbackCategory, { id });
      if (!row) throw new NotFoundError('Category', id);
      const changes = stripUndefined(dto);
      Object.assign(row, changes, { updatedAt: this.clock.now() });
      await m.save(row);
      await writeAudit(m, {
        actorId,
        entityType: 'feedback_category',
        entityId: id,
        action: 'updated',
        data: { ...changes },
      });
      return categoryView(row);
    });
  }

  async agencies(): Promise<AgencyView[]> {
    return (
      await dbManager(this.db)
        .getRepository(Agency)
        .find({ order: { name: 'ASC' } })
    ).map(agencyView);
  }

  async agency(id: string): Promise<Agency> {
    const row = await dbManager(this.db).getRepository(Agency).findOneBy({ id });
    if (!row) throw new NotFoundError('Agency', id);
    return row;
  }

  async createAgency(dto: AgencyDto, actorId: string): Promise<AgencyView> {
    const row: Agency = {
      id: uuidv7(),
      code: dto.code,
      name: dto.name,
      email: dto.email.toLowerCase(),
      active: dto.active ?? true,
      updatedAt: this.clock.now(),
    };
    await this.db.transaction(async (m) => {
      if (await m.findOneBy(Agency, { code: dto.code }))
        throw new ConflictError(`code: agency ${dto.code} already exists`, 'CONFLICT', { field: 'code' });
      await m.insert(Agency, row);
      await writeAudit(m, { actorId, entityType: 'agency', entityId: row.id, action: 'created', to: row.code });
    });
    return agencyView(row);
  }

  async updateAgency(id: string, dto: UpdateAgencyDto, actorId: string): Promise<AgencyView> {
    return this.db.transaction(async (m) => {
      const row = await m.findOneBy(Agency, { id });
      if (!row) throw new NotFoundError('Agency', id);
      const changes = stripUndefined(dto);
      Object.assign(row, changes, { updatedAt: this.clock.now() });
      await m.save(row);
      await writeAudit(m, { actorId, entityType: 'agency', entityId: id, action: 'updated', data: { ...changes } });
      return agencyView(row);
    });
  }

  async policies(): Promise<SlaPolicyView[]> {
    return (
      await dbManager(this.db)
        .getRepository(SlaPolicy)
        .find({ order: { name: 'ASC' } })
    ).map(policyView);
  }

  async activePolicies(): Promise<SlaPolicy[]> {
    return dbManager(this.db).getRepository(SlaPolicy).findBy({ active: true });
  }

  async policy(id: string): Promise<SlaPolicy> {
    const row = await dbManager(this.db).getRepository(SlaPolicy).findOneBy({ id });
    if (!row) throw new NotFoundError('SLA policy', id);
    return row;
  }

  async createPolicy(dto: SlaPolicyDto, actorId: string): Promise<SlaPolicyView> {
    const calendarId = dto.calendar
      ? await this.calendarOrBadRequest(dto.calendar)
      : (await this.calendars.list()).find((c) => c.isDefault)?.id;
    if (!calendarId) throw new ValidationError('calendar: no default calendar, name one', { field: 'calendar' });
    if (dto.categoryId) await this.categoryOrBadRequest(dto.categoryId);
    const row: SlaPolicy = {
      id: uuidv7(),
      name: dto.name,
      kind: dto.kind ?? null,
      categoryId: dto.categoryId ?? null,
      priority: dto.priority ?? null,
      calendarId,
      firstResponseMinutes: dto.firstResponseMinutes,
      resolutionMinutes: dto.resolutionMinutes,
      forwardMinutes: dto.forwardMinutes ?? null,
      warnPercent: dto.warnPercent ?? 75,
      pauseWhenForwarded: dto.pauseWhenForwarded ?? false,
      escalation: dto.escalation ?? 'none',
      active: dto.active ?? true,
      updatedAt: this.clock.now(),
      version: 1,
    };
    await this.db.transaction(async (m) => {
      await m.insert(SlaPolicy, row);
      await writeAudit(m, { actorId, entityType: 'sla_policy', entityId: row.id, action: 'created', data: { ...dto } });
    });
    return policyView(row);
  }

  /**
   * Saves the edit, then (after the commit) queues the recompute of the open tickets the policy governs: a worker job, paged, keyed
   * by the policy's version (two quick edits → the older job stops, the newer one applies the latest terms).
   */
  async updatePolicy(id: string, dto: UpdateSlaPolicyDto, actorId: string): Promise<SlaPolicyUpdateView> {
    const row = await this.db.transaction(async (m) => {
      const r = await m.findOne(SlaPolicy, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw new NotFoundError('SLA policy', id);
      const changes = stripUndefined(dto);
      Object.assign(r, changes, { updatedAt: this.clock.now(), version: r.version + 1 });
      await m.update(SlaPolicy, { id }, { ...changes, updatedAt: r.updatedAt, version: r.version });
      await writeAudit(m, {
        actorId,
        entityType: 'sla_policy',
        entityId: id,
        action: 'updated',
        data: { ...changes, version: r.version },
      });
      return r;
    });
    const [{ n }] = await dbManager(this.db).query(
      "SELECT COUNT(*) AS n FROM tickets WHERE policy_id = ? AND status <> 'closed'",
      [id],
    );
    const open = Number(n);
    if (open > 0) {
      try {
        await this.queue.enqueue(
          'sla-policy-recompute',
          { policyId: id, version: row.version },
          { jobId: jobId('sla-policy', id, `v${row.version}`) },
        );
      } catch (err) {
        // The edit is committed; the tickets pick the new terms up on their next change. Said loudly: it is an operations problem.
        this.logger.error(
          `Queueing the recompute of SLA policy ${id} v${row.version} failed: ${(err as Error).message}`,
        );
      }
    }
    return { ...policyView(row), recomputeQueued: open };
  }

  async categoryOrBadRequest(id: string, field = 'categoryId'): Promise<FeedbackCategory> {
    const row = await dbManager(this.db).getRepository(FeedbackCategory).findOneBy({ id });
    if (!row || !row.active)
      throw new ValidationError(`${field}: unknown or inactive category`, { field, constraint: 'exists' });
    return row;
  }

  async agencyOrBadRequest(id: string, field = 'agencyId'): Promise<Agency> {
    const row = await dbManager(this.db).getRepository(Agency).findOneBy({ id });
    if (!row || !row.active)
      throw new ValidationError(`${field}: unknown or inactive agency`, { field, constraint: 'exists' });
    return row;
  }

  private async calendarOrBadRequest(idOrCode: string): Promise<string> {
    try {
      return (await this.calendars.get(idOrCode)).id;
    } catch (err) {
      if (err instanceof NotFoundError)
        throw new ValidationError(`calendar: unknown calendar ${idOrCode}`, {
          field: 'calendar',
          constraint: 'exists',
        });
      throw err;
    }
  }
}
