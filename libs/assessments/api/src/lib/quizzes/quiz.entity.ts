import { AnswersShown, DrawRule } from '@thuchoc/assessments/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** PostgreSQL returns numeric as text; a pass mark has two decimals, safe as a number. */
const decimal = {
  to: (value: number) => value,
  from: (value: string) => Number(value),
};

/** A quiz of a class: its draw rules, window, time limit, attempts and pass mark. */
@Entity('quizzes')
export class Quiz {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'class_id' }) classId!: string;
  /** The class's course: the bank the quiz draws from. */
  @Column('uuid', { name: 'course_id' }) courseId!: string;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @Column('jsonb', { name: 'draw_rules' }) drawRules!: DrawRule[];
  @Column('int', { name: 'question_count' }) questionCount!: number;
  @Column('boolean', { name: 'is_shuffling_options' }) isShufflingOptions!: boolean;
  @Column('timestamptz', { name: 'opens_at' }) opensAt!: Date;
  @Column('timestamptz', { name: 'closes_at' }) closesAt!: Date;
  @Column('int', { name: 'time_limit_minutes' }) timeLimitMinutes!: number;
  @Column('int', { name: 'max_attempts' }) maxAttempts!: number;
  @Column('numeric', { name: 'pass_mark', precision: 4, scale: 2, transformer: decimal }) passMark!: number;
  @Column('text', { name: 'answers_shown' }) answersShown!: AnswersShown;
  @Column('boolean', { name: 'is_final' }) isFinal!: boolean;
  @Column('boolean', { name: 'is_published' }) isPublished!: boolean;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
