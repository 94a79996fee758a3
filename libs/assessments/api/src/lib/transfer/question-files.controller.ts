import { Body, Controller, Get, Param, Post, Query, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import {
  QuestionFileFormat,
  QuestionImportResult,
  QUESTION_IMPORT_MAX_BYTES,
} from '@thuchoc/assessments/contracts';
import { Authenticated, CurrentPrincipal, Principal } from '@thuchoc/identity/api';
import { UploadedPart } from '@thuchoc/shared/api-core';
import { CourseIdPipe } from '../access/question-bank-access';
import { QuestionImportResultDto } from '../questions/dto/question-response.dto';
import { ImportQuestionsDto, QuestionSheetQueryDto } from './question-files.dto';
import { ApiFileDownload, toDownload } from './question-downloads';
import { QuestionImportInterceptor, UploadedQuestionFile } from './question-import.interceptor';
import { QuestionTransferService } from './question-transfer.service';
import { SHEET_CONTENT_TYPES } from './sheet-files';

/** Imports, exports and the import template of a course's question bank (access as for the bank itself). */
@ApiTags('question bank')
@Controller('courses/:courseId/questions')
export class QuestionFilesController {
  constructor(private readonly transfer: QuestionTransferService) {}

  /**
   * Imports a file (multipart: `file`, and `format` = xlsx, csv or gift), all or
   * nothing: 400 `question-import.invalid` lists every problem by `rows.<n>` or
   * `questions.<n>` and writes nothing; 413 over the size limit.
   */
  @Post('imports')
  @Authenticated()
  @UseInterceptors(QuestionImportInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'format'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `At most ${QUESTION_IMPORT_MAX_BYTES / (1024 * 1024)} MiB`,
        },
        format: { type: 'string', enum: Object.values(QuestionFileFormat) },
      },
    },
  })
  @ApiCreatedResponse({ type: QuestionImportResultDto })
  import(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', CourseIdPipe) courseId: string,
    @Body() dto: ImportQuestionsDto,
    @UploadedPart() file: UploadedQuestionFile | undefined,
  ): Promise<QuestionImportResult> {
    return this.transfer.import(principal, courseId, dto.format, file);
  }

  /** The spreadsheet layout with one example question of each type (XLSX also explains each column). */
  @Get('imports/template')
  @Authenticated()
  @ApiFileDownload(...Object.values(SHEET_CONTENT_TYPES))
  async template(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', CourseIdPipe) courseId: string,
    @Query() query: QuestionSheetQueryDto,
  ): Promise<StreamableFile> {
    return toDownload(
      await this.transfer.template(principal, courseId, query.format ?? QuestionFileFormat.Xlsx),
    );
  }

  /** The active questions in the same layout, ready to import elsewhere. */
  @Get('export')
  @Authenticated()
  @ApiFileDownload(...Object.values(SHEET_CONTENT_TYPES))
  async export(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', CourseIdPipe) courseId: string,
    @Query() query: QuestionSheetQueryDto,
  ): Promise<StreamableFile> {
    return toDownload(
      await this.transfer.export(principal, courseId, query.format ?? QuestionFileFormat.Xlsx),
    );
  }
}
