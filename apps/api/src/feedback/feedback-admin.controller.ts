import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AgencyView, FeedbackCategoryView, SlaPolicyView } from '@hotline/contracts';
import { AnyRole, AuthUser, CurrentUser, Roles } from '@hotline/core';
import { AgencyDto, CategoryDto, FeedbackReferenceService, SlaPolicyDto, UpdateAgencyDto, UpdateCategoryDto, UpdateSlaPolicyDto } from '@hotline/feedback';
import { uuidPipe } from '../http/pipes';

/** Managed lists of the feedback context: categories, agencies (with contact email) and SLA policies. */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller()
export class FeedbackAdminController {
  constructor(private readonly refs: FeedbackReferenceService) {}

  @Get('feedback/categories')
  @AnyRole()
  categories(): Promise<FeedbackCategoryView[]> {
    return this.refs.categories();
  }

  @Post('feedback/categories')
  @Roles('admin')
  createCategory(@Body() dto: CategoryDto, @CurrentUser() actor: AuthUser): Promise<FeedbackCategoryView> {
    return this.refs.createCategory(dto, actor.id);
  }

  @Patch('feedback/categories/:id')
  @Roles('admin')
  updateCategory(@Param('id', uuidPipe) id: string, @Body() dto: UpdateCategoryDto, @CurrentUser() actor: AuthUser): Promise<FeedbackCategoryView> {
    return this.refs.updateCategory(id, dto, actor.id);
  }

  @Get('feedback/agencies')
  @AnyRole()
  agencies(): Promise<AgencyView[]> {
    return this.refs.agencies();
  }

  @Post('feedback/agencies')
  @Roles('admin')
  createAgency(@Body() dto: AgencyDto, @CurrentUser() actor: AuthUser): Promise<AgencyView> {
    return this.refs.createAgency(dto, actor.id);
  }

  @Patch('feedback/agencies/:id')
  @Roles('admin')
  updateAgency(@Param('id', uuidPipe) id: string, @Body() dto: UpdateAgencyDto, @CurrentUser() actor: AuthUser): Promise<AgencyView> {
    return this.refs.updateAgency(id, dto, actor.id);
  }

  @Get('sla/policies')
  @Roles('operator', 'supervisor', 'admin')
  policies(): Promise<SlaPolicyView[]> {
    return this.refs.policies();
  }

  @Post('sla/policies')
  @Roles('admin')
  createPolicy(@Body() dto: SlaPolicyDto, @CurrentUser() actor: AuthUser): Promise<SlaPolicyView> {
    return this.refs.createPolicy(dto, actor.id);
  }

  @Patch('sla/policies/:id')
  @Roles('admin')
  updatePolicy(@Param('id', uuidPipe) id: string, @Body() dto: UpdateSlaPolicyDto, @CurrentUser() actor: AuthUser): Promise<SlaPolicyView> {
    return this.refs.updatePolicy(id, dto, actor.id);
  }
}
