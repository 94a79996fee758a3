import { QuestionContent } from '@thuchoc/assessments/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One version of a question's content, never changed: what a quiz attempt showed and is graded by. */
@Entity('question_versions')
export class QuestionVersion {
  @PrimaryColumn('uuid', { name: 'question_id' }) questionId!: string;
  @PrimaryColumn('int') version!: number;
  @Column('jsonb') content!: QuestionContent;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
