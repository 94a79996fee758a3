import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder until the activation page lands. */
@Component({
  selector: 'th-activation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
export class ActivationPage {}
