import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Role } from '@thuchoc/identity/contracts';
import { SessionStore } from '@thuchoc/identity/web';
import { LanguageStore } from '@thuchoc/shared/web-core';
import { LanguageSwitch } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';

/** Below this width the navigation becomes an overlay opened from the menu button. */
const HANDSET_QUERY = '(max-width: 959.98px)';

/** The admin area's own pages, listed under its entry in the navigation. */
const ADMIN_PAGES = [
  { path: '/admin/org-units', title: 'identity.orgUnits.title' },
  { path: '/admin/users', title: 'identity.users.title' },
] as const;

/** The signed-in layout: toolbar, navigation to the user's areas, and the page. */
@Component({
  selector: 'th-shell',
  imports: [
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
    MatTooltipModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
    LanguageSwitch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  protected readonly languages = inject(LanguageStore);
  protected readonly session = inject(SessionStore);
  protected readonly adminRole = Role.Admin;
  protected readonly adminPages = ADMIN_PAGES;
  protected readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe(HANDSET_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected closeIfOverlay(drawer: MatSidenav): void {
    if (this.isHandset()) void drawer.close();
  }

  protected logout(): void {
    this.session.logout().subscribe();
  }
}
