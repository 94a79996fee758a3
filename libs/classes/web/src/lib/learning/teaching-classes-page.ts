import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { TeachingClassesStore } from '../data-access/learning-teaching.store';
import { ClassPeriod } from './class-period';

/** `/lecturer/classes`: the classes I teach. */
@Component({
  selector: 'th-teaching-classes-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    ErrorAlert,
    ClassPeriod,
  ],
  providers: [TeachingClassesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './teaching-classes-page.html',
  styleUrl: './teaching-classes-page.scss',
})
export class TeachingClassesPage implements OnInit {
  protected readonly store = inject(TeachingClassesStore);

  ngOnInit(): void {
    this.store.load();
  }
}
