import { QuestionDifficulty, QuestionOption, QuestionType } from '@thuchoc/assessments/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** PostgreSQL returns numeric as text, to keep its precision; points have two decimals, safe as a number. */
const decimal = {
  to: (value: number) => value,
  from: (value: string) => Number(value),
};

/**
 * A question of a course's bank. Never deleted: archiving hides it from the
 * bank while quizzes keep referring to it. Its content is versioned
 * (`version`, with every version kept in `question_versions`).
 */
@Entity('questions')
export class Question {
  /** Given by the application, so a bulk import knows its ids without relying on RETURNING order. */
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'course_id' }) courseId!: string;
  @Column('text') type!: QuestionType;
  @Column('text') topic!: string;
  @Column('text') difficulty!: QuestionDifficulty;
  @Column('text', { nullable: true }) title!: string | null;
  @Column('text') stem!: string;
  @Column('jsonb') options!: QuestionOption[];
  @Column('jsonb', { name: 'accepted_answers' }) acceptedAnswers!: string[];
  @Column('boolean', { name: 'accept_without_diacritics' }) acceptWithoutDiacritics!: boolean;
  @Column('numeric', { precision: 5, scale: 2, transformer: decimal }) points!: number;
  @Column('text', { nullable: true }) explanation!: string | null;
  @Column('int') version!: number;
  /** Insertion order (an identity column): the bank lists a topic's questions in the order they came. */
  @Column({ type: 'bigint', insert: false, update: false, select: false }) seq!: string;
  /** Title, topic and stem folded (no diacritics, lower case) for search. */
  @Column('text', { name: 'search_text', select: false }) searchText!: string;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt!: Date | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
