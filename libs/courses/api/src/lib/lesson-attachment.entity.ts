import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A PDF of a lesson. The bytes live in the row (bytea) and are only read for a download. */
@Entity('lesson_attachments')
export class LessonAttachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'course_id' }) courseId!: string;
  @Column('uuid', { name: 'lesson_id' }) lessonId!: string;
  @Column('text', { name: 'file_name' }) fileName!: string;
  @Column('int', { name: 'size_bytes' }) sizeBytes!: number;
  @Column('bytea', { select: false }) content!: Buffer;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
