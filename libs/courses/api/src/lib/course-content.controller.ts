import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CourseResponse } from '@thuchoc/courses/contracts';
import { Roles, ScopedBy } from '@thuchoc/identity/api';
import { HttpReply, UploadedPart } from '@thuchoc/shared/api-core';
import { COURSE_READERS, COURSE_WRITERS, partOfCourse } from './course-access';
import { CourseContentService } from './course-content.service';
import {
  CreateLessonDto,
  CreateModuleDto,
  UpdateLessonDto,
  UpdateModuleDto,
} from './dto/content-requests.dto';
import { CourseResponseDto, toCourseResponse } from './dto/course-response.dto';
import { ApiPdfDownload, sendPdf, UploadedPdf } from './pdf-file';
import { PdfUploadInterceptor } from './pdf-upload.interceptor';

/** The course editor's routes. Each change answers the whole course, in order. */
@ApiTags('courses')
@Controller('courses/:id')
@ScopedBy('course')
export class CourseContentController {
  constructor(private readonly content: CourseContentService) {}

  @Post('modules')
  @Roles(...COURSE_WRITERS)
  @ApiOkResponse({ type: CourseResponseDto })
  async addModule(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateModuleDto,
  ): Promise<CourseResponse> {
    return toCourseResponse(await this.content.addModule(id, dto));
  }

  /** Renames the module and/or moves it to a new position; the others are renumbered. */
  @Patch('modules/:moduleId')
  @Roles(...COURSE_WRITERS)
  @ApiOkResponse({ type: CourseResponseDto })
  async updateModule(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', partOfCourse('module')) moduleId: string,
    @Body() dto: UpdateModuleDto,
  ): Promise<CourseResponse> {
    return toCourseResponse(await this.content.updateModule(id, moduleId, dto));
  }

  /** Deletes the module with its lessons and attachments; the others are renumbered. */
  @Delete('modules/:moduleId')
  @Roles(...COURSE_WRITERS)
  @ApiOkResponse({ type: CourseResponseDto })
  async removeModule(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', partOfCourse('module')) moduleId: string,
  ): Promise<CourseResponse> {
    return toCourseResponse(await this.content.removeModule(id, moduleId));
  }

  @Post('modules/:moduleId/lessons')
  @Roles(...COURSE_WRITERS)
  @ApiOkResponse({ type: CourseResponseDto })
  async addLesson(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', partOfCourse('module')) moduleId: string,
    @Body() dto: CreateLessonDto,
  ): Promise<CourseResponse> {
    return toCourseResponse(await this.content.addLesson(id, moduleId, dto));
  }

  @Patch('lessons/:lessonId')
  @Roles(...COURSE_WRITERS)
  @ApiOkResponse({ type: CourseResponseDto })
  async updateLesson(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lessonId', partOfCourse('lesson')) lessonId: string,
    @Body() dto: UpdateLessonDto,
  ): Promise<CourseResponse> {
    return toCourseResponse(await this.content.updateLesson(id, lessonId, dto));
  }

  @Delete('lessons/:lessonId')
  @Roles(...COURSE_WRITERS)
  @ApiOkResponse({ type: CourseResponseDto })
  async removeLesson(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lessonId', partOfCourse('lesson')) lessonId: string,
  ): Promise<CourseResponse> {
    return toCourseResponse(await this.content.removeLesson(id, lessonId));
  }

  /** Attaches a PDF (multipart field `file`), checked by its content; 413 over the size limit. */
  @Post('lessons/:lessonId/attachments')
  @Roles(...COURSE_WRITERS)
  @UseInterceptors(PdfUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: CourseResponseDto })
  async addAttachment(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lessonId', partOfCourse('lesson')) lessonId: string,
    @UploadedPart() file: UploadedPdf | undefined,
  ): Promise<CourseResponse> {
    return toCourseResponse(await this.content.addAttachment(id, lessonId, file));
  }

  @Get('attachments/:attachmentId')
  @Roles(...COURSE_READERS)
  @ApiPdfDownload()
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', partOfCourse('attachment')) attachmentId: string,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<StreamableFile> {
    const file = await this.content.download(id, attachmentId);
    return sendPdf(res, file.fileName, file.bytes);
  }

  @Delete('attachments/:attachmentId')
  @Roles(...COURSE_WRITERS)
  @ApiOkResponse({ type: CourseResponseDto })
  async removeAttachment(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', partOfCourse('attachment')) attachmentId: string,
  ): Promise<CourseResponse> {
    return toCourseResponse(await this.content.removeAttachment(id, attachmentId));
  }
}
