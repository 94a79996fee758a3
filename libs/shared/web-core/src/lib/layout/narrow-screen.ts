import { BreakpointObserver } from '@angular/cdk/layout';
import { Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** Below 720 px lists turn into cards: a five-column table does not fit. */
export const NARROW_SCREEN_QUERY = '(max-width: 719.98px)';

/** Whether the screen is narrow (a phone). Call in an injection context. */
export function narrowScreen(): Signal<boolean> {
  return toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
}
