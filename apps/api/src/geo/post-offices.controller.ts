import { Body, Controller, Get, Header, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, PostOfficeView } from '@hotline/contracts';
import { AnyRole, AuthUser, CurrentUser, Roles } from '@hotline/core';
import {
  CreatePostOfficeUseCase,
  CSV_COLUMNS,
  ListPostOfficesQuery,
  PostOfficeInputDto,
  PostOfficesService,
  UpdatePostOfficeDto,
  UpdatePostOfficeUseCase,
} from '@hotline/geo';
import { uuidPipe } from '../http/pipes';

@ApiTags('post-offices')
@ApiBearerAuth()
@Controller('post-offices')
export class PostOfficesController {
  constructor(
    private readonly offices: PostOfficesService,
    private readonly createOffice: CreatePostOfficeUseCase,
    private readonly updateOffice: UpdatePostOfficeUseCase,
  ) {}

  @Get()
  @AnyRole()
  list(@Query() query: ListPostOfficesQuery): Promise<Page<PostOfficeView>> {
    return this.offices.list(query);
  }

  @Get('import/template')
  @Roles('admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="post-offices-template.csv"')
  @ApiOperation({ summary: 'An example CSV for the import' })
  template(): string {
    return (
      [
        CSV_COLUMNS.join(','),
        '591000,Bưu điện Trung tâm Pleiku,69 Hùng Vương,23575,13.98330,108.00020,0269 3824 444,"mon-fri 07:00-11:30,13:30-17:00; sat 07:00-11:30",120,true,23584',
      ].join('\r\n') + '\r\n'
    );
  }

  @Get(':id')
  @AnyRole()
  get(@Param('id', uuidPipe) id: string): Promise<PostOfficeView> {
    return this.offices.get(id);
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: PostOfficeInputDto, @CurrentUser() actor: AuthUser): Promise<PostOfficeView> {
    return this.createOffice.execute(dto, actor.id);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdatePostOfficeDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<PostOfficeView> {
    return this.updateOffice.execute(id, dto, actor.id);
  }
}
