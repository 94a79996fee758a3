import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ClassResponse } from '@thuchoc/classes/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { ClassPeriod } from './class-period';

/**
 * A class page's heading: title, course, centre, period, lecturers. The page
 * projects its own badges (`[badges]`) and actions (`[actions]`).
 */
@Component({
  selector: 'th-class-header',
  imports: [TranslocoPipe, ClassPeriod],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let info = classInfo();
    <header data-testid="class-header">
      <h1>{{ info.title }}</h1>
      <p class="subtitle">{{ info.code }} · {{ info.courseTitle }}</p>
      <div class="badges">
        <ng-content select="[badges]" />
        <span class="class-status" data-testid="class-status">{{
          'learning.classStatus.' + info.status | transloco
        }}</span>
      </div>
      <dl>
        <dt>{{ 'learning.card.centre' | transloco }}</dt>
        <dd>{{ info.ownerUnitName }}</dd>
        <dt>{{ 'learning.card.period' | transloco }}</dt>
        <dd><th-class-period [startsOn]="info.startsOn" [endsOn]="info.endsOn" /></dd>
        @if (info.lecturers.length > 0) {
          <dt>{{ 'learning.card.lecturers' | transloco }}</dt>
          <dd>
            @for (lecturer of info.lecturers; track lecturer.userId; let last = $last) {
              {{ lecturer.fullName }}{{ last ? '' : ', ' }}
            }
          </dd>
        }
      </dl>
      @if (info.description) {
        <p class="description">{{ info.description }}</p>
      }
      <div class="actions"><ng-content select="[actions]" /></div>
    </header>
  `,
  styleUrl: './class-header.scss',
})
export class ClassHeader {
  readonly classInfo = input.required<ClassResponse>();
}
