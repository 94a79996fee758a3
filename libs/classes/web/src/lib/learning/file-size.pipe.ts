import { Pipe, PipeTransform } from '@angular/core';
import { formatFileSize } from '../data-access/learning-lessons';

/** `{{ bytes | thFileSize: language }}`: "1,5 MB" in Vietnamese, "1.5 MB" in English. */
@Pipe({ name: 'thFileSize' })
export class FileSizePipe implements PipeTransform {
  transform(bytes: number, language: string): string {
    return formatFileSize(bytes, language);
  }
}
