import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A module (phần / chuyên đề) of a course; its lessons hang below it. */
@Entity('course_modules')
export class CourseModule {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'course_id' }) courseId!: string;
  @Column('text') title!: string;
  /** 1-based, contiguous within the course. */
  @Column('int') position!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
