import { Injectable } from '@nestjs/common';
import type { Page, PostOfficeView } from '@hotline/contracts';
import { decodeTextCursor, NotFoundError, toTextPage } from '@hotline/core';
import type { ListPostOfficesQuery } from './geo.dto';
import { toOfficeView } from './post-office-view';
import { PostOfficesRepository } from './repositories/post-offices.repository';

export const DEFAULT_OFFICES_PAGE = 100;

/** What the rest of the system reads about post offices. Commands are the use cases beside it. */
@Injectable()
export class PostOfficesService {
  constructor(private readonly offices: PostOfficesRepository) {}

  exists(id: string): Promise<boolean> {
    return this.offices.exists(id);
  }

  /** In code order, with filters; `cursor` is the previous page's `nextCursor`. */
  async list(query: ListPostOfficesQuery): Promise<Page<PostOfficeView>> {
    const limit = query.limit ?? DEFAULT_OFFICES_PAGE;
    const rows = await this.offices.list({
      communeCode: query.communeCode,
      serves: query.serves,
      active: query.active,
      q: query.q,
      afterCode: query.cursor ? decodeTextCursor(query.cursor) : undefined,
      limit,
    });
    const shown = rows.slice(0, limit);
    const areas = await this.offices.serviceAreas(shown.map((o) => o.id));
    return toTextPage(
      rows,
      limit,
      (o) => o.code,
      (o) => toOfficeView(o, areas.get(o.id) ?? []),
    );
  }

  async get(id: string): Promise<PostOfficeView> {
    const office = await this.offices.findById(id);
    if (!office) throw new NotFoundError('Post office', id);
    const areas = await this.offices.serviceAreas([id]);
    return toOfficeView(office, areas.get(id) ?? []);
  }

  async findByCode(code: string): Promise<PostOfficeView | null> {
    const office = await this.offices.findByCode(code);
    return office ? this.get(office.id) : null;
  }
}
