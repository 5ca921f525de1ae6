import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, PostOfficeView } from '@hotline/contracts';
import { AnyRole, AuthUser, CurrentUser, Roles, ValidationError } from '@hotline/core';
import {
  CSV_COLUMNS,
  ImportResult,
  ListPostOfficesQuery,
  PostOfficeInputDto,
  PostOfficesService,
  UpdatePostOfficeDto,
} from '@hotline/geo';
import type { FastifyRequest } from 'fastify';
import { uuidPipe } from '../http/pipes';

const MAX_CSV_BYTES = 5 * 1024 * 1024;

@ApiTags('post-offices')
@ApiBearerAuth()
@Controller('post-offices')
export class PostOfficesController {
  constructor(private readonly offices: PostOfficesService) {}

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
    return this.offices.create(dto, actor.id);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdatePostOfficeDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<PostOfficeView> {
    return this.offices.update(id, dto, actor.id);
  }

  @Post('import')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: `Import post offices from CSV (columns: ${CSV_COLUMNS.join(', ')}). All lines or none.` })
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  async import(@Req() req: FastifyRequest, @CurrentUser() actor: AuthUser): Promise<ImportResult> {
    return this.offices.importCsv(await readCsvBody(req), actor.id);
  }
}

/** The CSV arrives as a multipart file (field "file") or as a raw text/csv body. */
async function readCsvBody(req: FastifyRequest): Promise<string> {
  if (req.isMultipart()) {
    const file = await req.file({ limits: { fileSize: MAX_CSV_BYTES, files: 1 } });
    if (!file) throw new ValidationError('send the CSV as a multipart file field named "file"');
    const buffer = await file.toBuffer();
    if (file.file.truncated) throw new ValidationError(`the CSV is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`);
    return buffer.toString('utf8');
  }
  if (typeof req.body === 'string') return req.body;
  throw new ValidationError('send the CSV as text/csv or as a multipart file field named "file"');
}
