import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoursesApiModule } from '@thuchoc/courses/api';
import { IdentityApiModule } from '@thuchoc/identity/api';
import { IntegrityApiModule } from '@thuchoc/integrity/api';
import { QuestionBankAccess } from './access/question-bank-access';
import { QuestionVersion } from './questions/question-version.entity';
import { Question } from './questions/question.entity';
import { QuestionsController } from './questions/questions.controller';
import { QuestionsService } from './questions/questions.service';
import { QuestionFilesController } from './transfer/question-files.controller';
import { QuestionTransferService } from './transfer/question-transfer.service';

/** Assessments: the question bank of each course (questions, versions, imports and exports). */
@Module({
  imports: [
    IdentityApiModule,
    IntegrityApiModule,
    CoursesApiModule,
    TypeOrmModule.forFeature([Question, QuestionVersion]),
  ],
  // The files controller first: its `GET …/questions/export` must be matched before `GET …/questions/:questionId`.
  controllers: [QuestionFilesController, QuestionsController],
  providers: [QuestionBankAccess, QuestionsService, QuestionTransferService],
  exports: [QuestionsService],
})
export class AssessmentsApiModule {}
