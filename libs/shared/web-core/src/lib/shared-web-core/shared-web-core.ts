import { Component } from '@angular/core';

@Component({
  selector: 'th-shared-web-core',
  imports: [],
  templateUrl: './shared-web-core.html',
  styleUrl: './shared-web-core.css'
})
export class SharedWebCore {}
