import { Role } from '@thuchoc/identity/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrgUnit } from '../org-units/org-unit.entity';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') username!: string;
  @Column('text', { nullable: true }) email!: string | null;
  /** Null for an account made in bulk until its owner activates it. */
  @Column('text', { name: 'password_hash', select: false, nullable: true }) passwordHash!: string | null;
  @Column('text', { name: 'full_name' }) fullName!: string;
  /** Name, username and e-mail folded (no diacritics, lower case) for search. */
  @Column('text', { name: 'search_text', select: false }) searchText!: string;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('uuid', { name: 'org_unit_id' }) orgUnitId!: string;
  @ManyToOne(() => OrgUnit) @JoinColumn({ name: 'org_unit_id' }) orgUnit?: OrgUnit;
  @Column('uuid', { name: 'scope_unit_id' }) scopeUnitId!: string;
  @Column('text', { nullable: true }) position!: string | null;
  @Column('boolean', { name: 'is_party_member' }) isPartyMember!: boolean;
  @Column('text', { array: true }) roles!: Role[];
  @Column('boolean', { name: 'is_active' }) isActive!: boolean;
  @Column('timestamptz', { name: 'password_changed_at', nullable: true }) passwordChangedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
