/** The four staff roles. Citizens never log in: they look things up with a code + phone. */
export const ROLES = ['operator', 'dispatcher', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS_VI: Record<Role, string> = {
  operator: 'Điện thoại viên',
  dispatcher: 'Điều phối viên bưu cục',
  supervisor: 'Giám sát',
  admin: 'Quản trị',
};
