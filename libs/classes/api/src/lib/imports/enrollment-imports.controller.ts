import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { EnrollmentImportResponse, IMPORT_MAX_BYTES } from '@thuchoc/classes/contracts';
import { CurrentPrincipal, Principal, Roles, ScopedBy } from '@thuchoc/identity/api';
import {
  badRequest,
  FileUploadInterceptor,
  HttpReply,
  sendDownload,
  UploadedPart,
} from '@thuchoc/shared/api-core';
import { OVERSIGHT, STAFF } from '../classes/class-roles';
import { ClassAccess } from '../classes/class-access';
import { EnrollmentImportsService } from './enrollment-imports.service';
import { activationSheetXlsx, errorReportCsv } from './import-reports';

/** The part of the uploaded file this route reads. */
interface UploadedSpreadsheet {
  originalname: string;
  buffer: Buffer;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('enrollment')
@Controller('classes/:id/imports')
export class EnrollmentImportsController {
  constructor(
    private readonly imports: EnrollmentImportsService,
    private readonly access: ClassAccess,
  ) {}

  /** Upload a CSV or XLSX list; the import runs as a job — poll it for progress. */
  @Post()
  @HttpCode(202)
  @Roles(...STAFF)
  @ScopedBy('class')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileUploadInterceptor({ field: 'file', maxBytes: IMPORT_MAX_BYTES }))
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedPart() file: UploadedSpreadsheet | undefined,
  ): Promise<EnrollmentImportResponse> {
    if (!file) throw badRequest('import.file-missing', 'Attach the file in the "file" field.');
    return this.imports.create(principal, id, file.originalname, file.buffer);
  }

  @Get()
  @Roles(...OVERSIGHT)
  @ScopedBy('class')
  list(@Param('id', ParseUUIDPipe) id: string): Promise<EnrollmentImportResponse[]> {
    return this.imports.list(id);
  }

  @Get(':importId')
  @Roles(...OVERSIGHT)
  @ScopedBy('class')
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('importId', ParseUUIDPipe) importId: string,
  ): Promise<EnrollmentImportResponse> {
    return this.imports.get(id, importId);
  }

  /** Every bad row with its reason, as CSV. */
  @Get(':importId/error-report')
  @Roles(...OVERSIGHT)
  @ScopedBy('class')
  async errorReport(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('importId', ParseUUIDPipe) importId: string,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<StreamableFile> {
    const problems = await this.imports.problems(id, importId);
    return sendDownload(
      res,
      `loi-nhap-danh-sach-${importId.slice(0, 8)}.csv`,
      'text/csv; charset=utf-8',
      errorReportCsv(problems),
    );
  }

  /** The printable sheet of one-time activation links for the accounts this import made. */
  @Get(':importId/activation-sheet')
  @Roles(...STAFF)
  @ScopedBy('class')
  async activationSheet(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('importId', ParseUUIDPipe) importId: string,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<StreamableFile> {
    const klass = await this.access.row(id);
    const rows = await this.imports.activationSheet(id, importId);
    return sendDownload(
      res,
      `kich-hoat-${klass.code}.xlsx`,
      XLSX,
      await activationSheetXlsx(klass.title, rows),
    );
  }
}
