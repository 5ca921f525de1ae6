import { Injectable } from '@nestjs/common';
import type { Role } from '@hotline/contracts';
import { VersionedCache } from '@hotline/core';
import { UsersService } from '@hotline/identity';

export interface DirectoryUser {
  id: string;
  role: Role;
  extension: string | null;
}

/** A change of a user's extension applies to the CTI path within this time. */
const EXTENSION_CACHE_MS = 10_000;

/** Staff by PBX extension, through the identity context's service. Cached briefly: the CTI path asks for every answer. */
@Injectable()
export class OperatorDirectory {
  private readonly byExt: VersionedCache<string, DirectoryUser | null>;

  constructor(private readonly users: UsersService) {
    this.byExt = new VersionedCache({
      recheckMs: EXTENSION_CACHE_MS,
      load: (extension) => this.users.findActiveByExtension(extension),
    });
  }

  byExtension(extension: string): Promise<DirectoryUser | null> {
    return this.byExt.get(extension);
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
