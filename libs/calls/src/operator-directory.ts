import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@hotline/contracts';

export interface DirectoryUser {
  id: string;
  role: Role;
  extension: string | null;
}

/**
 * Read-only view of the identity context's `users` table: id, role and PBX extension only. Identity exposes no
 * "find by extension" yet (requested from its owner); until then this narrow query is the only place the calls
 * context reads that table. Cached briefly: the CTI path asks for every answer.
 */
@Injectable()
export class OperatorDirectory {
  private cache = new Map<string, { user: DirectoryUser | null; at: number }>();
  private static readonly TTL_MS = 10_000;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byExtension(extension: string): Promise<DirectoryUser | null> {
    const hit = this.cache.get(extension);
    if (hit && Date.now() - hit.at < OperatorDirectory.TTL_MS) return hit.user;
    const row = await this.db
      .createQueryBuilder()
      .select(['u.id AS id', 'u.role AS role', 'u.extension AS extension'])
      .from('users', 'u')
      .where('u.extension = :extension AND u.disabled_at IS NULL', { extension })
      .getRawOne<DirectoryUser>();
    const user = row ? { id: row.id, role: row.role, extension: row.extension } : null;
    this.cache.set(extension, { user, at: Date.now() });
    return user;
  }

  /** The first of the extensions that belongs to an active operator (or supervisor taking calls). */
  async firstOperator(extensions: string[]): Promise<DirectoryUser | null> {
    for (const ext of extensions) {
      const u = await this.byExtension(ext);
      if (u && (u.role === 'operator' || u.role === 'supervisor')) return u;
    }
    return null;
  }

  async role(userId: string): Promise<Role | null> {
    const row = await this.db.createQueryBuilder().select('u.role AS role').from('users', 'u').where('u.id = :userId', { userId }).getRawOne<{ role: Role }>();
    return row?.role ?? null;
  }
}
