import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CourseSummary } from '@thuchoc/courses/contracts';
import { OrgUnitResponse, OrgUnitStatus, Role, UserResponse } from '@thuchoc/identity/contracts';
import { MAX_PAGE_SIZE, Page } from '@thuchoc/shared/contracts';
import { API_BASE_URL, queryParams } from '@thuchoc/shared/web-core';
import { Observable, map } from 'rxjs';

const byName = (a: string, b: string): number => a.localeCompare(b, 'vi');

/**
 * The choices of the class forms, read from other domains' APIs (a feature
 * lib may not import another domain's web lib). Every answer is already
 * limited to the caller's scope by the server.
 */
@Injectable({ providedIn: 'root' })
export class ClassLookupsApi {
  private readonly http = inject(HttpClient);
  private readonly apiBase = inject(API_BASE_URL);

  /** The courses a class can be an offering of, by title. */
  courses(): Observable<CourseSummary[]> {
    return this.http
      .get<Page<CourseSummary>>(`${this.apiBase}/courses`, {
        params: queryParams({ pageSize: MAX_PAGE_SIZE }),
      })
      .pipe(map((page) => [...page.items].sort((a, b) => byName(a.title, b.title))));
  }

  /** Active org units, by name: the possible target units. */
  activeUnits(): Observable<OrgUnitResponse[]> {
    return this.http
      .get<OrgUnitResponse[]>(`${this.apiBase}/org-units`)
      .pipe(
        map((units) =>
          units.filter((unit) => unit.status === OrgUnitStatus.Active).sort((a, b) => byName(a.name, b.name)),
        ),
      );
  }

  /** Active users holding `role` whose name, username or email matches `q`. */
  users(role: Role.Lecturer | Role.Learner, q = '', pageSize = 20): Observable<UserResponse[]> {
    return this.http
      .get<Page<UserResponse>>(`${this.apiBase}/users`, {
        params: queryParams({ q: q.trim(), role, isActive: true, pageSize }),
      })
      .pipe(map((page) => page.items));
  }
}
