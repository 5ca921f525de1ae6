import { Injectable } from '@nestjs/common';
import type { AgencyView, FeedbackCategoryView, SlaPolicyUpdateView, SlaPolicyView } from '@hotline/contracts';
import {
  Clock,
  ConflictError,
  jobId,
  NotFoundError,
  stripUndefined,
  UnitOfWork,
  uuidv7,
  ValidationError,
  VersionedCache,
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
import { ReferenceRepository } from '../repositories/reference.repository';
import { TicketsRepository } from '../repositories/tickets.repository';

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

/** How long the active policies are used without checking their version (an edit elsewhere shows within this). */
const POLICY_RECHECK_MS = 2000;

/** The managed lists of the feedback context: categories, agencies and SLA policies (admin CRUD, audited). */
@Injectable()
export class FeedbackReferenceService {
  /** The active SLA policies, read by every new ticket: kept in memory, reloaded when their version moves. */
  private readonly active = new VersionedCache<'active', SlaPolicy[]>({
    recheckMs: POLICY_RECHECK_MS,
    version: () => this.rows.policiesVersion(),
    load: () => this.rows.activePolicies(),
  });

  constructor(
    private readonly uow: UnitOfWork,
    private readonly rows: ReferenceRepository,
    private readonly tickets: TicketsRepository,
    private readonly clock: Clock,
    private readonly calendars: CalendarsService,
  ) {}

  async categories(): Promise<FeedbackCategoryView[]> {
    return (await this.rows.all(FeedbackCategory)).map(categoryView);
  }

  async createCategory(dto: CategoryDto, actorId: string): Promise<FeedbackCategoryView> {
    const row: FeedbackCategory = {
      id: uuidv7(),
      code: dto.code,
      name: dto.name,
      active: dto.active ?? true,
      updatedAt: this.clock.now(),
    };
    await this.uow.run(async (tx) => {
      if (await this.rows.findByCode(FeedbackCategory, dto.code))
        throw new ConflictError(`code: category ${dto.code} already exists`, 'CONFLICT', { field: 'code' });
      await this.rows.insert(FeedbackCategory, row);
      await tx.history({ actorId, entityType: 'feedback_category', entityId: row.id, action: 'created', to: row.code });
    });
    return categoryView(row);
  }

  async updateCategory(id: string, dto: UpdateCategoryDto, actorId: string): Promise<FeedbackCategoryView> {
    return this.uow.run(async (tx) => {
      const row = await this.rows.find(FeedbackCategory, id);
      if (!row) throw new NotFoundError('Category', id);
      const changes = stripUndefined(dto);
      Object.assign(row, changes, { updatedAt: this.clock.now() });
      await this.rows.update(FeedbackCategory, id, { ...changes, updatedAt: row.updatedAt });
      await tx.history({
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
    return (await this.rows.all(Agency)).map(agencyView);
  }

  async agency(id: string): Promise<Agency> {
    const row = await this.rows.find(Agency, id);
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
    await this.uow.run(async (tx) => {
      if (await this.rows.findByCode(Agency, dto.code))
        throw new ConflictError(`code: agency ${dto.code} already exists`, 'CONFLICT', { field: 'code' });
      await this.rows.insert(Agency, row);
      await tx.history({ actorId, entityType: 'agency', entityId: row.id, action: 'created', to: row.code });
    });
    return agencyView(row);
  }

  async updateAgency(id: string, dto: UpdateAgencyDto, actorId: string): Promise<AgencyView> {
    return this.uow.run(async (tx) => {
      const row = await this.rows.find(Agency, id);
      if (!row) throw new NotFoundError('Agency', id);
      const changes = stripUndefined(dto);
      Object.assign(row, changes, { updatedAt: this.clock.now() });
      await this.rows.update(Agency, id, { ...changes, updatedAt: row.updatedAt });
      await tx.history({ actorId, entityType: 'agency', entityId: id, action: 'updated', data: { ...changes } });
      return agencyView(row);
    });
  }

  async policies(): Promise<SlaPolicyView[]> {
    return (await this.rows.all(SlaPolicy)).map(policyView);
  }

  /** The active policies (shared: callers read them, never change them). */
  activePolicies(): Promise<readonly SlaPolicy[]> {
    return this.active.get('active');
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
    await this.uow.run(async (tx) => {
      await this.rows.insert(SlaPolicy, row);
      await tx.history({ actorId, entityType: 'sla_policy', entityId: row.id, action: 'created', data: { ...dto } });
    });
    this.active.invalidate();
    return policyView(row);
  }

  /**
   * Saves the edit and, on the same unit of work, the recompute of the open tickets the policy governs: a worker job, paged,
   * keyed by the policy's version (two quick edits → the older job stops, the newer one applies the latest terms).
   */
  async updatePolicy(id: string, dto: UpdateSlaPolicyDto, actorId: string): Promise<SlaPolicyUpdateView> {
    const updated = await this.uow.run(async (tx) => {
      const r = await this.rows.lock(SlaPolicy, id);
      if (!r) throw new NotFoundError('SLA policy', id);
      const changes = stripUndefined(dto);
      Object.assign(r, changes, { updatedAt: this.clock.now(), version: r.version + 1 });
      await this.rows.update(SlaPolicy, id, { ...changes, updatedAt: r.updatedAt, version: r.version });
      await tx.history({
        actorId,
        entityType: 'sla_policy',
        entityId: id,
        action: 'updated',
        data: { ...changes, version: r.version },
      });
      const open = await this.tickets.countNotClosedOfPolicy(id);
      if (open > 0)
        tx.enqueue(
          'sla-policy-recompute',
          { policyId: id, version: r.version },
          { jobId: jobId('sla-policy', id, `v${r.version}`) },
        );
      return { ...policyView(r), recomputeQueued: open };
    });
    this.active.invalidate();
    return updated;
  }

  async categoryOrBadRequest(id: string, field = 'categoryId'): Promise<FeedbackCategory> {
    const row = await this.rows.find(FeedbackCategory, id);
    if (!row || !row.active)
      throw new ValidationError(`${field}: unknown or inactive category`, { field, constraint: 'exists' });
    return row;
  }

  async agencyOrBadRequest(id: string, field = 'agencyId'): Promise<Agency> {
    const row = await this.rows.find(Agency, id);
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
