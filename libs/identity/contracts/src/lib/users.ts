import { Role } from './roles';

export interface UserResponse {
  id: string;
  username: string;
  email: string | null;
  fullName: string;
  phone: string | null;
  orgUnitId: string;
  orgUnitName: string;
  /** Root of the subtree this user may act on; their own unit unless widened. */
  scopeUnitId: string;
  position: string | null;
  isPartyMember: boolean;
  roles: Role[];
  isActive: boolean;
  createdAt: string;
}

export type MeResponse = UserResponse;

export interface CreateUserRequest {
  username: string;
  email?: string | null;
  fullName: string;
  phone?: string | null;
  orgUnitId: string;
  scopeUnitId?: string | null;
  position?: string | null;
  isPartyMember?: boolean;
  roles: Role[];
  password: string;
}

export interface UpdateUserRequest {
  email?: string | null;
  fullName?: string;
  phone?: string | null;
  orgUnitId?: string;
  scopeUnitId?: string | null;
  position?: string | null;
  isPartyMember?: boolean;
  roles?: Role[];
}

export interface UserListQuery {
  q?: string;
  orgUnitId?: string;
  role?: Role;
  isActive?: boolean;
  page?: number;
  pageSize?: number;
}
