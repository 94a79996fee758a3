import { Pipe, PipeTransform } from '@angular/core';
import { formatPoints, formatScore } from '../data-access/score';

/** `score | thScore: language` → "7,50" (10-point scale, two decimals). */
@Pipe({ name: 'thScore' })
export class ScorePipe implements PipeTransform {
  transform(score: number, language: string): string {
    return formatScore(score, language);
  }
}

/** `points | thPoints: language` → "2,5". */
@Pipe({ name: 'thPoints' })
export class PointsPipe implements PipeTransform {
  transform(points: number, language: string): string {
    return formatPoints(points, language);
  }
}
