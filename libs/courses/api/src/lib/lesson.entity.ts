import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('lessons')
export class Lesson {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'course_id' }) courseId!: string;
  @Column('uuid', { name: 'module_id' }) moduleId!: string;
  @Column('text') title!: string;
  /** 1-based, contiguous within the module. */
  @Column('int') position!: number;
  /** Sanitised HTML, never stored raw. */
  @Column('text') body!: string;
  @Column('text', { name: 'video_url', nullable: true }) videoUrl!: string | null;
  @Column('int', { name: 'duration_minutes', nullable: true }) durationMinutes!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
