import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { CompletionPolicyForm } from '../components/completion-policy-form';
import { CourseDetailsForm } from '../components/course-details-form';
import { CourseOutline } from '../components/course-outline';
import { GradingSchemeForm } from '../components/grading-scheme-form';
import { CourseEditorStore } from '../data-access/course-editor.store';

/** The editor's tabs, in order; the open one is kept in the address (`?tab=`) so a reload returns to it. */
const TABS = ['details', 'content', 'scheme', 'policy'] as const;
type EditorTab = (typeof TABS)[number];

/** `/centre/courses/:courseId`: a course's details, modules and lessons, grading scheme and completion policy. */
@Component({
  selector: 'th-course-editor-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTabsModule,
    TranslocoPipe,
    ErrorAlert,
    CourseDetailsForm,
    CourseOutline,
    GradingSchemeForm,
    CompletionPolicyForm,
  ],
  providers: [CourseEditorStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './course-editor-page.html',
  styleUrl: './course-editor-page.scss',
})
export class CourseEditorPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** From the route's `:courseId`. */
  readonly courseId = input.required<string>();
  /** From the query string. */
  readonly tab = input<string>();

  protected readonly store = inject(CourseEditorStore);
  protected readonly tabs = TABS;
  protected readonly tabIndex = computed(() => Math.max(0, TABS.indexOf(this.tab() as EditorTab)));

  constructor() {
    effect(() => this.store.load(this.courseId()));
  }

  protected selectTab(index: number): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { tab: TABS[index] },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
