import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ImportQuestionsRequest,
  QuestionExportQuery,
  QuestionFileFormat,
  QuestionSheetFormat,
} from '@thuchoc/assessments/contracts';
import { IsEnum, IsIn, IsOptional } from 'class-validator';

export class ImportQuestionsDto implements ImportQuestionsRequest {
  @ApiProperty({ enum: QuestionFileFormat })
  @IsEnum(QuestionFileFormat)
  format!: QuestionFileFormat;
}

export class QuestionSheetQueryDto implements QuestionExportQuery {
  @ApiPropertyOptional({ enum: [QuestionFileFormat.Xlsx, QuestionFileFormat.Csv], default: 'xlsx' })
  @IsOptional()
  @IsIn([QuestionFileFormat.Xlsx, QuestionFileFormat.Csv])
  format?: QuestionSheetFormat;
}
