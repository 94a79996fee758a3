import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoursesApiModule } from '@thuchoc/courses/api';
import { IdentityApiModule } from '@thuchoc/identity/api';
import { IntegrityApiModule } from '@thuchoc/integrity/api';
import { QuestionBankAccess } from './access/question-bank-access';
import { AttemptClosing } from './attempts/attempt-closing';
import { AttemptItemsCache } from './attempts/attempt-items-cache';
import { AttemptsService } from './attempts/attempts.service';
import { MyAttemptsController } from './attempts/my-attempts.controller';
import { MyAttemptsService } from './attempts/my-attempts.service';
import { QuestionPool } from './attempts/question-pool';
import { QuizRulesCache } from './attempts/quiz-rules-cache';
import { AttemptStarts } from './attempts/attempt-starts';
import { EssayGradingService } from './essays/essay-grading.service';
import { EssaysController } from './essays/essays.controller';
import { RubricsService } from './essays/rubrics.service';
import { GradingService } from './grading/grading.service';
import { AssessmentsJobsProcessor } from './jobs/assessments-jobs.processor';
import { AttemptSweeper } from './jobs/attempt-sweeper';
import { QuestionVersion } from './questions/question-version.entity';
import { Question } from './questions/question.entity';
import { QuestionsController } from './questions/questions.controller';
import { QuestionsService } from './questions/questions.service';
import { QuizAccess } from './quizzes/quiz-access';
import { Quiz } from './quizzes/quiz.entity';
import { QuizzesController } from './quizzes/quizzes.controller';
import { QuizzesService } from './quizzes/quizzes.service';
import { QuestionFilesController } from './transfer/question-files.controller';
import { SimilarityFlagsController } from './similarity-flags/similarity-flags.controller';
import { SimilarityFlagsService } from './similarity-flags/similarity-flags.service';
import { QuestionTransferService } from './transfer/question-transfer.service';

/**
 * Assessments: the question bank of each course (questions, versions, imports
 * and exports), the quizzes of each class and their server-timed attempts,
 * graded by a job.
 */
@Module({
  imports: [
    IdentityApiModule,
    IntegrityApiModule,
    CoursesApiModule,
    TypeOrmModule.forFeature([Question, QuestionVersion, Quiz]),
  ],
  // The files controller first: its `GET …/questions/export` must be matched before `GET …/questions/:questionId`.
  controllers: [
    QuestionFilesController,
    QuestionsController,
    QuizzesController,
    MyAttemptsController,
    EssaysController,
    SimilarityFlagsController,
  ],
  providers: [
    QuestionBankAccess,
    QuestionsService,
    QuestionTransferService,
    QuizAccess,
    QuizzesService,
    QuestionPool,
    QuizRulesCache,
    AttemptStarts,
    AttemptItemsCache,
    AttemptClosing,
    AttemptsService,
    MyAttemptsService,
    GradingService,
    RubricsService,
    EssayGradingService,
    SimilarityFlagsService,
    AssessmentsJobsProcessor,
    AttemptSweeper,
  ],
  exports: [QuestionsService],
})
export class AssessmentsApiModule {}
