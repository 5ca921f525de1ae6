import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  AgencyView,
  FeedbackCategoryView,
  MailOutboxListView,
  MailOutboxView,
  Page,
  SlaPolicyUpdateView,
  SlaPolicyView,
} from '@hotline/contracts';
import { onePage } from '@hotline/contracts';
import { AnyRole, AuthUser, CurrentUser, Roles } from '@hotline/core';
import {
  AgencyDto,
  CategoryDto,
  FeedbackReferenceService,
  ListOutboxQuery,
  MailOutboxService,
  SlaPolicyDto,
  UpdateAgencyDto,
  UpdateCategoryDto,
  UpdateSlaPolicyDto,
} from '@hotline/feedback';
import { uuidPipe } from '../http/pipes';

/** Managed lists of the feedback context: categories, agencies (with contact email) and SLA policies. */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller()
export class FeedbackAdminController {
  constructor(
    private readonly refs: FeedbackReferenceService,
    private readonly outbox: MailOutboxService,
  ) {}

  @Get('feedback/categories')
  @AnyRole()
  async categories(): Promise<Page<FeedbackCategoryView>> {
    return onePage(await this.refs.categories());
  }

  @Post('feedback/categories')
  @Roles('admin')
  createCategory(@Body() dto: CategoryDto, @CurrentUser() actor: AuthUser): Promise<FeedbackCategoryView> {
    return this.refs.createCategory(dto, actor.id);
  }

  @Patch('feedback/categories/:id')
  @Roles('admin')
  updateCategory(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateCategoryDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<FeedbackCategoryView> {
    return this.refs.updateCategory(id, dto, actor.id);
  }

  @Get('feedback/agencies')
  @AnyRole()
  async agencies(): Promise<Page<AgencyView>> {
    return onePage(await this.refs.agencies());
  }

  @Post('feedback/agencies')
  @Roles('admin')
  createAgency(@Body() dto: AgencyDto, @CurrentUser() actor: AuthUser): Promise<AgencyView> {
    return this.refs.createAgency(dto, actor.id);
  }

  @Patch('feedback/agencies/:id')
  @Roles('admin')
  updateAgency(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateAgencyDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<AgencyView> {
    return this.refs.updateAgency(id, dto, actor.id);
  }

  @Get('sla/policies')
  @Roles('operator', 'supervisor', 'admin')
  async policies(): Promise<Page<SlaPolicyView>> {
    return onePage(await this.refs.policies());
  }

  @Post('sla/policies')
  @Roles('admin')
  createPolicy(@Body() dto: SlaPolicyDto, @CurrentUser() actor: AuthUser): Promise<SlaPolicyView> {
    return this.refs.createPolicy(dto, actor.id);
  }

  @Patch('sla/policies/:id')
  @Roles('admin')
  updatePolicy(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateSlaPolicyDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<SlaPolicyUpdateView> {
    return this.refs.updatePolicy(id, dto, actor.id);
  }

  /** The mail outbox (forwards to agencies, apology slips to citizens): state per message, last error. */
  @Get('feedback/outbox')
  @Roles('supervisor', 'admin')
  listOutbox(@Query() q: ListOutboxQuery): Promise<MailOutboxListView> {
    return this.outbox.list(q);
  }

  /** Sends a failed (or disabled, once SMTP is configured) message again: a new round of attempts. */
  @Post('feedback/outbox/:id/retry')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  retryOutbox(@Param('id', uuidPipe) id: string, @CurrentUser() actor: AuthUser): Promise<MailOutboxView> {
    return this.outbox.retry(id, actor.id);
  }
}
