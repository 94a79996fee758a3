import { Injectable, computed, inject, signal } from '@angular/core';
import { ClassSummary, TeachingClassResponse } from '@thuchoc/classes/contracts';
import { LearningApi } from './learning-api';
import { RemoteValue } from '@thuchoc/shared/web-core';
import { filterRoster } from './learning-roster';

/** The classes a lecturer teaches. */
@Injectable()
export class TeachingClassesStore {
  private readonly api = inject(LearningApi);

  readonly classes = new RemoteValue<ClassSummary[]>();

  load(): void {
    this.classes.load(this.api.teaching());
  }
}

/** One class a lecturer teaches: schedule and roster, searchable by name, username, unit or position. */
@Injectable()
export class TeachingClassStore {
  private readonly api = inject(LearningApi);

  readonly detail = new RemoteValue<TeachingClassResponse>();
  readonly query = signal('');
  readonly roster = computed(() => filterRoster(this.detail.value()?.roster ?? [], this.query()));

  load(classId: string): void {
    if (this.detail.value()?.class.id !== classId) this.detail.reset();
    this.detail.load(this.api.teachingClass(classId));
  }
}
