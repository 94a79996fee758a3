import { OrgUnitEventType } from '@thuchoc/identity/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change in a unit's life, kept so past reports can name units as they were. */
@Entity('org_unit_events')
export class OrgUnitEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'unit_id' }) unitId!: string;
  @Column('text') type!: OrgUnitEventType;
  @Column('timestamptz', { name: 'occurred_at', default: () => 'now()' }) occurredAt!: Date;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { name: 'name_before', nullable: true }) nameBefore!: string | null;
  @Column('text', { name: 'name_after', nullable: true }) nameAfter!: string | null;
  @Column('uuid', { name: 'parent_before_id', nullable: true }) parentBeforeId!: string | null;
  @Column('uuid', { name: 'parent_after_id', nullable: true }) parentAfterId!: string | null;
  @Column('uuid', { name: 'other_unit_id', nullable: true }) otherUnitId!: string | null;
  @Column('text', { name: 'other_unit_name', nullable: true }) otherUnitName!: string | null;
}
