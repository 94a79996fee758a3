import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CourseResponse, CourseSummary } from '@thuchoc/courses/contracts';
import { CurrentPrincipal, Principal, Roles, ScopedBy } from '@thuchoc/identity/api';
import { Page } from '@thuchoc/shared/contracts';
import { COURSE_READERS, COURSE_WRITERS } from './course-access';
import { CoursesService } from './courses.service';
import { CourseListQueryDto, CreateCourseDto, UpdateCourseDto } from './dto/course-requests.dto';
import {
  CoursePageDto,
  CourseResponseDto,
  toCourseResponse,
  toCourseSummary,
} from './dto/course-response.dto';

@ApiTags('courses')
@Controller('courses')
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  /** Courses owned inside the caller's subtree, by title. */
  @Get()
  @Roles(...COURSE_READERS)
  @ApiOkResponse({ type: CoursePageDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: CourseListQueryDto,
  ): Promise<Page<CourseSummary>> {
    const page = await this.courses.list(principal, query);
    return { ...page, items: page.items.map(toCourseSummary) };
  }

  @Post()
  @Roles(...COURSE_WRITERS)
  @ApiOkResponse({ type: CourseResponseDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateCourseDto,
  ): Promise<CourseResponse> {
    return toCourseResponse(await this.courses.create(principal, dto));
  }

  @Get(':id')
  @Roles(...COURSE_READERS)
  @ScopedBy('course')
  @ApiOkResponse({ type: CourseResponseDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<CourseResponse> {
    return toCourseResponse(await this.courses.details(id));
  }

  /** Changes the course, its grading scheme (weights summing to 100) or its completion policy. */
  @Patch(':id')
  @Roles(...COURSE_WRITERS)
  @ScopedBy('course')
  @ApiOkResponse({ type: CourseResponseDto })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCourseDto,
  ): Promise<CourseResponse> {
    return toCourseResponse(await this.courses.update(id, dto));
  }
}
