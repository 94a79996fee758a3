import { ApiProperty } from '@nestjs/swagger';
import { Page } from '@thuchoc/shared/contracts';
import { Role, UserResponse } from '@thuchoc/identity/contracts';
import { User } from '../user.entity';

export class UserResponseDto implements UserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty() orgUnitId!: string;
  @ApiProperty() orgUnitName!: string;
  @ApiProperty() scopeUnitId!: string;
  @ApiProperty({ nullable: true, type: String }) position!: string | null;
  @ApiProperty() isPartyMember!: boolean;
  @ApiProperty({ enum: Role, isArray: true }) roles!: Role[];
  @ApiProperty() isActive!: boolean;
  @ApiProperty() createdAt!: string;
}

export class UserPageDto implements Page<UserResponse> {
  @ApiProperty({ type: [UserResponseDto] }) items!: UserResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** Requires `orgUnit` loaded. */
export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    fullName: user.fullName,
    phone: user.phone,
    orgUnitId: user.orgUnitId,
    orgUnitName: user.orgUnit?.name ?? '',
    scopeUnitId: user.scopeUnitId,
    position: user.position,
    isPartyMember: user.isPartyMember,
    roles: user.roles,
    isActive: user.isActive,
    createdAt: user.createdAt.toISOString(),
  };
}
