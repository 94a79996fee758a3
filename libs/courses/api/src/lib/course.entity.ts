import { CompletionPolicy, CourseAudience, GradingScheme } from '@thuchoc/courses/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('courses')
export class Course {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @Column('text') audience!: CourseAudience;
  @Column('int', { name: 'required_hours' }) requiredHours!: number;
  /** The centre that owns the course; scope follows it. */
  @Column('uuid', { name: 'owner_unit_id' }) ownerUnitId!: string;
  @Column('jsonb', { name: 'grading_scheme' }) gradingScheme!: GradingScheme;
  @Column('jsonb', { name: 'completion_policy' }) completionPolicy!: CompletionPolicy;
  /** Code and title folded (no diacritics, lower case) for search. */
  @Column('text', { name: 'search_text', select: false }) searchText!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
