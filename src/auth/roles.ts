// Roles of the help chat's users.
export const ROLES = ['traveler', 'staff', 'helpdesk', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

export interface User {
  id: string;
  role: Role;
}
