import { OrgUnitKind, OrgUnitStatus } from '@thuchoc/identity/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('org_units')
export class OrgUnit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('text') kind!: OrgUnitKind;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  /** Materialized path of ids, `/root/…/self/`: a subtree is one indexed prefix match. */
  @Column('text') path!: string;
  @Column('int') depth!: number;
  @Column('text') status!: OrgUnitStatus;
  @Column('uuid', { name: 'merged_into_id', nullable: true }) mergedIntoId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
