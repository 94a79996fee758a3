import { HttpStatus } from '@nestjs/common';
import { QUESTION_IMPORT_MAX_BYTES } from '@thuchoc/assessments/contracts';
import { FileUploadInterceptor, ProblemException } from '@thuchoc/shared/api-core';

export const importTooLarge = () =>
  new ProblemException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'question-import.too-large',
    `An import file may hold at most ${QUESTION_IMPORT_MAX_BYTES / (1024 * 1024)} MiB.`,
  );

/** The multipart field `file`, up to the import size limit; larger answers 413 `question-import.too-large`. */
export const QuestionImportInterceptor = FileUploadInterceptor({
  field: 'file',
  maxBytes: QUESTION_IMPORT_MAX_BYTES,
  tooLarge: importTooLarge,
});

/** The part of multer's file an import reads. */
export interface UploadedQuestionFile {
  originalname: string;
  buffer: Buffer;
}
