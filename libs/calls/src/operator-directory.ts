import { Injectable } from '@nestjs/common';
import type { Role } from '@hotline/contracts';
import { UsersService } from '@hotline/identity';

export interface DirectoryUser {
  id: string;
  role: Role;
  extension: string | null;
}

/** Staff by PBX extension, through the identity context's service. Cached briefly: the CTI path asks for every answer. */
@Injectable()
export class OperatorDirectory {
  private cache = new Map<string, { user: DirectoryUser | null; at: number }>();
  private static readonly TTL_MS = 10_000;

  constructor(private readonly users: UsersService) {}

  async byExtension(extension: string): Promise<DirectoryUser | null> {
    const hit = this.cache.get(extension);
    if (hit && Date.now() - hit.at < OperatorDirectory.TTL_MS) return hit.user;
    const user = await this.users.findActiveByExtension(extension);
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

  /** Names and extensions of these staff members, by id. */
  async names(ids: string[]): Promise<Map<string, { fullName: string; extension: string | null }>> {
    const rows = await this.users.names([...new Set(ids)]);
    return new Map(rows.map((r) => [r.id, { fullName: r.fullName, extension: r.extension }]));
  }

  async role(userId: string): Promise<Role | null> {
    return this.users.roleOf(userId);
  }
}
