/** Roles a user can hold. Staff roles are held in an agency; the public's roles are not. */
export const ROLES = {
  administrator: { staff: true },
  editor: { staff: true },
  writer: { staff: true },
  officer: { staff: true },
  leader: { staff: true },
  statistician: { staff: true },
  inspector: { staff: true },
  enterprise: { staff: false },
  citizen: { staff: false },
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export const isRole = (value: string): value is Role => Object.hasOwn(ROLES, value);
export const isStaffRole = (role: Role): boolean => ROLES[role].staff;
